import { z } from 'zod';
import { searchParamEntries, type SearchParamsLike } from './search-params';
import { PingStatusSchema, type NodeRow } from './node';
import { columnDef, DEFAULT_COLUMNS, isColumnId, TAG_COLUMN_PREFIX } from './columns';

/**
 * The nodes view as it lives in the URL: filters, sort, grouping and columns.
 * Parsed by the same schema on the server page, in the route handler and in the browser,
 * so any view can be shared as a link.
 */

export const PATCH_FILTERS = [
  'compliant', 'noncompliant', 'missing', 'critical', 'security', 'other', 'failed', 'pendingReboot', 'rejected', 'notScanned', 'staleScan',
] as const;
export const STALE_SCAN_DAYS = 7;
const DAY_MS = 86_400_000;

export const GROUPABLE = [
  'account', 'region', 'ping', 'platform', 'agent', 'instanceType', 'az', 'patch', 'patchGroup', 'ec2State', 'asg', 'imageId',
] as const;

/** `Key=Value`, `Key=*` (has the tag) or `!Key` (lacks it). */
export const TagFilterSchema = z
  .string()
  .max(400)
  .transform((raw, ctx) => {
    if (raw.startsWith('!') && raw.length > 1) return { key: raw.slice(1), value: null, negate: true };
    const at = raw.indexOf('=');
    if (at < 1) {
      ctx.addIssue({ code: 'custom', message: `tag filter "${raw}" must look like Key=Value, Key=* or !Key` });
      return z.NEVER;
    }
    const value = raw.slice(at + 1);
    return { key: raw.slice(0, at), value: value === '*' ? null : value, negate: false };
  });
export type TagFilter = { key: string; value: string | null; negate: boolean };

const columnId = z.string().refine(isColumnId, { error: (iss) => `unknown column "${String(iss.input)}"` });
const groupId = z
  .string()
  .refine(
    (v) => (GROUPABLE as readonly string[]).includes(v) || (v.startsWith(TAG_COLUMN_PREFIX) && isColumnId(v)),
    { error: (iss) => `cannot group by "${String(iss.input)}": use one of ${GROUPABLE.join(', ')} or tag:<Key>` },
  );

const many = <T extends z.ZodType>(item: T) => z.array(item).max(50).default([]);

export const NodeViewSchema = z.object({
  q: z.string().max(200).default(''),
  ping: many(PingStatusSchema),
  platform: many(z.string().min(1).max(100)),
  /** AWS account IDs (12 digits). */
  acct: many(z.string().regex(/^\d{12}$/, 'an account ID is 12 digits')),
  region: many(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region name')),
  tag: many(TagFilterSchema),
  patch: many(z.enum(PATCH_FILTERS)),
  agent: many(z.enum(['latest', 'outdated'])),
  ops: many(z.enum(['open', 'none'])),
  /** Patch group as AWS reports it in the node's patch state. */
  pgroup: many(z.string().min(1).max(256)),
  /** OS: platform name and version as `osVersionOf` spells them (e.g. `Ubuntu 22.04`). */
  os: many(z.string().min(1).max(200)),
  /** Exact SSM Agent version. */
  agentv: many(z.string().min(1).max(50)),
  /** AMI the instance was launched from; up to 200, so one link can hold an age bucket's images. */
  ami: z.array(z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI ID looks like ami-0123456789abcdef0')).max(200).default([]),
  /** Installed software, as the software search takes it: `name` or `name@op:version` (e.g. `openssl@lt:3.0.13`). */
  sw: z.string().min(1).max(300).optional(),
  sort: columnId.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  group: groupId.optional(),
  cols: z.array(columnId).min(1).max(40).optional(),
});
export type NodeView = z.infer<typeof NodeViewSchema>;

const SCALARS = new Set(['q', 'sort', 'dir', 'group', 'sw']);
const LIST_KEYS = new Set(['ping', 'platform', 'acct', 'region', 'tag', 'patch', 'agent', 'ops', 'pgroup', 'os', 'agentv', 'ami']);

/** Turn URL search params (server page record or URLSearchParams) into schema input. Unknown keys are ignored. */
export function searchParamsToInput(params: SearchParamsLike) {
  const entries = searchParamEntries(params);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (SCALARS.has(k)) out[k] ??= v;
    else if (LIST_KEYS.has(k)) ((out[k] ??= []) as string[]).push(v);
    else if (k === 'cols') out.cols = v.split(',').filter(Boolean);
  }
  return out;
}

export function parseNodeView(params: SearchParamsLike) {
  return NodeViewSchema.safeParse(searchParamsToInput(params));
}

export const DEFAULT_VIEW: NodeView = NodeViewSchema.parse({});

/** Canonical URL query for a view: defaults omitted, so links stay short and stable. */
export function viewToSearchParams(view: Partial<NodeView>): URLSearchParams {
  const p = new URLSearchParams();
  if (view.q) p.set('q', view.q);
  if (view.sw) p.set('sw', view.sw);
  for (const k of ['ping', 'platform', 'acct', 'region', 'patch', 'agent', 'ops', 'pgroup', 'os', 'agentv', 'ami'] as const) for (const v of view[k] ?? []) p.append(k, v);
  for (const t of view.tag ?? []) p.append('tag', tagFilterToString(t));
  if (view.sort && view.sort !== DEFAULT_VIEW.sort) p.set('sort', view.sort);
  if (view.dir && view.dir !== DEFAULT_VIEW.dir) p.set('dir', view.dir);
  if (view.group) p.set('group', view.group);
  if (view.cols && view.cols.join(',') !== DEFAULT_COLUMNS.join(',')) p.set('cols', view.cols.join(','));
  return p;
}

/** A link to the nodes page showing this view. */
export function nodesHref(view: Partial<NodeView>): string {
  const q = viewToSearchParams(view).toString();
  return q ? `/nodes?${q}` : '/nodes';
}

/** A node's OS as the `os` filter and the overview name it: platform name and version (null: not reported). */
export function osVersionOf(r: Pick<NodeRow, 'platformName' | 'platformVersion'>): string | null {
  if (!r.platformName) return null;
  return r.platformVersion ? `${r.platformName} ${r.platformVersion}` : r.platformName;
}

/** The tag that names a node's environment, as the run preview groups nodes (an untagged node has none). */
export const ENVIRONMENT_TAG = 'Environment';
export const environmentOf = (r: Pick<NodeRow, 'tags'>): string | null => r.tags[ENVIRONMENT_TAG] ?? null;

/** The tag filter that selects one environment's nodes (null: the untagged ones). */
export function environmentFilter(env: string | null): TagFilter {
  return env === null ? { key: ENVIRONMENT_TAG, value: null, negate: true } : { key: ENVIRONMENT_TAG, value: env, negate: false };
}

export function tagFilterToString(t: TagFilter): string {
  if (t.negate) return `!${t.key}`;
  return `${t.key}=${t.value ?? '*'}`;
}

/** Lower-cased text an engineer may search by, computed once per row object. */
const haystacks = new WeakMap<NodeRow, string>();
function haystack(r: NodeRow): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = [r.name, r.id, r.ip, r.publicIp, r.computerName, r.platformName, r.instanceType, r.az, r.accountName, r.account, r.region, r.agentVersion, r.imageId, ...Object.values(r.tags)]
      .filter(Boolean)
      .join('\u0000')
      .toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

function matchesPatch(r: NodeRow, f: (typeof PATCH_FILTERS)[number], now: number): boolean {
  switch (f) {
    case 'compliant': return r.patchStatus === 'compliant';
    case 'noncompliant': return r.patchStatus === 'noncompliant';
    case 'missing': return (r.patchMissing ?? 0) > 0;
    case 'critical': return (r.patchCritical ?? 0) > 0;
    case 'security': return (r.patchSecurity ?? 0) > 0;
    case 'other': return (r.patchOther ?? 0) > 0;
    case 'failed': return (r.patchFailed ?? 0) > 0;
    case 'pendingReboot': return (r.patchPendingReboot ?? 0) > 0;
    case 'rejected': return (r.patchRejected ?? 0) > 0;
    case 'notScanned': return r.patchStatus === 'notScanned';
    case 'staleScan': return r.patchScannedAt !== null && now - Date.parse(r.patchScannedAt) > STALE_SCAN_DAYS * DAY_MS;
  }
}

function matchesTags(r: NodeRow, filters: TagFilter[]): boolean {
  const byKey = new Map<string, TagFilter[]>();
  for (const f of filters) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  for (const [key, fs] of byKey) {
    const v = r.tags[key];
    const ok = fs.some((f) => (f.negate ? v === undefined : v !== undefined && (f.value === null || f.value === v)));
    if (!ok) return false;
  }
  return true;
}

/** Within one filter OR, across filters AND. */
/**
 * What a view needs from outside the rows: the nodes that have the `sw` software (resolved by the software search).
 * A view with `sw` and no resolved set matches nothing rather than everything.
 */
export interface ViewContext {
  software?: ReadonlySet<string>;
}

export function filterNodes(rows: NodeRow[], view: NodeView, now = Date.now(), ctx: ViewContext = {}): NodeRow[] {
  const software = view.sw ? (ctx.software ?? new Set<string>()) : null;
  const q = view.q.trim().toLowerCase();
  const ping = new Set(view.ping);
  const platform = new Set(view.platform);
  const region = new Set(view.region);
  const acct = new Set(view.acct);
  const pgroup = new Set(view.pgroup);
  const os = new Set(view.os);
  const agentv = new Set(view.agentv);
  const ami = new Set(view.ami);
  return rows.filter((r) => {
    if (pgroup.size && !pgroup.has(r.patchGroup ?? '')) return false;
    if (os.size && !os.has(osVersionOf(r) ?? '')) return false;
    if (agentv.size && !agentv.has(r.agentVersion ?? '')) return false;
    if (ami.size && !ami.has(r.imageId ?? '')) return false;
    if (ping.size && !ping.has(r.ping)) return false;
    if (platform.size && !platform.has(r.platformName ?? '')) return false;
    if (region.size && !region.has(r.region)) return false;
    if (acct.size && !acct.has(r.account)) return false;
    if (view.patch.length && !view.patch.some((f) => matchesPatch(r, f, now))) return false;
    if (view.agent.length && !view.agent.some((a) => (a === 'latest' ? r.agentLatest === true : r.agentLatest === false))) return false;
    if (view.ops.length && !view.ops.some((o) => (o === 'open' ? (r.openOpsItems ?? 0) > 0 : r.openOpsItems === 0))) return false;
    if (view.tag.length && !matchesTags(r, view.tag)) return false;
    if (q && !haystack(r).includes(q)) return false;
    if (software && !software.has(r.id)) return false;
    return true;
  });
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Stable sort by one column; unknown values last in either direction, ties broken by node ID. */
export function sortNodes(rows: NodeRow[], sort: string, dir: 'asc' | 'desc'): NodeRow[] {
  const def = columnDef(sort) ?? columnDef('name')!;
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, v: def.value(r) }));
  keyed.sort((x, y) => {
    if (x.v === null && y.v !== null) return 1;
    if (y.v === null && x.v !== null) return -1;
    return sign * compareValues(x.v, y.v) || collator.compare(x.r.id, y.r.id);
  });
  return keyed.map((k) => k.r);
}

/** The value a row is grouped under. */
export function groupValue(r: NodeRow, group: string): string {
  if (group === 'patch') return r.patchStatus ?? 'unknown';
  if (group === 'agent') return r.agentVersion ?? '(none)';
  const v = columnDef(group)?.value(r);
  return v === null || v === undefined || v === '' ? '(none)' : String(v);
}

/** Rows in group order (groups by name, "(none)" last), keeping the sort within each group. */
export function orderForGrouping(rows: NodeRow[], group: string | undefined): NodeRow[] {
  if (!group) return rows;
  const keyed = rows.map((r, i) => ({ r, i, g: groupValue(r, group) }));
  keyed.sort((a, b) => {
    if (a.g !== b.g) {
      if (a.g === '(none)') return 1;
      if (b.g === '(none)') return -1;
      return collator.compare(a.g, b.g);
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

/** Filter, sort and group-order: the whole view, as the table, the CSV export and the API apply it. */
export function applyView(rows: NodeRow[], view: NodeView, now = Date.now(), ctx: ViewContext = {}): NodeRow[] {
  return orderForGrouping(sortNodes(filterNodes(rows, view, now, ctx), view.sort, view.dir), view.group);
}
