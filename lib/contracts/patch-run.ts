import { z } from 'zod';
import { NodeIdSchema } from './node';

/** AWS's own patterns (SendCommand in the SSM model). */
export const MAX_CONCURRENCY_PATTERN = /^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$/;
export const MAX_ERRORS_PATTERN = /^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$/;
/** Explicit selections larger than this are refused: target a tag or patch group instead. */
export const MAX_EXPLICIT_TARGETS = 2000;
export const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

export const RunTargetsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('nodes'),
    nodeIds: z
      .array(NodeIdSchema)
      .min(1, 'select at least one node')
      .max(MAX_EXPLICIT_TARGETS, `at most ${MAX_EXPLICIT_TARGETS} nodes per run; target a tag or a patch group for more`)
      .refine((ids) => new Set(ids).size === ids.length, 'the same node is selected twice'),
  }),
  z.object({
    mode: z.literal('tag'),
    key: z.string().regex(TAG_KEY_PATTERN, 'not a valid tag key'),
    value: z.string().min(1, 'a tag value is required').max(256),
  }),
  z.object({
    mode: z.literal('patchGroup'),
    patchGroup: z.string().min(1, 'a patch group is required').max(256),
  }),
]);
export type RunTargets = z.infer<typeof RunTargetsSchema>;

export const PatchRunRequestSchema = z.object({
  targets: RunTargetsSchema,
  operation: z.enum(['Scan', 'Install']),
  rebootOption: z.enum(['RebootIfNeeded', 'NoReboot']),
  maxConcurrency: z.string().regex(MAX_CONCURRENCY_PATTERN, 'MaxConcurrency must be a number like 10 or a percentage like 10% (1-100%)'),
  maxErrors: z.string().regex(MAX_ERRORS_PATTERN, 'MaxErrors must be a number like 0 or 5, or a percentage like 10% (0-100%)'),
  timeoutSeconds: z.number().int().min(30, 'timeout must be at least 30 seconds').max(172_800, 'timeout must be at most 48 hours'),
  comment: z.string().max(100, 'comment: at most 100 characters').optional(),
  /** Set when retrying the failed nodes of an earlier run. */
  retryOf: z.string().regex(/^run-[0-9a-z-]{6,40}$/).optional(),
});
export type PatchRunRequest = z.infer<typeof PatchRunRequestSchema>;

export const ExecuteRunSchema = PatchRunRequestSchema.extend({
  /** The preview's token: the server refuses a run whose targets changed since the preview the user saw. */
  previewToken: z.string().min(16).max(200),
  /** Typed confirmation, required when production nodes are targeted. */
  confirmation: z.string().max(100).optional(),
});
export type ExecuteRunRequest = z.infer<typeof ExecuteRunSchema>;

export interface GroupExposure {
  /** AZ, Environment or Auto Scaling group name. */
  dimension: 'az' | 'environment' | 'asg';
  group: string;
  targeted: number;
  inFleet: number;
  /** At most this many of the group's nodes are being patched at the same time. */
  maxAtOnce: number;
  /** Every node of the group could be down together. */
  wholeGroup: boolean;
}

export interface PlannedCommand {
  region: string;
  /** Explicit node IDs (at most 50), or a tag target resolved by AWS at send time. */
  instanceIds?: string[];
  target?: { key: string; value: string };
  expectedNodes: number;
  maxConcurrency: string;
  maxErrors: string;
}

export interface PreviewNode {
  id: string;
  name: string | null;
  region: string;
  ping: string;
  environment: string | null;
  az: string | null;
  asg: string | null;
  platform: string | null;
  missing: number | null;
  pendingReboot: number | null;
  likelyReboot: boolean;
  /** Not Online: AWS cannot deliver the command. */
  unreachable: boolean;
}

export interface PatchRunPreview {
  request: PatchRunRequest;
  targetSummary: string;
  nodes: PreviewNode[];
  reachable: number;
  unreachable: number;
  /** Explicit selections leave offline nodes out; tag and patch group targets cannot (AWS resolves them). */
  unreachableSent: boolean;
  likelyReboot: number;
  production: number;
  /** What the user must type to confirm, when production nodes are targeted. */
  confirmationPhrase: string | null;
  commands: PlannedCommand[];
  /** Nodes being patched at the same time across all commands, at most. */
  maxAtOnce: number;
  waves: number;
  exposure: GroupExposure[];
  warnings: string[];
  fleetAsOf: string;
  previewToken: string;
}
