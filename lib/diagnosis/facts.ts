/**
 * What the diagnosis knows about a node, as plain data: the collectors (collect-*.ts) read it from AWS through
 * lib/aws and the rules (rules-*.ts, diagnose.ts) judge it without any I/O. Every fact read from AWS is a `Fact`:
 * either its value, or why it could not be read (a denied IAM action is named: that step is unchecked, never a cause).
 */
import type { NodeRow } from '@/lib/contracts/node';

export type Fact<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** The IAM action of the call that failed, `ec2:DescribeRouteTables`. */
      action: string;
      /** true: AWS denied the action to the dashboard (AccessDenied / UnauthorizedOperation). */
      denied: boolean;
      message: string;
    };

export const known = <T>(value: T): Fact<T> => ({ ok: true, value });

/** The IAM actions a set of facts was denied, for an `unchecked` step. */
export function deniedActions(...facts: (Fact<unknown> | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const f of facts) if (f && !f.ok && f.denied) out.add(f.action);
  return [...out].sort();
}

/** The first failed fact, if any. */
export function firstFailure(...facts: (Fact<unknown> | null | undefined)[]): Extract<Fact<unknown>, { ok: false }> | null {
  for (const f of facts) if (f && !f.ok) return f;
  return null;
}

// ---- EC2 instance ----

export interface InstanceFact {
  id: string;
  state: string | null;
  /** EC2's StateTransitionReason: "User initiated (2025-06-01 10:00:00 GMT)". */
  stateReason: string | null;
  vpcId: string | null;
  subnetId: string | null;
  privateIp: string | null;
  publicIp: string | null;
  securityGroupIds: string[];
  imageId: string | null;
  /** `windows` or null (EC2's Platform). */
  platform: string | null;
  platformDetails: string | null;
  /** The profile DescribeInstances shows (only while associated). */
  profileArn: string | null;
}

export interface StatusFact {
  state: string | null;
  /** ok | impaired | insufficient-data | initializing | not-applicable */
  instanceStatus: string | null;
  systemStatus: string | null;
  /** Names of failed checks with their time: "instance reachability (since 2025-06-01T10:00:00Z)". */
  failedChecks: string[];
}

export interface AssociationFact {
  profileArn: string;
  /** associating | associated | disassociating | disassociated */
  state: string;
}

// ---- IAM ----

export interface ProfileFact {
  name: string;
  arn: string | null;
  /** A profile holds at most one role; null: none. */
  role: { name: string; arn: string | null } | null;
}

export interface RoleFact {
  name: string;
  attached: { name: string; arn: string }[];
  /** Inline policies as JSON text; a failed fact when they could not be read. */
  inline: Fact<{ name: string; document: string | null }[]>;
}

// ---- Region (SSM) ----

export interface DhmcFact {
  /** The role SSM lends to instances without a profile; null: not configured. */
  roleName: string | null;
}

export interface ActivationFact {
  id: string;
  expired: boolean;
  expiresAt: string | null;
  registrationLimit: number | null;
  registrationsCount: number | null;
  iamRole: string | null;
}

// ---- Network (per VPC) ----

export interface SubnetFact {
  id: string;
  cidr: string;
  az: string | null;
}

export interface RouteFact {
  destination: string;
  /** igw-..., nat-..., tgw-..., eni-..., pcx-..., vgw-..., vpce-..., local */
  target: string;
  /** active | blackhole */
  state: string;
}

export interface RouteTableFact {
  id: string;
  main: boolean;
  subnetIds: string[];
  routes: RouteFact[];
}

export interface EndpointFact {
  id: string;
  serviceName: string;
  /** Interface | Gateway | GatewayLoadBalancer ... */
  type: string;
  /** available | pending | failed | deleted ... */
  state: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDns: boolean;
}

export interface SgRule {
  /** -1 (all), tcp, udp, icmp, or a protocol number. */
  protocol: string;
  fromPort: number | null;
  toPort: number | null;
  cidrs: string[];
  groupIds: string[];
  prefixListIds: string[];
}

export interface SecurityGroupFact {
  id: string;
  name: string;
  ingress: SgRule[];
  egress: SgRule[];
}

export interface NaclEntry {
  ruleNumber: number;
  egress: boolean;
  /** -1 (all) or a protocol number (6 = tcp). */
  protocol: string;
  action: 'allow' | 'deny';
  cidr: string | null;
  fromPort: number | null;
  toPort: number | null;
}

export interface NaclFact {
  id: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: NaclEntry[];
}

export interface VpcFacts {
  vpcId: string;
  cidrs: Fact<string[]>;
  dnsSupport: Fact<boolean | null>;
  dnsHostnames: Fact<boolean | null>;
  subnets: Fact<SubnetFact[]>;
  routeTables: Fact<RouteTableFact[]>;
  endpoints: Fact<EndpointFact[]>;
  securityGroups: Fact<SecurityGroupFact[]>;
  nacls: Fact<NaclFact[]>;
  fetchedAt: number;
}

// ---- One node ----

/** Everything the rules judge for one node. `null` facts were not needed (a hybrid node has no EC2 facts). */
export interface NodeFacts {
  row: NodeRow;
  /** Hybrid nodes: the activation they registered with (from SSM). */
  activationId: string | null;
  instance: Fact<InstanceFact | null> | null;
  status: Fact<StatusFact | null> | null;
  association: Fact<AssociationFact | null> | null;
  /** null: no profile to look up; a null value: IAM has no such profile. */
  profile: Fact<ProfileFact | null> | null;
  role: Fact<RoleFact | null> | null;
  dhmc: Fact<DhmcFact> | null;
  /** The DHMC role's policies, when DHMC names one. */
  dhmcRole: Fact<RoleFact> | null;
  vpc: VpcFacts | null;
  activation: Fact<ActivationFact | null> | null;
  /** The AMI's name (DescribeImages), null when not visible. */
  amiName: string | null;
  /** An instance profile that works for Online instances of the region, to suggest in fixes. */
  suggestedProfile: string | null;
  /** When the oldest of these facts was read (epoch ms). */
  fetchedAt: number;
}
