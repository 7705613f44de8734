import { z } from 'zod';
import { PingStatusSchema } from './node';

/**
 * "Why is this node not managed?": the diagnosis of one node and the fleet view of it, as the routes answer them.
 * One vocabulary: the steps and the cause codes (in rank order) are declared here once, with their labels and the
 * fleet view's sentence, and everything else derives from these tables.
 */

/** The checks, in the order they run and are shown. */
export const DIAGNOSIS_STEPS = ['ec2', 'iam', 'network', 'agent', 'hybrid'] as const;
export const StepKeySchema = z.enum(DIAGNOSIS_STEPS);
export type StepKey = z.infer<typeof StepKeySchema>;

export const STEP_TITLES: Record<StepKey, string> = {
  ec2: 'EC2 state and status checks',
  iam: 'Instance profile and role',
  network: 'Network path to Systems Manager (443)',
  agent: 'SSM Agent',
  hybrid: 'Hybrid activation',
};

/** `unchecked`: the check could not run (a permission the dashboard lacks, or AWS failed); never a cause. */
export const STEP_STATUSES = ['pass', 'fail', 'warn', 'unchecked', 'skipped'] as const;
export const StepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** Cause codes, most sure first: the rank of a cause among equally confident ones. */
export const CAUSE_CODES = [
  'instance-not-running',
  'status-check-failed',
  'activation-limit-reached',
  'activation-expired',
  'no-instance-profile',
  'profile-without-role',
  'role-missing-ssm-permissions',
  'no-route-to-ssm',
  'no-public-ip-for-igw',
  'vpc-dns-disabled',
  'endpoint-private-dns-off',
  'endpoint-sg-blocks-443',
  'sg-egress-blocks-443',
  'nacl-blocks-443-out',
  'nacl-blocks-ephemeral-in',
  'agent-not-installed',
] as const;
export const CauseCodeSchema = z.enum(CAUSE_CODES);
export type CauseCode = z.infer<typeof CauseCodeSchema>;

export interface CauseInfo {
  step: StepKey;
  /** Short label (chips, headings). */
  label: string;
  /** Fleet grouping: by VPC (the fix is the VPC's) or by region. */
  groupBy: 'vpc' | 'region';
  /** The fleet view's verb phrase, for one node and for several: "23 instances in vpc-0abc have no route to SSM". */
  fleet: readonly [one: string, many: string];
}

export const CAUSES: Record<CauseCode, CauseInfo> = {
  'instance-not-running': { step: 'ec2', label: 'Instance not running', groupBy: 'region', fleet: ['is not running', 'are not running'] },
  'status-check-failed': { step: 'ec2', label: 'Status check failed', groupBy: 'region', fleet: ['fails its EC2 status checks', 'fail their EC2 status checks'] },
  'activation-expired': { step: 'hybrid', label: 'Activation expired', groupBy: 'region', fleet: ['was registered with an expired activation', 'were registered with an expired activation'] },
  'activation-limit-reached': { step: 'hybrid', label: 'Activation limit reached', groupBy: 'region', fleet: ['uses an activation at its registration limit', 'use an activation at its registration limit'] },
  'no-instance-profile': { step: 'iam', label: 'No instance profile', groupBy: 'region', fleet: ['has no instance profile', 'have no instance profile'] },
  'profile-without-role': { step: 'iam', label: 'Instance profile without a role', groupBy: 'region', fleet: ['has an instance profile without a usable role', 'have an instance profile without a usable role'] },
  'role-missing-ssm-permissions': { step: 'iam', label: 'Role lacks SSM permissions', groupBy: 'region', fleet: ['has a role without AmazonSSMManagedInstanceCore', 'have a role without AmazonSSMManagedInstanceCore'] },
  'no-route-to-ssm': { step: 'network', label: 'No route to SSM', groupBy: 'vpc', fleet: ['has no route to SSM', 'have no route to SSM'] },
  'no-public-ip-for-igw': { step: 'network', label: 'Internet gateway without public IP', groupBy: 'vpc', fleet: ['routes to an internet gateway without a public IP', 'route to an internet gateway without a public IP'] },
  'vpc-dns-disabled': { step: 'network', label: 'VPC DNS attributes off', groupBy: 'vpc', fleet: ['cannot resolve the SSM endpoints (VPC DNS off)', 'cannot resolve the SSM endpoints (VPC DNS off)'] },
  'endpoint-private-dns-off': { step: 'network', label: 'Endpoint private DNS off', groupBy: 'vpc', fleet: ['bypasses its SSM endpoints (private DNS off)', 'bypass their SSM endpoints (private DNS off)'] },
  'endpoint-sg-blocks-443': { step: 'network', label: 'Endpoint security group blocks 443', groupBy: 'vpc', fleet: ['is refused on 443 by the SSM endpoints’ security group', 'are refused on 443 by the SSM endpoints’ security group'] },
  'sg-egress-blocks-443': { step: 'network', label: 'Security group blocks outbound 443', groupBy: 'vpc', fleet: ['may not send HTTPS (security group egress)', 'may not send HTTPS (security group egress)'] },
  'nacl-blocks-443-out': { step: 'network', label: 'Network ACL blocks outbound 443', groupBy: 'vpc', fleet: ['has outbound 443 blocked by a network ACL', 'have outbound 443 blocked by a network ACL'] },
  'nacl-blocks-ephemeral-in': { step: 'network', label: 'Network ACL blocks return traffic', groupBy: 'vpc', fleet: ['has return traffic (ephemeral ports) blocked by a network ACL', 'have return traffic (ephemeral ports) blocked by a network ACL'] },
  'agent-not-installed': { step: 'agent', label: 'Agent likely not installed', groupBy: 'region', fleet: ['runs an AMI that does not ship the SSM Agent', 'run AMIs that do not ship the SSM Agent'] },
};

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const EvidenceSchema = z.object({
  label: z.string(),
  value: z.string(),
  /** AWS console deep link, when the thing has a page. */
  href: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FixSchema = z.object({
  /** cli: commands to copy; policy: a JSON policy document; steps: plain instructions. */
  kind: z.enum(['cli', 'policy', 'steps']),
  text: z.string(),
});
export type Fix = z.infer<typeof FixSchema>;

export const CauseSchema = z.object({
  /** 1 = the likeliest explanation of the symptom. */
  rank: z.number().int().positive(),
  code: CauseCodeSchema,
  step: StepKeySchema,
  confidence: ConfidenceSchema,
  sentence: z.string(),
  evidence: z.array(EvidenceSchema),
  fix: FixSchema,
});
export type Cause = z.infer<typeof CauseSchema>;

export const StepResultSchema = z.object({
  step: StepKeySchema,
  title: z.string(),
  status: StepStatusSchema,
  summary: z.string(),
  /** For `unchecked`: the IAM actions the dashboard was denied (empty when AWS failed otherwise). */
  missingPermissions: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
});
export type StepResult = z.infer<typeof StepResultSchema>;

export const CallCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  /** `ec2:DescribeRouteTables` -> calls. Facts served from the diagnosis cache cost none. */
  byOperation: z.record(z.string(), z.number().int().nonnegative()),
});
export type CallCounts = z.infer<typeof CallCountsSchema>;

export const SymptomSchema = z.object({
  ping: PingStatusSchema,
  managed: z.boolean(),
  lastPingAt: z.string().nullable(),
  agentVersion: z.string().nullable(),
  ec2State: z.string().nullable(),
  summary: z.string(),
});
export type Symptom = z.infer<typeof SymptomSchema>;

export const NodeDiagnosisSchema = z.object({
  nodeId: z.string(),
  /** The node's account ('' without an accounts file) and its name. */
  account: z.string().default(''),
  accountName: z.string().default(''),
  region: z.string(),
  name: z.string().nullable(),
  vpcId: z.string().nullable(),
  symptom: SymptomSchema,
  /** Always the five steps, in DIAGNOSIS_STEPS order. */
  steps: z.array(StepResultSchema),
  /** Ranked, most likely first; empty when nothing explains the symptom. */
  causes: z.array(CauseSchema),
  /** When there is no cause: what was checked and found fine (null when there are causes). */
  noCauseFound: z.string().nullable(),
  /** Every IAM action the dashboard lacked for this diagnosis (the README's IAM section lists them). */
  missingPermissions: z.array(z.string()),
  /** When the oldest fact used was read from AWS (facts are cached for a few minutes). */
  checkedAt: z.string(),
  calls: CallCountsSchema,
});
export type NodeDiagnosis = z.infer<typeof NodeDiagnosisSchema>;

export const CauseGroupSchema = z.object({
  /** `${code}|${vpcId or region}`: stable, for React keys and links. */
  key: z.string(),
  code: CauseCodeSchema,
  step: StepKeySchema,
  label: z.string(),
  region: z.string(),
  vpcId: z.string().nullable(),
  count: z.number().int().positive(),
  /** Every node of the group, no cap. */
  nodeIds: z.array(z.string()),
  /** "23 instances in vpc-0abc have no route to SSM". */
  sentence: z.string(),
  fix: FixSchema,
});
export type CauseGroup = z.infer<typeof CauseGroupSchema>;

export const IncompleteNodeSchema = z.object({
  nodeId: z.string(),
  region: z.string(),
  ping: PingStatusSchema,
  /** Steps that could not run (their causes could not be looked for). */
  unchecked: z.array(StepKeySchema),
  missingPermissions: z.array(z.string()),
  /** Set when the node's diagnosis failed as a whole. */
  error: z.string().nullable(),
});
export type IncompleteNode = z.infer<typeof IncompleteNodeSchema>;

export const FleetDiagnosisSchema = z.object({
  checkedAt: z.string(),
  /** The fleet snapshot the nodes were taken from. */
  fleetGeneratedAt: z.string(),
  /** Nodes that are not Online (NotManaged, ConnectionLost, Inactive, NotRunning), all diagnosed. */
  considered: z.number().int().nonnegative(),
  /** Grouped by top cause and VPC (region for causes that are not the network's), biggest first within a rank. */
  groups: z.array(CauseGroupSchema),
  /** Diagnosed nodes for which no cause was found. */
  noCause: z.object({ count: z.number().int().nonnegative(), nodeIds: z.array(z.string()) }),
  /** Nodes with unchecked steps or a failed diagnosis (they may be in a group too). */
  incomplete: z.array(IncompleteNodeSchema),
  /** Nodes of regions whose SSM node list could not be read (ping Unknown): not diagnosed until SSM answers. */
  notDiagnosed: z.array(z.object({ nodeId: z.string(), region: z.string(), reason: z.string() })),
  missingPermissions: z.array(z.string()),
  calls: CallCountsSchema,
  durationMs: z.number().nonnegative(),
});
export type FleetDiagnosis = z.infer<typeof FleetDiagnosisSchema>;

/** "23 instances in vpc-0abc have no route to SSM" (hybrid nodes are "nodes"). */
export function groupSentence(code: CauseCode, count: number, where: string): string {
  const info = CAUSES[code];
  const noun = info.step === 'hybrid' ? (count === 1 ? 'hybrid node' : 'hybrid nodes') : count === 1 ? 'instance' : 'instances';
  return `${count.toLocaleString('en')} ${noun} in ${where} ${count === 1 ? info.fleet[0] : info.fleet[1]}`;
}
