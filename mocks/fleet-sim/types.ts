/** The simulated fleet's records. Times are epoch milliseconds from the simulation clock. */

export type Environment = 'prod' | 'staging' | 'dev';
export type PlatformKey = 'al2023' | 'ubuntu2204' | 'ubuntu2404' | 'rhel9' | 'win2019' | 'win2022';
export type PatchFamily = 'amazon-linux' | 'ubuntu' | 'rhel' | 'windows';
export type PingStatus = 'Online' | 'ConnectionLost' | 'Inactive';
export type AssociationStatus = 'Success' | 'Failed' | 'Pending';
export type PatchState =
  | 'Installed' | 'InstalledOther' | 'InstalledPendingReboot' | 'InstalledRejected'
  | 'Missing' | 'Failed' | 'NotApplicable';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Ec2Record {
  reservationId: string;
  imageId: string;
  instanceType: string;
  state: 'running' | 'stopped';
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIp: string;
  publicIp?: string;
  launchTime: number;
  architecture: 'x86_64' | 'arm64';
  iamInstanceProfile?: { arn: string; id: string };
  autoScalingGroup?: string;
  monitoring: 'enabled' | 'disabled';
  ebsOptimized: boolean;
  securityGroup: { id: string; name: string };
  keyName?: string;
  /** When the instance profile was associated (default: launch). */
  profileAssociatedTime?: number;
  /** EC2 status checks (absent: both ok, no scheduled event). */
  statusChecks?: StatusChecks;
}

/** DescribeInstanceStatus: an impaired check (reachability failed since) and a scheduled event. */
export interface StatusChecks {
  system: 'ok' | 'impaired';
  instance: 'ok' | 'impaired';
  impairedSince?: number;
  event?: { id: string; code: 'instance-reboot' | 'system-reboot' | 'system-maintenance' | 'instance-retirement' | 'instance-stop'; description: string; notBefore: number; notAfter?: number };
}

export interface SsmRecord {
  pingStatus: PingStatus;
  /** Absent while Online: the node pings continuously (now minus pingJitterMs). */
  lastPingTime?: number;
  pingJitterMs: number;
  agentVersion: string;
  computerName: string;
  ipAddress: string;
  associationStatus: AssociationStatus;
  lastAssociationTime: number;
  lastSuccessfulAssociationTime: number;
  /** Hybrid (mi-) nodes only. */
  registrationDate?: number;
  activationId?: string;
  iamRole?: string;
  activationName?: string;
}

/** How far from compliant a node's generated patch list is (the list itself is the truth). */
export interface PatchProfile {
  missing: number;
  failed: number;
  pendingReboot: number;
  rejected: number;
}

export interface PatchDef {
  title: string;
  kbId: string;
  classification: string;
  severity: string;
  cveIds: string[];
  /** Days between the patch's release and a node's scan (newest patches are youngest). */
  ageDays: number;
}

export interface PatchEntry {
  def: PatchDef;
  state: PatchState;
  installedTime?: number;
}

export interface PatchScan {
  baselineId: string;
  patchGroup: string;
  operation: 'Scan' | 'Install';
  startTime: number;
  endTime: number;
  rebootOption: 'RebootIfNeeded' | 'NoReboot';
  profile: PatchProfile;
  seed: number;
  /** Set once the list has been changed; until then it is regenerated from seed + profile. */
  patches?: PatchEntry[];
  /**
   * When a NoReboot install last ran; set by simulated patch runs (null: never). Until
   * then it is derived: endTime of a generated Install with NoReboot.
   */
  lastNoRebootInstallTime?: number | null;
}

export interface SimNode {
  id: string;
  /** Stable position in the fleet (generation order); paging follows it. */
  order: number;
  region: string;
  platform: PlatformKey;
  /** PlatformVersion as SSM reports it (e.g. "2023", "22.04", "9.4", "10.0.20348"). */
  platformVersion: string;
  environment: Environment;
  team: string;
  application: string;
  name: string;
  tags: Tag[];
  /** Absent for hybrid (mi-) nodes. */
  ec2?: Ec2Record;
  /** Absent for EC2 instances that never registered with SSM. */
  ssm?: SsmRecord;
  /** Absent when never scanned. */
  patch?: PatchScan;
  /** Distributor packages installed by simulated AWS-ConfigureAWSPackage runs (name -> version). */
  packages?: Record<string, string>;
}

/** OpsItemStatus as the model lists it (issues use Open/InProgress/Resolved, change requests the rest). */
export type OpsItemStatus =
  | 'Open' | 'InProgress' | 'Resolved' | 'Pending' | 'TimedOut' | 'Cancelling' | 'Cancelled' | 'Failed'
  | 'CompletedWithSuccess' | 'CompletedWithFailure' | 'Scheduled' | 'RunbookInProgress' | 'PendingChangeCalendarOverride'
  | 'ChangeCalendarOverrideApproved' | 'ChangeCalendarOverrideRejected' | 'PendingApproval' | 'Approved' | 'Revoked'
  | 'Rejected' | 'Closed';

export type OpsItemSeverity = '1' | '2' | '3' | '4';

/** One OperationalData entry: SearchableString entries show in DescribeOpsItems and can be searched; String ones only in GetOpsItem. */
export interface OpsItemDataValue {
  Value: string;
  Type: 'SearchableString' | 'String';
}

/** A related item (ListOpsItemRelatedItems): seeded from `/aws/resources` or added by AssociateOpsItemRelatedItem. */
export interface OpsItemRelatedItem {
  /** Position in the OpsItem's list (paging follows it; never reused). */
  seq: number;
  associationId: string;
  resourceType: string;
  resourceUri: string;
  associationType: string;
  createdBy: string;
  createdTime: number;
  lastModifiedBy: string;
  lastModifiedTime: number;
}

export interface OpsItem {
  id: string;
  seq: number;
  region: string;
  /** The account the OpsItem belongs to (the simulation's own account). */
  account: string;
  /** The node the generator made it for; absent for OpsItems created through the API. */
  nodeId?: string;
  title: string;
  description: string;
  source: string;
  status: OpsItemStatus;
  severity?: OpsItemSeverity;
  priority?: number;
  category?: string;
  /** `/aws/issue`, `/aws/insight` or `/aws/changerequest`. */
  opsItemType: string;
  createdBy: string;
  lastModifiedBy: string;
  createdTime: number;
  lastModifiedTime: number;
  /** "1" at creation, +1 on every UpdateOpsItem. */
  version: string;
  operationalData: Record<string, OpsItemDataValue>;
  /** SNS topic ARNs (may be empty). */
  notifications: string[];
  /** RelatedOpsItems: IDs of other OpsItems. */
  relatedOpsItems: string[];
  relatedItems: OpsItemRelatedItem[];
  /** Next related item seq. */
  relatedSeq: number;
  tags: Tag[];
  plannedStartTime?: number;
  plannedEndTime?: number;
  actualStartTime?: number;
  actualEndTime?: number;
}
