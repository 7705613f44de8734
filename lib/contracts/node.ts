import { z } from 'zod';

/**
 * SSM ping status, plus NotManaged for running EC2 instances that SSM does not list (never registered), and
 * NotRunning for EC2 instances that are stopped, stopping, shutting down or terminated (SSM does not list those; a
 * tag-targeted command still reaches the registered ones, which then time out), and Unknown for running EC2 instances
 * of a region whose SSM node list could not be read (EC2 answered, SSM did not): they are shown, their SSM state is not
 * known.
 */
export const PING_STATUSES = ['Online', 'ConnectionLost', 'Inactive', 'NotManaged', 'NotRunning', 'Unknown'] as const;
export const PingStatusSchema = z.enum(PING_STATUSES);
export type PingStatus = z.infer<typeof PingStatusSchema>;

/** Node IDs as SSM and EC2 define them: EC2 instances and hybrid (on-premises) managed nodes. */
export const NODE_ID_PATTERN = /^(i-(\w{8}|\w{17})|mi-\w{17})$/;
export const NodeIdSchema = z
  .string()
  .regex(NODE_ID_PATTERN, 'a node ID looks like i-0123456789abcdef0 or mi-0123456789abcdef0');

export const PATCH_STATUSES = ['compliant', 'noncompliant', 'notScanned'] as const;
export type PatchStatus = (typeof PATCH_STATUSES)[number];

/**
 * One row of the fleet: a managed node joined with its EC2 facts, patch state and OpsItems.
 * Flat on purpose: 10,000 of these travel to the browser, and the table and CSV export read them directly.
 * `null` means "unknown" (not applicable, or its source failed), never "zero".
 */
export const NodeRowSchema = z.object({
  id: z.string(),
  /** The AWS account ('' for the dashboard's own identity without an accounts file) and its display name. */
  account: z.string(),
  accountName: z.string(),
  region: z.string(),
  name: z.string().nullable(),
  managed: z.boolean(),
  ping: PingStatusSchema,
  lastPingAt: z.string().nullable(),
  platformType: z.string().nullable(),
  platformName: z.string().nullable(),
  platformVersion: z.string().nullable(),
  agentVersion: z.string().nullable(),
  agentLatest: z.boolean().nullable(),
  ip: z.string().nullable(),
  computerName: z.string().nullable(),
  resourceType: z.string().nullable(),
  ec2State: z.string().nullable(),
  instanceType: z.string().nullable(),
  az: z.string().nullable(),
  imageId: z.string().nullable(),
  instanceProfile: z.string().nullable(),
  launchTime: z.string().nullable(),
  publicIp: z.string().nullable(),
  vpcId: z.string().nullable(),
  asg: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  patchStatus: z.enum(PATCH_STATUSES).nullable(),
  patchMissing: z.number().nullable(),
  patchFailed: z.number().nullable(),
  patchPendingReboot: z.number().nullable(),
  patchRejected: z.number().nullable(),
  patchInstalled: z.number().nullable(),
  patchCritical: z.number().nullable(),
  patchSecurity: z.number().nullable(),
  patchOther: z.number().nullable(),
  patchScannedAt: z.string().nullable(),
  patchOperation: z.string().nullable(),
  patchGroup: z.string().nullable(),
  baselineId: z.string().nullable(),
  openOpsItems: z.number().nullable(),
});
export type NodeRow = z.infer<typeof NodeRowSchema>;

export const SourceErrorSchema = z.object({
  source: z.string(),
  code: z.string(),
  message: z.string(),
});
export type SourceError = z.infer<typeof SourceErrorSchema>;

/** How one region's part of the fleet was fetched. */
export const RegionStatusSchema = z.object({
  /** The account of this part of the fleet ('' without an accounts file) and its display name: a status is one account and region. */
  account: z.string(),
  accountName: z.string(),
  region: z.string(),
  /** false when the node list itself could not be read; its nodes (if any) are from an earlier refresh. */
  ok: z.boolean(),
  nodes: z.number(),
  fetchedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Every source that failed in the last refresh: the rest of the data is still shown. */
  errors: z.array(SourceErrorSchema),
  /** Its nodes are the copy saved before the dashboard restarted (read at fetchedAt); the first refresh is under way. */
  restored: z.boolean().optional(),
  /** SSM's node list failed but EC2 answered: its running instances are shown with SSM status unknown. */
  ec2Only: z.boolean().optional(),
});
export type RegionStatus = z.infer<typeof RegionStatusSchema>;

export const OpsItemRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  severity: z.string().nullable(),
  priority: z.number().nullable(),
  source: z.string().nullable(),
  category: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type OpsItemRef = z.infer<typeof OpsItemRefSchema>;

export const NodeDetailSchema = z.object({
  node: NodeRowSchema,
  ssm: z
    .object({
      registrationDate: z.string().nullable(),
      associationStatus: z.string().nullable(),
      lastAssociationAt: z.string().nullable(),
      iamRole: z.string().nullable(),
      activationId: z.string().nullable(),
      sourceType: z.string().nullable(),
    })
    .nullable(),
  opsItems: z.array(OpsItemRefSchema),
  fetchedAt: z.string().nullable(),
  regionStatus: RegionStatusSchema.nullable(),
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

export interface FleetResponse {
  nodes: NodeRow[];
  /** Nodes in the whole fleet before the request's filters. */
  total: number;
  regions: RegionStatus[];
  generatedAt: string;
  version: string;
}
