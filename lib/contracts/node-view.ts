import { z } from 'zod';
import { searchParamEntries, type SearchParamsLike } from './search-params';
import { PingStatusSchema, type FleetResponse, type NodeRow } from './node';
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

/**
 * Lower-cased text an engineer may search by, computed once per row object (the nodes page computes it ahead, while
 * the browser is idle, so the first keystroke does not pay for 100,000 of them).
 */
const haystacks = new WeakMap<NodeRow, string>();
export function searchText(r: NodeRow): string {
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
  return rows.filter(nodeMatcher(view, now, ctx));
}

/** filterNodes for one row at a time: whether a row matches every filter of the view. */
export function nodeMatcher(view: NodeView, now = Date.now(), ctx: ViewContext = {}): (r: NodeRow) => boolean {
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
  return (r) => {
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
    if (q && !searchText(r).includes(q)) return false;
    if (software && !software.has(r.id)) return false;
    return true;
  };
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

/**
 * The whole fleet in the nodes page's compact form (GET /api/nodes?format=compact): each node is an array of its
 * NodeRow values in the order of `fields` (no repeated key names); string fields with few distinct values (account,
 * region, platform, agent version, instance type, AZ, AMI, baseline...) hold an index into `dicts[field]`; tags are
 * `[keyIndex, value, keyIndex, value...]` with keys in `tagKeys` and a repeated value as an index into `tagValues`.
 * Nodes come in the default view's order (by name), so the browser's first sort finds them sorted. At 100,000 nodes:
 * about 27 MB of JSON instead of 107 MB, so the browser unzips and parses a quarter.
 */
export interface CompactFleet {
  format: 'compact-1';
  total: number;
  regions: FleetResponse['regions'];
  generatedAt: string;
  version: string;
  fields: string[];
  dicts: Record<string, string[]>;
  tagKeys: string[];
  tagValues: string[];
  rows: unknown[][];
}

/** A string field is kept in a dictionary when it has at most this many distinct values, or one per 20 nodes. */
const DICT_MAX = 4096;

/** A node's values in the compact form's order (named reads: this runs for every node of every snapshot). */
const compactValues = (n: NodeRow): unknown[] => [
  n.id, n.account, n.accountName, n.region, n.name, n.managed, n.ping, n.lastPingAt, n.platformType, n.platformName, n.platformVersion,
  n.agentVersion, n.agentLatest, n.ip, n.computerName, n.resourceType, n.ec2State, n.instanceType, n.az, n.imageId, n.instanceProfile,
  n.launchTime, n.publicIp, n.vpcId, n.asg, n.tags, n.patchStatus, n.patchMissing, n.patchFailed, n.patchPendingReboot, n.patchRejected,
  n.patchInstalled, n.patchCritical, n.patchSecurity, n.patchOther, n.patchScannedAt, n.patchOperation, n.patchGroup, n.baselineId, n.openOpsItems,
];
/** The field names, read from compactValues itself (so the two cannot disagree). */
const COMPACT_FIELDS = compactValues(new Proxy({}, { get: (_, key) => key }) as NodeRow) as string[];

export function encodeCompactFleet(res: FleetResponse): CompactFleet {
  const nodes = sortNodes(res.nodes, DEFAULT_VIEW.sort, DEFAULT_VIEW.dir);
  const fields = COMPACT_FIELDS;
  const missing = nodes.length ? Object.keys(nodes[0]).filter((k) => !fields.includes(k)) : [];
  if (missing.length) throw new Error(`encodeCompactFleet: add ${missing.join(', ')} to compactValues and decodeCompactFleet`);
  const rows = nodes.map(compactValues);
  const limit = Math.max(DICT_MAX, Math.ceil(nodes.length / 20));
  const dicts: Record<string, string[]> = {};
  const tagsAt = fields.indexOf('tags');
  for (let k = 0; k < fields.length; k++) {
    if (k === tagsAt) continue;
    const index = new Map<string, number>();
    let strings = true;
    for (let i = 0; i < rows.length && strings; i++) {
      const v = rows[i][k];
      if (typeof v === 'string') {
        if (!index.has(v)) index.set(v, index.size);
        strings = index.size <= limit;
      } else strings = v === null;
    }
    if (!strings || index.size === 0) continue;
    dicts[fields[k]] = [...index.keys()];
    for (const row of rows) if (row[k] !== null) row[k] = index.get(row[k] as string);
  }
  const valueCounts = new Map<string, number>();
  for (const n of nodes) for (const v of Object.values(n.tags)) valueCounts.set(v, (valueCounts.get(v) ?? 0) + 1);
  const tagValues = [...valueCounts].filter(([, c]) => c > 1).map(([v]) => v);
  const tagValueIndex = new Map(tagValues.map((v, i) => [v, i]));
  const tagKeys: string[] = [];
  const tagKeyIndex = new Map<string, number>();
  for (const row of rows) {
    const out: (number | string)[] = [];
    for (const [tk, tv] of Object.entries(row[tagsAt] as Record<string, string>)) {
      let ki = tagKeyIndex.get(tk);
      if (ki === undefined) tagKeyIndex.set(tk, (ki = tagKeys.push(tk) - 1));
      out.push(ki, tagValueIndex.get(tv) ?? tv);
    }
    row[tagsAt] = out;
  }
  return { format: 'compact-1', total: res.total, regions: res.regions, generatedAt: res.generatedAt, version: res.version, fields, dicts, tagKeys, tagValues, rows };
}

/**
 * The FleetResponse a CompactFleet was made from (its nodes in the default view's order). Each node is written as one
 * object literal (the same shape for every node, as JSON.parse would make it, and checked against NodeRow), with the
 * fields found by name in `fields`: a field the server did not send is undefined, one this code does not know is left out.
 */
export function decodeCompactFleet(c: CompactFleet): FleetResponse {
  const at = new Map(c.fields.map((f, i) => [f, i]));
  const p = (f: keyof NodeRow) => at.get(f) ?? -1;
  const dicts = c.fields.map((f) => c.dicts[f] ?? null);
  const { tagKeys, tagValues } = c;
  let a: unknown[] = [];
  const raw = <T,>(k: number) => a[k] as T;
  const str = <T extends string | null = string | null>(k: number) => {
    const v = a[k];
    return (typeof v === 'number' ? dicts[k]![v] : v) as T;
  };
  const tags = (k: number) => {
    const t = (a[k] ?? []) as (number | string)[];
    const out: Record<string, string> = {};
    for (let j = 0; j < t.length; j += 2) {
      const v = t[j + 1];
      out[tagKeys[t[j] as number]] = typeof v === 'number' ? tagValues[v] : v;
    }
    return out;
  };
  const [id, account, accountName, region, name, managed, ping, lastPingAt, platformType, platformName, platformVersion, agentVersion, agentLatest, ip, computerName, resourceType, ec2State, instanceType, az, imageId, instanceProfile, launchTime, publicIp, vpcId, asg, tagsAt, patchStatus, patchMissing, patchFailed, patchPendingReboot, patchRejected, patchInstalled, patchCritical, patchSecurity, patchOther, patchScannedAt, patchOperation, patchGroup, baselineId, openOpsItems] = (
    ['id', 'account', 'accountName', 'region', 'name', 'managed', 'ping', 'lastPingAt', 'platformType', 'platformName', 'platformVersion', 'agentVersion', 'agentLatest', 'ip', 'computerName', 'resourceType', 'ec2State', 'instanceType', 'az', 'imageId', 'instanceProfile', 'launchTime', 'publicIp', 'vpcId', 'asg', 'tags', 'patchStatus', 'patchMissing', 'patchFailed', 'patchPendingReboot', 'patchRejected', 'patchInstalled', 'patchCritical', 'patchSecurity', 'patchOther', 'patchScannedAt', 'patchOperation', 'patchGroup', 'baselineId', 'openOpsItems'] as const
  ).map(p);
  const nodes = new Array<NodeRow>(c.rows.length);
  for (let i = 0; i < c.rows.length; i++) {
    a = c.rows[i];
    nodes[i] = {
      id: str<string>(id), account: str<string>(account), accountName: str<string>(accountName), region: str<string>(region), name: str(name),
      managed: raw<boolean>(managed), ping: str<NodeRow['ping']>(ping), lastPingAt: str(lastPingAt), platformType: str(platformType),
      platformName: str(platformName), platformVersion: str(platformVersion), agentVersion: str(agentVersion), agentLatest: raw<boolean | null>(agentLatest),
      ip: str(ip), computerName: str(computerName), resourceType: str(resourceType), ec2State: str(ec2State), instanceType: str(instanceType), az: str(az),
      imageId: str(imageId), instanceProfile: str(instanceProfile), launchTime: str(launchTime), publicIp: str(publicIp), vpcId: str(vpcId), asg: str(asg),
      tags: tags(tagsAt), patchStatus: str<NodeRow['patchStatus']>(patchStatus), patchMissing: raw<number | null>(patchMissing), patchFailed: raw<number | null>(patchFailed),
      patchPendingReboot: raw<number | null>(patchPendingReboot), patchRejected: raw<number | null>(patchRejected), patchInstalled: raw<number | null>(patchInstalled),
      patchCritical: raw<number | null>(patchCritical), patchSecurity: raw<number | null>(patchSecurity), patchOther: raw<number | null>(patchOther),
      patchScannedAt: str(patchScannedAt), patchOperation: str(patchOperation), patchGroup: str(patchGroup), baselineId: str(baselineId), openOpsItems: raw<number | null>(openOpsItems),
    };
  }
  return { nodes, total: c.total, regions: c.regions, generatedAt: c.generatedAt, version: c.version };
}
