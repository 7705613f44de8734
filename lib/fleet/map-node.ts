import 'server-only';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import type { Instance } from '@aws-sdk/client-ec2';
import type { NodeRow, PatchStatus } from '@/lib/contracts/node';

/** SDK shapes (every field optional) in, strict flat DTOs out. */

const iso = (d: Date | undefined | null): string | null => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null);
const str = (s: string | undefined | null): string | null => (s === undefined || s === null || s === '' ? null : s);

/** The EC2 fields the fleet view uses; the rest of the SDK's (large) Instance object is dropped on arrival. */
export function slimInstance(i: Instance): Instance {
  return {
    InstanceId: i.InstanceId,
    State: i.State && { Name: i.State.Name },
    InstanceType: i.InstanceType,
    Placement: i.Placement && { AvailabilityZone: i.Placement.AvailabilityZone },
    ImageId: i.ImageId,
    IamInstanceProfile: i.IamInstanceProfile && { Arn: i.IamInstanceProfile.Arn },
    LaunchTime: i.LaunchTime,
    PublicIpAddress: i.PublicIpAddress,
    PrivateIpAddress: i.PrivateIpAddress,
    PrivateDnsName: i.PrivateDnsName,
    VpcId: i.VpcId,
    Platform: i.Platform,
    PlatformDetails: i.PlatformDetails,
    Tags: i.Tags?.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

export function tagsOf(instance: Instance | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of instance?.Tags ?? []) if (t.Key) out[t.Key] = t.Value ?? '';
  return out;
}

/** Compliant when nothing is missing, failed or waiting for a reboot (AWS's definition). */
export function patchStatusOf(p: InstancePatchState): PatchStatus {
  const bad = (p.MissingCount ?? 0) + (p.FailedCount ?? 0) + (p.InstalledPendingRebootCount ?? 0);
  return bad > 0 ? 'noncompliant' : 'compliant';
}

type PatchFields = Pick<
  NodeRow,
  | 'patchStatus' | 'patchMissing' | 'patchFailed' | 'patchPendingReboot' | 'patchRejected' | 'patchInstalled'
  | 'patchCritical' | 'patchSecurity' | 'patchOther' | 'patchScannedAt' | 'patchOperation' | 'patchGroup' | 'baselineId'
>;

const UNKNOWN_PATCH: PatchFields = {
  patchStatus: null, patchMissing: null, patchFailed: null, patchPendingReboot: null, patchRejected: null,
  patchInstalled: null, patchCritical: null, patchSecurity: null, patchOther: null, patchScannedAt: null,
  patchOperation: null, patchGroup: null, baselineId: null,
};

/** `known` false: the patch source failed for this node, so every patch field is unknown (null). */
export function patchFields(p: InstancePatchState | undefined, known: boolean): PatchFields {
  if (!known) return UNKNOWN_PATCH;
  if (!p) return { ...UNKNOWN_PATCH, patchStatus: 'notScanned' };
  return {
    patchStatus: patchStatusOf(p),
    patchMissing: p.MissingCount ?? 0,
    patchFailed: p.FailedCount ?? 0,
    patchPendingReboot: p.InstalledPendingRebootCount ?? 0,
    patchRejected: p.InstalledRejectedCount ?? 0,
    patchInstalled: (p.InstalledCount ?? 0) + (p.InstalledOtherCount ?? 0),
    patchCritical: p.CriticalNonCompliantCount ?? null,
    patchSecurity: p.SecurityNonCompliantCount ?? null,
    patchOther: p.OtherNonCompliantCount ?? null,
    patchScannedAt: iso(p.OperationEndTime),
    patchOperation: str(p.Operation),
    patchGroup: str(p.PatchGroup),
    baselineId: str(p.BaselineId),
  };
}

function ec2Fields(i: Instance | undefined) {
  const tags = tagsOf(i);
  return {
    ec2State: str(i?.State?.Name),
    instanceType: str(i?.InstanceType),
    az: str(i?.Placement?.AvailabilityZone),
    imageId: str(i?.ImageId),
    instanceProfile: str(i?.IamInstanceProfile?.Arn?.split('/').pop()),
    launchTime: iso(i?.LaunchTime),
    publicIp: str(i?.PublicIpAddress),
    vpcId: str(i?.VpcId),
    asg: str(tags['aws:autoscaling:groupName']),
  };
}

/** Where a row comes from: its account (ID and display name) and region. */
export interface RowPlace {
  account: string;
  accountName: string;
  region: string;
}

export interface JoinInput extends RowPlace {
  info: InstanceInformation;
  instance: Instance | undefined;
  /** Tags of a hybrid node (ListTagsForResource); EC2 tags otherwise. */
  hybridTags: Record<string, string> | undefined;
  patch: InstancePatchState | undefined;
  patchKnown: boolean;
  openOpsItems: number | null;
}

export function managedNodeRow(j: JoinInput): NodeRow {
  const { info, instance } = j;
  const tags = j.hybridTags ?? tagsOf(instance);
  return {
    id: info.InstanceId ?? '',
    account: j.account,
    accountName: j.accountName,
    region: j.region,
    name: str(tags.Name) ?? str(info.Name) ?? str(info.ComputerName),
    managed: true,
    ping: info.PingStatus ?? 'Inactive',
    lastPingAt: iso(info.LastPingDateTime),
    platformType: str(info.PlatformType),
    platformName: str(info.PlatformName),
    platformVersion: str(info.PlatformVersion),
    agentVersion: str(info.AgentVersion),
    agentLatest: info.IsLatestVersion ?? null,
    ip: str(info.IPAddress) ?? str(instance?.PrivateIpAddress),
    computerName: str(info.ComputerName),
    resourceType: str(info.ResourceType),
    ...ec2Fields(instance),
    tags,
    ...patchFields(j.patch, j.patchKnown),
    openOpsItems: j.openOpsItems,
  };
}

/**
 * An EC2 instance that SSM does not list: running (not managed: a gap in management to see) or not running (stopped,
 * terminated...: shown so that tag-targeted runs, which reach registered stopped instances, add up).
 */
/**
 * An EC2 instance SSM does not list. `ssmKnown: false`: SSM's node list of the region could not be read, so a running
 * instance may or may not be managed (ping Unknown) rather than "not in SSM".
 */
export function unmanagedNodeRow(place: RowPlace, i: Instance, openOpsItems: number | null, ssmKnown = true): NodeRow {
  const tags = tagsOf(i);
  const windows = (i.Platform ?? '').toLowerCase() === 'windows';
  return {
    id: i.InstanceId ?? '',
    ...place,
    name: str(tags.Name),
    managed: false,
    ping: i.State?.Name === 'running' || i.State?.Name === 'pending' ? (ssmKnown ? 'NotManaged' : 'Unknown') : 'NotRunning',
    lastPingAt: null,
    platformType: windows ? 'Windows' : null,
    platformName: str(i.PlatformDetails),
    platformVersion: null,
    agentVersion: null,
    agentLatest: null,
    ip: str(i.PrivateIpAddress),
    computerName: str(i.PrivateDnsName),
    resourceType: 'EC2Instance',
    ...ec2Fields(i),
    tags,
    ...UNKNOWN_PATCH,
    openOpsItems,
  };
}

export { iso, str };
