import { z } from 'zod';
import { searchParamEntries, type SearchParamsLike } from './search-params';
import { NodeRowSchema } from './node';

/**
 * OpsCenter: one vocabulary for OpsItems (statuses, severities, categories, AWS's validation rules), the list's URL
 * view, the DTOs and the action requests. Shared by the server, the routes and the browser.
 */

export const OPS_ITEM_ID = /^oi-[0-9a-f]{12}$/;
export const OpsItemIdSchema = z.string().regex(OPS_ITEM_ID, 'an OpsItem ID is "oi-" followed by 12 hexadecimal characters (oi-0123456789ab)');

/** Every status AWS has (OpsItemStatus); most belong to change requests and runbooks. */
export const OPS_ITEM_STATUSES = [
  'Open', 'InProgress', 'Resolved', 'Pending', 'TimedOut', 'Cancelling', 'Cancelled', 'Failed', 'CompletedWithSuccess',
  'CompletedWithFailure', 'Scheduled', 'RunbookInProgress', 'PendingChangeCalendarOverride', 'ChangeCalendarOverrideApproved',
  'ChangeCalendarOverrideRejected', 'PendingApproval', 'Approved', 'Revoked', 'Rejected', 'Closed',
] as const;
export type OpsItemStatus = (typeof OPS_ITEM_STATUSES)[number];
export const OpsItemStatusSchema = z.enum(OPS_ITEM_STATUSES);

/** Open and in progress: what is "on fire". */
export const OPEN_STATUSES: readonly OpsItemStatus[] = ['Open', 'InProgress'];
export const isOpenStatus = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);

export const OPS_ITEM_TYPES = ['/aws/issue', '/aws/insight', '/aws/changerequest'] as const;
export const DEFAULT_OPS_ITEM_TYPE = '/aws/issue';

/**
 * Statuses UpdateOpsItem may set, by OpsItem type. Issues and insights: Open, InProgress, Resolved. Change requests
 * move through Change Manager's workflow (approvals, runbooks), not by hand: none.
 */
export function settableStatuses(type: string): OpsItemStatus[] {
  return type === '/aws/changerequest' ? [] : ['Open', 'InProgress', 'Resolved'];
}

export const STATUS_META: Record<string, { label: string; tone: 'red' | 'amber' | 'green' | 'slate' | 'sky' }> = {
  Open: { label: 'Open', tone: 'red' },
  InProgress: { label: 'In progress', tone: 'amber' },
  Resolved: { label: 'Resolved', tone: 'green' },
  Closed: { label: 'Closed', tone: 'slate' },
  Cancelled: { label: 'Cancelled', tone: 'slate' },
  Failed: { label: 'Failed', tone: 'red' },
  PendingApproval: { label: 'Pending approval', tone: 'sky' },
};
export const statusLabel = (s: string) => STATUS_META[s]?.label ?? s.replace(/([a-z])([A-Z])/g, '$1 $2');

export const OPS_SEVERITIES = ['1', '2', '3', '4'] as const;
export const SEVERITY_LABEL: Record<string, string> = { '1': 'Critical', '2': 'High', '3': 'Medium', '4': 'Low' };
export const severityLabel = (s: string | null) => (s ? (SEVERITY_LABEL[s] ?? s) : 'Not set');

export const OPS_PRIORITIES = [1, 2, 3, 4, 5] as const;
/** AWS's list of OpsItem categories. */
export const OPS_CATEGORIES = ['Availability', 'Cost', 'Performance', 'Recovery', 'Security'] as const;

/** AWS's limits (CreateOpsItem / UpdateOpsItem). */
export const OPS_LIMITS = {
  title: 1024,
  description: 2048,
  source: 128,
  dataKey: 128,
  /** Bytes of one operational data value. */
  dataValueBytes: 20 * 1024,
  /** Nodes the dashboard relates to one OpsItem (the `/aws/resources` value must stay under 20 KB). */
  relatedNodes: 100,
  /** OpsItems one bulk change may touch. */
  bulk: 1000,
} as const;

/** Operational data keys may not begin with these (AWS reserves them for its services). */
export const RESERVED_DATA_PREFIXES = ['amazon', 'aws', 'amzn', 'ssm', '/amazon', '/aws', '/amzn', '/ssm'] as const;
/** Sources may not contain these. */
export const RESERVED_SOURCE_WORDS = ['aws', 'amazon', 'amzn'] as const;

/** The source of OpsItems this dashboard creates. */
export const DASHBOARD_SOURCE = 'ssm-fleet-dashboard';

const NODE_ID = /^(i-[0-9a-f]{8}([0-9a-f]{9})?|mi-[0-9a-f]{17})$/;
// A region, or with many accounts a scope key `account/region` (OpsItems are per account and region).
const REGION = /^(\d{12}\/)?[a-z]{2}(-[a-z]+)+-\d+$/;
const NodeIdSchema = z.string().regex(NODE_ID, 'a node ID looks like i-0123456789abcdef0 or mi-0123456789abcdef0');
const RegionSchema = z.string().regex(REGION, 'not an AWS region name');

const nonBlank = (what: string, max: number) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, `${what} must not be empty`)
    .refine((s) => s.length <= max, `${what} must be at most ${max} characters (AWS's limit)`);

export const TitleSchema = nonBlank('title', OPS_LIMITS.title);
export const DescriptionSchema = nonBlank('description', OPS_LIMITS.description);
export const SourceSchema = nonBlank('source', OPS_LIMITS.source).refine(
  (s) => !RESERVED_SOURCE_WORDS.some((w) => s.toLowerCase().includes(w)),
  'source may not contain "aws", "amazon" or "amzn" (AWS reserves them)',
);
export const SeveritySchema = z.enum(OPS_SEVERITIES, { error: 'severity must be "1", "2", "3" or "4" (1 is the most severe)' });
export const PrioritySchema = z.number({ error: 'priority must be a whole number from 1 to 5' }).int('priority must be a whole number from 1 to 5').min(1, 'priority must be from 1 to 5').max(5, 'priority must be from 1 to 5');
export const CategorySchema = z.enum(OPS_CATEGORIES, { error: `category must be one of ${OPS_CATEGORIES.join(', ')}` });

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export const OpsDataEntrySchema = z.object({
  key: z
    .string()
    .min(1, 'an operational data key must not be empty')
    .max(OPS_LIMITS.dataKey, `an operational data key must be at most ${OPS_LIMITS.dataKey} characters (AWS's limit)`)
    .refine((k) => !RESERVED_DATA_PREFIXES.some((p) => k.toLowerCase().startsWith(p)), {
      error: (iss) => `operational data key "${String(iss.input)}" may not begin with amazon, aws, amzn or ssm (with or without "/"): AWS reserves them`,
    }),
  value: z
    .string()
    .refine((v) => v.trim().length > 0, 'an operational data value must not be empty')
    .refine((v) => utf8Bytes(v) <= OPS_LIMITS.dataValueBytes, 'an operational data value must be at most 20 KB (AWS\'s limit)'),
  /** Searchable data is shown by DescribeOpsItems to everyone who can list OpsItems; otherwise only GetOpsItem shows it. */
  searchable: z.boolean().default(true),
});
export type OpsDataEntry = z.infer<typeof OpsDataEntrySchema>;

const uniqueKeys = (entries: { key: string }[]) => new Set(entries.map((e) => e.key)).size === entries.length;
const OpsDataListSchema = z.array(OpsDataEntrySchema).max(50, 'at most 50 operational data entries at once').refine(uniqueKeys, 'operational data keys must be unique');
const NodeListSchema = z.array(NodeIdSchema).max(OPS_LIMITS.relatedNodes, `at most ${OPS_LIMITS.relatedNodes} nodes per OpsItem`);

// ---------------------------------------------------------------------------------------------------------------
// The list's view, as it lives in the URL.

export const CREATED_PRESETS = { '24h': 1, '7d': 7, '30d': 30, '90d': 90 } as const;
export type CreatedPreset = keyof typeof CREATED_PRESETS;

export const OPS_SORTS = ['created', 'modified', 'severity', 'priority', 'status', 'title', 'source', 'category', 'region'] as const;
export type OpsSort = (typeof OPS_SORTS)[number];

const many = <T extends z.ZodType>(item: T) => z.array(item).max(50).default([]);
const isoDate = z.iso.datetime({ offset: true, error: 'a time is an ISO 8601 date and time (2026-11-30T12:00:00Z)' }).or(z.iso.date({ error: 'a date looks like 2026-11-30' }));

export const OpsItemsViewSchema = z.object({
  /** Empty: open and in progress. `all`: every status. */
  status: many(z.enum([...OPS_ITEM_STATUSES, 'all'], { error: `status must be one of ${OPS_ITEM_STATUSES.join(', ')} or all` })),
  severity: many(SeveritySchema),
  priority: many(z.enum(['1', '2', '3', '4', '5'], { error: 'priority must be 1 to 5' })),
  category: many(CategorySchema),
  source: many(z.string().min(1).max(OPS_LIMITS.source)),
  type: many(z.string().min(1).max(100)),
  region: many(RegionSchema),
  created: z.enum(Object.keys(CREATED_PRESETS) as [CreatedPreset, ...CreatedPreset[]], { error: 'created must be 24h, 7d, 30d or 90d' }).optional(),
  createdAfter: isoDate.optional(),
  createdBefore: isoDate.optional(),
  /** Related node (ResourceId contains). */
  node: NodeIdSchema.optional(),
  /** Title contains. */
  title: z.string().min(1).max(OPS_LIMITS.title).optional(),
  sort: z.enum(OPS_SORTS).default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type OpsItemsView = z.infer<typeof OpsItemsViewSchema>;

const SCALARS = new Set(['created', 'createdAfter', 'createdBefore', 'node', 'title', 'sort', 'dir']);
const LISTS = new Set(['status', 'severity', 'priority', 'category', 'source', 'type', 'region']);
export const OPS_VIEW_PARAMS = [...SCALARS, ...LISTS];

export function opsViewInput(params: SearchParamsLike): Record<string, unknown> {
  const entries = searchParamEntries(params);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (SCALARS.has(k)) out[k] ??= v;
    else if (LISTS.has(k)) ((out[k] ??= []) as string[]).push(...v.split(',').filter(Boolean));
  }
  return out;
}

export const parseOpsItemsView = (params: SearchParamsLike) =>
  OpsItemsViewSchema.safeParse(opsViewInput(params));

export const DEFAULT_OPS_VIEW: OpsItemsView = OpsItemsViewSchema.parse({});

/** The statuses a view asks AWS for (null: every status). */
export function viewStatuses(view: Pick<OpsItemsView, 'status'>): OpsItemStatus[] | null {
  if (view.status.includes('all')) return null;
  return view.status.length ? (view.status as OpsItemStatus[]) : [...OPEN_STATUSES];
}

/** Canonical query string: defaults omitted. */
export function opsViewToSearchParams(view: Partial<OpsItemsView>): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['status', 'severity', 'priority', 'category', 'source', 'type', 'region'] as const) for (const v of view[k] ?? []) p.append(k, v);
  for (const k of ['created', 'createdAfter', 'createdBefore', 'node', 'title'] as const) if (view[k]) p.set(k, view[k]);
  if (view.sort && view.sort !== DEFAULT_OPS_VIEW.sort) p.set('sort', view.sort);
  if (view.dir && view.dir !== DEFAULT_OPS_VIEW.dir) p.set('dir', view.dir);
  return p;
}

export function opsItemsHref(view: Partial<OpsItemsView> = {}): string {
  const q = opsViewToSearchParams(view).toString();
  return q ? `/ops-items?${q}` : '/ops-items';
}

export const opsItemHref = (id: string) => `/ops-items/${encodeURIComponent(id)}`;

// ---------------------------------------------------------------------------------------------------------------
// DTOs.

export const OpsItemRowSchema = z.object({
  id: z.string(),
  region: z.string(),
  title: z.string(),
  status: z.string(),
  severity: z.string().nullable(),
  priority: z.number().nullable(),
  category: z.string().nullable(),
  source: z.string(),
  type: z.string(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  modifiedBy: z.string().nullable(),
  /** Nodes named in its searchable `/aws/resources` data. */
  nodeIds: z.array(z.string()),
});
export type OpsItemRow = z.infer<typeof OpsItemRowSchema>;

export const OpsRegionStatusSchema = z.object({
  region: z.string(),
  ok: z.boolean(),
  items: z.number(),
  /** What failed, in plain words (the OpsItems of this region are missing from the list). */
  error: z.string().nullable(),
});
export type OpsRegionStatus = z.infer<typeof OpsRegionStatusSchema>;

export const OpsItemsResponseSchema = z.object({
  items: z.array(OpsItemRowSchema),
  regions: z.array(OpsRegionStatusSchema),
  /** False when a region could not be read: the list is missing its OpsItems. */
  complete: z.boolean(),
  readAt: z.string(),
});
export type OpsItemsResponse = z.infer<typeof OpsItemsResponseSchema>;

export const OpsDataViewSchema = z.object({
  key: z.string(),
  value: z.string(),
  searchable: z.boolean(),
});

export const RelatedResourceSchema = z.object({
  /** Null when the resource is named only in `/aws/resources` (no related-item association). */
  associationId: z.string().nullable(),
  resourceType: z.string(),
  uri: z.string(),
  nodeId: z.string().nullable(),
  /** Named in the `/aws/resources` operational data. */
  inResourcesData: z.boolean(),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  /** The node as the fleet shows it now (null: not a node, or not in the fleet). */
  node: NodeRowSchema.nullable(),
});
export type RelatedResource = z.infer<typeof RelatedResourceSchema>;

export const OpsItemDetailSchema = z.object({
  item: OpsItemRowSchema.extend({
    description: z.string().nullable(),
    version: z.string().nullable(),
    arn: z.string().nullable(),
    relatedOpsItems: z.array(z.string()),
  }),
  operationalData: z.array(OpsDataViewSchema),
  related: z.array(RelatedResourceSchema),
  /** ListOpsItemRelatedItems failed: related resources come from `/aws/resources` only. */
  relatedError: z.string().nullable(),
  /** Statuses this OpsItem's type may be set to. */
  settableStatuses: z.array(OpsItemStatusSchema),
  /** After a change: the parts of it that did not go through (the rest did). */
  warnings: z.array(z.string()).optional(),
});
export type OpsItemDetail = z.infer<typeof OpsItemDetailSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Actions.

/** Where a new OpsItem comes from: the server fills in its nodes and operational data from the source. */
export const CreateFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('node'), nodeId: NodeIdSchema }),
  z.object({ kind: z.literal('triage'), runId: z.string().min(1).max(100), group: z.string().min(1).max(100) }),
]);
export type CreateFrom = z.infer<typeof CreateFromSchema>;

export const CreateOpsItemRequestSchema = z
  .object({
    title: TitleSchema,
    description: DescriptionSchema,
    source: SourceSchema.default(DASHBOARD_SOURCE),
    severity: SeveritySchema.optional(),
    priority: PrioritySchema.optional(),
    category: CategorySchema.optional(),
    /** Needed when no node says where the OpsItem belongs. */
    region: RegionSchema.optional(),
    /** Nodes to relate besides the source's. */
    nodeIds: NodeListSchema.default([]),
    operationalData: OpsDataListSchema.default([]),
    from: CreateFromSchema.default({ kind: 'list' }),
  })
  .strict();
export type CreateOpsItemRequest = z.input<typeof CreateOpsItemRequestSchema>;
export type CreateOpsItemInput = z.infer<typeof CreateOpsItemRequestSchema>;

export const CreatedOpsItemSchema = z.object({
  id: z.string(),
  region: z.string(),
  /** AWS found an open OpsItem with the same deduplication string and created nothing. */
  deduplicated: z.boolean(),
  nodeIds: z.array(z.string()),
});
export const CreateOpsItemResponseSchema = z.object({
  created: z.array(CreatedOpsItemSchema),
  /** Regions where AWS refused or failed the creation (the others were created). */
  failed: z.array(z.object({ region: z.string(), code: z.string(), message: z.string() })),
  /** Nodes of the source not related because of the per-OpsItem limit (they stay listed in the run). */
  omittedNodes: z.number(),
  auditId: z.number(),
});
export type CreateOpsItemResponse = z.infer<typeof CreateOpsItemResponseSchema>;

export const UpdateOpsItemRequestSchema = z
  .object({
    status: OpsItemStatusSchema.optional(),
    severity: SeveritySchema.optional(),
    priority: PrioritySchema.optional(),
    category: CategorySchema.optional(),
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    operationalData: OpsDataListSchema.optional(),
    relate: NodeListSchema.optional(),
    unrelate: NodeListSchema.optional(),
    /** The region the OpsItem is in, when the caller knows it (saves looking it up). */
    region: RegionSchema.optional(),
  })
  .strict()
  .refine((r) => Object.keys(r).some((k) => k !== 'region'), 'nothing to change: give at least one of status, severity, priority, category, title, description, operationalData, relate, unrelate');
export type UpdateOpsItemRequest = z.input<typeof UpdateOpsItemRequestSchema>;
export type UpdateOpsItemInput = z.infer<typeof UpdateOpsItemRequestSchema>;

export const BulkOpsItemsRequestSchema = z
  .object({
    items: z
      .array(z.object({ id: OpsItemIdSchema, region: RegionSchema }).strict())
      .min(1, 'select at least one OpsItem')
      .max(OPS_LIMITS.bulk, `at most ${OPS_LIMITS.bulk} OpsItems per bulk change; narrow the list's filters`)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'each OpsItem may appear once'),
    status: OpsItemStatusSchema,
  })
  .strict();
export type BulkOpsItemsRequest = z.input<typeof BulkOpsItemsRequestSchema>;

export const BulkResultSchema = z.object({
  id: z.string(),
  region: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export const BulkOpsItemsResponseSchema = z.object({
  results: z.array(BulkResultSchema),
  succeeded: z.number(),
  failed: z.number(),
  auditId: z.number(),
});
export type BulkOpsItemsResponse = z.infer<typeof BulkOpsItemsResponseSchema>;
