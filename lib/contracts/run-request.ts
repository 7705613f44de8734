import { z } from 'zod';
import { NodeIdSchema } from './node';
import { DocumentNameSchema, DocumentVersionSchema } from './documents';
import { OUTCOME_IDS, type Outcome } from './command-status';

/**
 * A run = document + version + parameters + targets + rate control + output options + comment. Patching is one use
 * of it (AWS-RunPatchBaseline with Operation and RebootOption).
 */

/**
 * AWS's own rules (SendCommand in the SSM model, shapes MaxConcurrency and MaxErrors): the pattern, and 1-7 characters.
 * The pattern alone lets "1000000000000000000000" through (it previewed as 1e+21 and AWS refused the send).
 */
export const RATE_CONTROL_MAX_LENGTH = 7;
export const MAX_CONCURRENCY_PATTERN = /^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$/;
export const MAX_ERRORS_PATTERN = /^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$/;
export const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
export const RUN_ID_PATTERN = /^run-[0-9a-z-]{6,40}$/;
export const RunIdSchema = z.string().regex(RUN_ID_PATTERN, 'a run ID looks like run-20261122-1a2b3c4d');
/** AWS: at most 5 target conditions, ANDed; up to 50 values each, ORed. */
export const MAX_TAG_CONDITIONS = 5;
/** A whole fleet can be selected: the limit is the fleet, not the form (100,000 nodes ~ 2.3 MB of IDs). */
export const MAX_EXPLICIT_TARGETS = 100_000;
/**
 * AWS's Comment is at most 100 characters; the dashboard appends its run tag: " [run-20261130-1a2b3c4d#1234]" is 29
 * characters for a run of up to 10,000 commands (500,000 explicit nodes).
 */
export const MAX_COMMENT = 71;

const TagConditionSchema = z.object({
  key: z.string().regex(TAG_KEY_PATTERN, 'not a valid tag key'),
  values: z.array(z.string().min(1, 'a tag value is required').max(256)).min(1, 'give at least one value').max(50, 'at most 50 values per tag'),
});

export const RunTargetsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('nodes'),
    nodeIds: z
      .array(NodeIdSchema)
      .min(1, 'select at least one node')
      .max(MAX_EXPLICIT_TARGETS)
      .refine((ids) => new Set(ids).size === ids.length, 'the same node is selected twice'),
  }),
  /** The nodes page's filtered view, as its URL query (`ping=Online&tag=Environment=prod`). */
  z.object({ mode: z.literal('view'), query: z.string().max(4000) }),
  z.object({
    mode: z.literal('tags'),
    tags: z.array(TagConditionSchema).min(1, 'give at least one tag condition').max(MAX_TAG_CONDITIONS, `AWS allows at most ${MAX_TAG_CONDITIONS} tag conditions`)
      .refine((t) => new Set(t.map((c) => c.key)).size === t.length, 'each tag key may appear once (list several values instead)'),
  }),
  z.object({ mode: z.literal('patchGroup'), patchGroup: z.string().min(1, 'a patch group is required').max(256) }),
  /** The failed nodes of an earlier run, or of some of its outcomes or one triage group. */
  z.object({
    mode: z.literal('run'),
    runId: RunIdSchema,
    outcomes: z.array(z.enum(OUTCOME_IDS as [Outcome, ...Outcome[]])).max(20).optional(),
    group: z.string().max(200).optional(),
  }),
]);
export type RunTargets = z.infer<typeof RunTargetsSchema>;

/** S3 bucket names as S3 allows them (general purpose buckets). */
const S3_BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** A region, or with many accounts `account/region` (see scopeKey). */
const SCOPE_KEY = /^(\d{12}\/)?[a-z]{2}(-[a-z]+)+-\d+$/;

export const OutputOptionsSchema = z.object({
  s3: z
    .object({
      bucket: z.string().regex(S3_BUCKET, 'S3 bucket: 3-63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit'),
      prefix: z.string().max(500, 'S3 key prefix: at most 500 characters').regex(/^[^\\{}^%`\]"<>[~#|]*$/, 'S3 key prefix: avoid \\ { } ^ % ` [ ] " < > ~ # |').optional(),
      region: z.string().regex(REGION, 'not an AWS region name').optional(),
    })
    .optional(),
  cloudWatch: z
    .object({ logGroup: z.string().regex(LOG_GROUP, 'CloudWatch log group: 1-512 letters, digits and . - _ / #').optional() })
    .optional(),
});
export type OutputOptions = z.infer<typeof OutputOptionsSchema>;

export const ParametersSchema = z
  .record(z.string().min(1).max(128), z.array(z.string().max(64 * 1024, 'a parameter value may have at most 64 KiB')).max(5000))
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 parameters');

export const RunRequestSchema = z.object({
  document: DocumentNameSchema,
  documentVersion: DocumentVersionSchema.default('$DEFAULT'),
  parameters: ParametersSchema.default({}),
  targets: RunTargetsSchema,
  maxConcurrency: z
    .string()
    .max(RATE_CONTROL_MAX_LENGTH, `MaxConcurrency: at most ${RATE_CONTROL_MAX_LENGTH} characters, as AWS allows (a number from 1 to 9999999, or a percentage from 1% to 100%)`)
    .regex(MAX_CONCURRENCY_PATTERN, 'MaxConcurrency must be a number like 10 or a percentage like 10% (1-100%), as AWS allows'),
  maxErrors: z
    .string()
    .max(RATE_CONTROL_MAX_LENGTH, `MaxErrors: at most ${RATE_CONTROL_MAX_LENGTH} characters, as AWS allows (a number from 0 to 9999999, or a percentage from 0% to 100%)`)
    .regex(MAX_ERRORS_PATTERN, 'MaxErrors must be a number like 0 or 5, or a percentage like 10% (0-100%), as AWS allows'),
  /** Delivery timeout: how long AWS keeps trying to reach a node (SendCommand TimeoutSeconds). */
  timeoutSeconds: z.number().int().min(30, 'timeout must be at least 30 seconds').max(2_592_000, 'timeout must be at most 30 days'),
  comment: z.string().max(MAX_COMMENT, `comment: at most ${MAX_COMMENT} characters (the run ID takes the rest of AWS's 100)`).optional(),
  output: OutputOptionsSchema.optional(),
  /** Send to nodes whose platform the document does not support (they end Invalid Platform) instead of leaving them out. */
  keepUnsupported: z.boolean().default(false),
  /** Regions whose last read failed, whose nodes the user keeps anyway (planned from that read). */
  keepFailedRegions: z.array(z.string().regex(SCOPE_KEY, 'not an AWS region name (or account/region)')).max(50).default([]),
  /** This run retries (some of) the failed nodes of another run. */
  retryOf: RunIdSchema.optional(),
  /** This run repeats another run's document and parameters on other targets. */
  rerunOf: RunIdSchema.optional(),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;
export type RunRequestInput = z.input<typeof RunRequestSchema>;

export const ExecuteRunSchema = RunRequestSchema.extend({
  /** The preview's token: the server refuses a run whose targets changed since the preview the user saw. */
  previewToken: z.string().min(16).max(200),
  /** Typed confirmation, required when production nodes are targeted. */
  confirmation: z.string().max(100).optional(),
});
export type ExecuteRunRequest = z.infer<typeof ExecuteRunSchema>;

export const CancelRequestSchema = z.object({
  /** Cancel only these nodes' invocations (CancelCommand with InstanceIds); all unfinished ones when absent. */
  nodeIds: z.array(NodeIdSchema).min(1).max(MAX_EXPLICIT_TARGETS).optional(),
});

export function describeTargets(t: RunTargets): string {
  switch (t.mode) {
    case 'nodes': return `${t.nodeIds.length.toLocaleString('en-US')} selected node${t.nodeIds.length === 1 ? '' : 's'}`;
    case 'view': return `nodes view ${t.query ? `?${t.query}` : '(all nodes)'}`;
    case 'tags': return t.tags.map((c) => `tag ${c.key}=${c.values.join('|')}`).join(' and ');
    case 'patchGroup': return `patch group ${t.patchGroup}`;
    case 'run': return `${t.group ? 'a failure group' : t.outcomes?.length ? t.outcomes.join('/') : 'failed'} nodes of ${t.runId}`;
  }
}
