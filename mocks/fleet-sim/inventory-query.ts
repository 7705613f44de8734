/**
 * SSM Inventory over the simulated fleet: GetInventory (nodes, or aggregated counts),
 * ListInventoryEntries, GetInventorySchema and DescribeInstanceAssociationsStatus.
 * Readings of AWS behaviour are documented in mocks/README.md ("Inventory").
 */
import { HOUR } from './clock';
import { SimError } from './errors';
import {
  agentRowTemplate, APP_ATTRS, buildNodeInventory, collectsType, distributorRows, hasInventory, hasInventoryAssociation, intern, isoSeconds,
  packageRow, rowsOf, stringOf, type NodeInventory, type Profile,
} from './inventory-data';
import { APPLICATION, attributeOf, INSTANCE_INFORMATION, INVENTORY_SCHEMAS, inventorySchema, PATCH_SUMMARY, type InventoryTypeSchema } from './inventory-schema';
import type { InventoryRow } from './inventory-types';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import { hashSeed } from './prng';
import { nodeInRegion, regionFleet, type FleetStore } from './store';
import type { AssociationStatus, SimNode } from './types';

export type InventoryOperator = 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan' | 'Exists';

export interface InventoryFilterInput {
  Key: string;
  Values: string[];
  Type?: string;
}

export interface InventoryAggregatorInput {
  Expression?: string;
  Aggregators?: InventoryAggregatorInput[];
  Groups?: unknown[];
}

export interface InventoryQuery {
  filters?: InventoryFilterInput[];
  aggregators?: InventoryAggregatorInput[];
  resultAttributes?: string[];
  maxResults?: number;
  nextToken?: string;
}

export interface InventoryResultItem {
  TypeName: string;
  SchemaVersion: string;
  CaptureTime?: string;
  Content: InventoryRow[];
}

export interface InventoryEntity {
  Id?: string;
  Data: Record<string, InventoryResultItem>;
}

/* ----------------------------------------------------------- region state */

interface AggregatedRow {
  typeName: string;
  row: InventoryRow;
}

interface RegionInventory {
  nodes: NodeInventory[];
  byId: Map<string, NodeInventory>;
  /** What the rows read live, to drop cached aggregations when it changes. */
  liveAgent: string[];
  livePackages: string[];
  results: Map<string, AggregatedRow[]>;
  /** Per profile: how many of the region's nodes have each variant (static packages; choices never change). */
  histogram: Map<Profile, Int32Array>;
}

const STATES = new WeakMap<FleetStore, Map<string, RegionInventory>>();
/** inventory-data's NOT_INSTALLED, as a local constant for the hot loops. */
const NONE = 255;
const MAX_CACHED_RESULTS = 64;

const packagesKey = (node: SimNode) => (node.packages ? JSON.stringify(node.packages) : '');

function buildRegion(store: FleetStore, region: string): RegionInventory {
  const nodes = regionFleet(store, region).managed.filter(hasInventory).map(buildNodeInventory);
  const histogram = new Map<Profile, Int32Array>();
  for (const { profile, choices, arch } of nodes) {
    let hist = histogram.get(profile);
    if (!hist) histogram.set(profile, (hist = new Int32Array(profile.variantCount)));
    const { bases, staticPackages } = profile;
    for (let k = 0; k < staticPackages.length; k++) {
      const i = staticPackages[k];
      const c = choices[i];
      if (c !== NONE) hist[bases[i] + c * 2 + arch]++;
    }
  }
  return {
    histogram,
    nodes,
    byId: new Map(nodes.map((ni) => [ni.node.id, ni])),
    liveAgent: nodes.map((ni) => ni.node.ssm?.agentVersion ?? ''),
    livePackages: nodes.map((ni) => packagesKey(ni.node)),
    results: new Map(),
  };
}

/** The region's inventory (built on first use, per fleet); cached aggregations are dropped when live data changed. */
export function regionInventory(store: FleetStore, region: string): RegionInventory {
  let byRegion = STATES.get(store);
  if (!byRegion) STATES.set(store, (byRegion = new Map()));
  let ri = byRegion.get(region);
  if (!ri) {
    byRegion.set(region, (ri = buildRegion(store, region)));
    return ri;
  }
  let changed = false;
  for (let i = 0; i < ri.nodes.length; i++) {
    const node = ri.nodes[i].node;
    const agent = node.ssm?.agentVersion ?? '';
    if (agent !== ri.liveAgent[i]) {
      ri.liveAgent[i] = agent;
      changed = true;
    }
    if (node.packages !== undefined || ri.livePackages[i] !== '') {
      const key = packagesKey(node);
      if (key !== ri.livePackages[i]) {
        ri.livePackages[i] = key;
        changed = true;
      }
    }
  }
  if (changed) ri.results.clear();
  return ri;
}

/* ---------------------------------------------------------------- filters */

interface Filter {
  typeName: string;
  attr: string;
  op: InventoryOperator;
  values: string[];
  test: (value: string | undefined) => boolean;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function compare(a: string, b: string, numeric: boolean): number {
  if (numeric || (NUMBER.test(a) && NUMBER.test(b))) {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function tester(op: InventoryOperator, values: string[], numeric: boolean): (v: string | undefined) => boolean {
  const set = new Set(values);
  switch (op) {
    case 'Equal': return (v) => v !== undefined && set.has(v);
    case 'NotEqual': return (v) => v === undefined || !set.has(v);
    case 'BeginWith': return (v) => v !== undefined && values.some((p) => v.startsWith(p));
    case 'LessThan': return (v) => v !== undefined && v !== '' && values.some((x) => compare(v, x, numeric) < 0);
    case 'GreaterThan': return (v) => v !== undefined && v !== '' && values.some((x) => compare(v, x, numeric) > 0);
    case 'Exists': return (v) => v !== undefined && v !== '';
  }
}

/** "AWS:Application.Name" -> type and attribute (the type must exist, the attribute must be in its schema). */
function splitKey(key: string, badAttribute: (msg: string) => SimError): { schema: InventoryTypeSchema; attr: string } {
  const dot = key.lastIndexOf('.');
  const typeName = dot > 0 ? key.slice(0, dot) : key;
  const attr = dot > 0 ? key.slice(dot + 1) : '';
  if (!/^(AWS|Custom):/.test(typeName)) throw badAttribute(`The key ${key} is not valid. Use the form TypeName.Attribute, for example AWS:Application.Name.`);
  const schema = inventorySchema(typeName);
  if (!schema) throw new SimError('InvalidTypeNameException', `The inventory type ${typeName} is not valid.`);
  if (!attr || !schema.Attributes.some((a) => a.Name === attr)) {
    throw badAttribute(`${typeName} has no attribute ${attr || '(none)'}. Valid attributes: ${schema.Attributes.map((a) => a.Name).join(', ')}.`);
  }
  return { schema, attr };
}

function makeFilter(typeName: string, attr: string, f: InventoryFilterInput): Filter {
  const op = (f.Type ?? 'Equal') as InventoryOperator;
  const numeric = attributeOf(typeName, attr)?.DataType === 'number';
  return { typeName, attr, op, values: f.Values, test: tester(op, f.Values, numeric) };
}

function parseFilters(filters: InventoryFilterInput[] | undefined): Filter[] {
  return (filters ?? []).map((f) => {
    const { schema, attr } = splitKey(f.Key, (msg) => new SimError('InvalidFilter', msg));
    return makeFilter(schema.TypeName, attr, f);
  });
}

function groupByType(filters: Filter[]): Map<string, Filter[]> {
  const out = new Map<string, Filter[]>();
  for (const f of filters) {
    const list = out.get(f.typeName) ?? [];
    list.push(f);
    out.set(f.typeName, list);
  }
  return out;
}

const filterKey = (filters: Filter[]) => JSON.stringify(filters.map((f) => [f.typeName, f.attr, f.op, f.values]));
const rowPasses = (row: InventoryRow, filters: Filter[]) => filters.every((f) => f.test(row[f.attr]));
const appAttrIndex = (attr: string) => APP_ATTRS.indexOf(attr as (typeof APP_ATTRS)[number]);

/* ------------------------------------ AWS:Application: per-variant precomputation */

interface VariantPass {
  pass: Uint8Array;
  /** Static packages with at least one passing variant. */
  relevant: Int32Array;
}

const passCache = new Map<string, VariantPass>();

function variantPass(profile: Profile, filters: Filter[]): VariantPass {
  const key = `${profile.key}|${filterKey(filters)}`;
  let vp = passCache.get(key);
  if (vp) return vp;
  const pass = new Uint8Array(profile.variantCount);
  const columns = filters.map((f) => profile.attrs[appAttrIndex(f.attr)]);
  for (let v = 0; v < profile.variantCount; v++) {
    let ok = 1;
    for (let k = 0; k < filters.length && ok; k++) {
      const id = columns[k][v];
      if (!filters[k].test(id < 0 ? undefined : stringOf(id))) ok = 0;
    }
    pass[v] = ok;
  }
  const relevant: number[] = [];
  for (const i of profile.staticPackages) {
    const pkg = profile.packages[i];
    const end = pkg.base + pkg.source.versions.length * 2;
    for (let v = pkg.base; v < end; v++) if (pass[v]) {
      relevant.push(i);
      break;
    }
  }
  vp = { pass, relevant: Int32Array.from(relevant) };
  if (passCache.size > 500) passCache.clear();
  passCache.set(key, vp);
  return vp;
}

/**
 * Rows of AWS:Application that are not in the precomputed variants (the SSM Agent, Distributor
 * packages); without InstalledTime (callers that need it build full rows).
 */
function dynamicApplicationRows(ni: NodeInventory): InventoryRow[] {
  const rows: InventoryRow[] = [];
  for (const i of ni.profile.agentPackages) {
    const row = agentRowTemplate(ni, i);
    if (row) rows.push(row);
  }
  return ni.node.packages ? [...rows, ...distributorRows(ni)] : rows;
}

const staticNames = new WeakMap<Profile, Set<string>>();

/** Every Name the profile's static packages can have. */
function namesOf(profile: Profile): Set<string> {
  let names = staticNames.get(profile);
  if (!names) {
    const col = profile.attrs[appAttrIndex('Name')];
    names = new Set();
    for (const i of profile.staticPackages) {
      const pkg = profile.packages[i];
      for (let v = pkg.base; v < pkg.base + pkg.source.versions.length * 2; v++) names.add(stringOf(col[v]));
    }
    staticNames.set(profile, names);
  }
  return names;
}

const usesInstalledTime = (filters: Filter[]) => filters.some((f) => f.attr === 'InstalledTime');

/* ----------------------------------------------------------- node matching */

type NodeMatcher = (ni: NodeInventory) => boolean;

/** A node matches a type's filters when ONE row of that type satisfies all of them. */
function nodeMatcher(typeName: string, filters: Filter[]): NodeMatcher {
  if (typeName === APPLICATION && !usesInstalledTime(filters)) {
    return (ni) => {
      if (!collectsType(ni, typeName)) return false;
      const { pass, relevant } = variantPass(ni.profile, filters);
      const { choices, arch } = ni;
      const bases = ni.profile.bases;
      for (let k = 0; k < relevant.length; k++) {
        const i = relevant[k];
        const c = choices[i];
        if (c !== NONE && pass[bases[i] + c * 2 + arch] === 1) return true;
      }
      return dynamicApplicationRows(ni).some((row) => rowPasses(row, filters));
    };
  }
  return (ni) => collectsType(ni, typeName) && rowsOf(ni, typeName).some((row) => rowPasses(row, filters));
}

/** Candidate nodes: all of the region's inventoried nodes, or those named by an InstanceId Equal filter. */
function candidates(ri: RegionInventory, filters: Filter[]): NodeInventory[] {
  const byId = filters.find((f) => f.typeName === INSTANCE_INFORMATION && f.attr === 'InstanceId' && f.op === 'Equal');
  if (!byId) return ri.nodes;
  return [...new Set(byId.values)].map((id) => ri.byId.get(id)).filter((ni): ni is NodeInventory => !!ni).sort((a, b) => a.node.order - b.node.order);
}

/* ------------------------------------------------------------- aggregation */

interface Chain {
  typeName: string;
  attrs: string[];
}

function parseAggregators(aggregators: InventoryAggregatorInput[], parent?: Chain): Chain[] {
  const chains: Chain[] = [];
  for (const agg of aggregators) {
    if (agg.Groups && agg.Groups.length > 0) {
      throw new SimError('InvalidInventoryGroupException', 'The simulated AWS does not support aggregator Groups; use Filters with an aggregator Expression instead.');
    }
    if (!agg.Expression) throw new SimError('InvalidAggregatorException', 'An aggregator needs an Expression such as AWS:Application.Name.');
    const { schema, attr } = splitKey(agg.Expression, (msg) => new SimError('InvalidAggregatorException', msg));
    if (parent && parent.typeName !== schema.TypeName) {
      throw new SimError('InvalidAggregatorException', `A nested aggregator must use the same inventory type as its parent (${parent.typeName}), not ${schema.TypeName}.`);
    }
    const chain: Chain = { typeName: schema.TypeName, attrs: [...(parent?.attrs ?? []), attr] };
    if (agg.Aggregators && agg.Aggregators.length > 0) chains.push(...parseAggregators(agg.Aggregators, chain));
    else chains.push(chain);
  }
  return chains;
}

interface Combos {
  ids: Map<string, number>;
  values: Array<Array<string | undefined>>;
  counts: number[];
  last: number[];
}

function addCombo(c: Combos, key: string, values: () => Array<string | undefined>): number {
  let id = c.ids.get(key);
  if (id === undefined) {
    id = c.values.length;
    c.ids.set(key, id);
    c.values.push(values());
    c.counts.push(0);
    c.last.push(-1);
  }
  return id;
}

function countCombo(c: Combos, id: number, node: number): void {
  if (c.last[id] !== node) {
    c.last[id] = node;
    c.counts[id]++;
  }
}

interface VariantTable {
  /** variant -> combination (-1: filtered out). */
  combo: Int32Array;
  /** The static packages with a counted variant. */
  packages: Int32Array;
  /** No two packages of the profile give the same combination (so a histogram can be summed). */
  injective: boolean;
}

/**
 * Count, per combination of the chain's attribute values, the nodes having a matching row.
 * AWS:Application (unless InstalledTime is involved) works on variants: with all the
 * region's nodes and a chain where no two packages of a node can fall into one combination,
 * the region's variant histogram is summed (no per-node work but the SSM Agent's row);
 * otherwise each node's packages are looked up in a per-variant table.
 */
function aggregateChain(ri: RegionInventory, nodes: NodeInventory[], allNodes: boolean, chain: Chain, rowFilters: Filter[]): Combos {
  const combos: Combos = { ids: new Map(), values: [], counts: [], last: [] };
  const rowKey = (row: InventoryRow) => chain.attrs.map((a) => (row[a] === undefined ? -1 : intern(row[a]))).join(',');
  const rowValues = (row: InventoryRow) => () => chain.attrs.map((a) => row[a]);
  const fast = chain.typeName === APPLICATION && !chain.attrs.includes('InstalledTime') && !usesInstalledTime(rowFilters);
  if (!fast) {
    nodes.forEach((ni, n) => {
      if (!collectsType(ni, chain.typeName)) return;
      for (const row of rowsOf(ni, chain.typeName)) {
        if (rowPasses(row, rowFilters)) countCombo(combos, addCombo(combos, rowKey(row), rowValues(row)), n);
      }
    });
    return combos;
  }
  const tables = new Map<Profile, VariantTable>();
  const tableFor = (profile: Profile): VariantTable => {
    let t = tables.get(profile);
    if (t) return t;
    const vp = rowFilters.length > 0 ? variantPass(profile, rowFilters) : undefined;
    const columns = chain.attrs.map((a) => profile.attrs[appAttrIndex(a)]);
    const combo = new Int32Array(profile.variantCount).fill(-1);
    const packages = vp ? vp.relevant : profile.staticPackages;
    const owner = new Map<number, number>();
    let injective = true;
    for (const i of packages) {
      const pkg = profile.packages[i];
      const end = pkg.base + pkg.source.versions.length * 2;
      for (let v = pkg.base; v < end; v++) {
        if (vp && !vp.pass[v]) continue;
        const ids = columns.map((col) => col[v]);
        const id = addCombo(combos, ids.join(','), () => ids.map((x) => (x < 0 ? undefined : stringOf(x))));
        combo[v] = id;
        if ((owner.get(id) ?? i) !== i) injective = false;
        owner.set(id, i);
      }
    }
    tables.set(profile, (t = { combo, packages, injective }));
    return t;
  };
  // The SSM Agent and Distributor packages, per node (few rows; templates without InstalledTime).
  const dynamic: Array<[node: number, combo: number]> = [];
  let collides = false;
  for (let n = 0; n < nodes.length; n++) {
    const ni = nodes[n];
    for (const row of dynamicApplicationRows(ni)) {
      if (!rowPasses(row, rowFilters)) continue;
      if (!chain.attrs.includes('Name') || namesOf(ni.profile).has(row.Name)) collides = true;
      dynamic.push([n, addCombo(combos, rowKey(row), rowValues(row))]);
    }
  }
  const profiles = allNodes ? [...ri.histogram.keys()] : [];
  if (allNodes && !collides && profiles.every((p) => tableFor(p).injective)) {
    for (const profile of profiles) {
      const { combo, packages } = tableFor(profile);
      const hist = ri.histogram.get(profile) as Int32Array;
      for (const i of packages) {
        const pkg = profile.packages[i];
        for (let v = pkg.base; v < pkg.base + pkg.source.versions.length * 2; v++) {
          if (combo[v] >= 0 && hist[v] > 0) combos.counts[combo[v]] += hist[v];
        }
      }
    }
    for (const [n, id] of dynamic) countCombo(combos, id, n);
    return combos;
  }
  const { counts, last } = combos;
  let d = 0;
  for (let n = 0; n < nodes.length; n++) {
    const ni = nodes[n];
    const { combo, packages } = tableFor(ni.profile);
    const { choices, arch } = ni;
    const bases = ni.profile.bases;
    for (let k = 0; k < packages.length; k++) {
      const i = packages[k];
      const c = choices[i];
      if (c === NONE) continue;
      const id = combo[bases[i] + c * 2 + arch];
      if (id >= 0 && last[id] !== n) {
        last[id] = n;
        counts[id]++;
      }
    }
    for (; d < dynamic.length && dynamic[d][0] === n; d++) countCombo(combos, dynamic[d][1], n);
  }
  return combos;
}

function compareValues(a: Array<string | undefined>, b: Array<string | undefined>): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    return (a[i] as string) < (b[i] as string) ? -1 : 1;
  }
  return 0;
}

/** Types whose rows follow patch lists, which commands change: their aggregations are not cached. */
const UNCACHED_TYPES = new Set(['AWS:WindowsUpdate', PATCH_SUMMARY]);

function aggregatedRows(ri: RegionInventory, filters: Filter[], chains: Chain[]): AggregatedRow[] {
  const key = JSON.stringify([filterKey(filters), chains]);
  const cacheable = !filters.some((f) => UNCACHED_TYPES.has(f.typeName)) && !chains.some((c) => UNCACHED_TYPES.has(c.typeName));
  const cached = cacheable ? ri.results.get(key) : undefined;
  if (cached) return cached;
  const groups = groupByType(filters);
  const base = candidates(ri, filters);
  const out: AggregatedRow[] = [];
  for (const chain of chains) {
    const nodeMatchers = [...groups].filter(([t]) => t !== chain.typeName).map(([t, fs]) => nodeMatcher(t, fs));
    const nodes = nodeMatchers.length === 0 ? base : base.filter((ni) => nodeMatchers.every((m) => m(ni)));
    const combos = aggregateChain(ri, nodes, nodes === ri.nodes, chain, groups.get(chain.typeName) ?? []);
    const order = combos.values.map((_, i) => i).filter((i) => combos.counts[i] > 0).sort((x, y) => compareValues(combos.values[x], combos.values[y]));
    for (const i of order) {
      const row: InventoryRow = {};
      chain.attrs.forEach((a, k) => {
        const v = combos.values[i][k];
        if (v !== undefined) row[a] = v;
      });
      row.Count = String(combos.counts[i]);
      out.push({ typeName: chain.typeName, row });
    }
  }
  if (cacheable) {
    if (ri.results.size >= MAX_CACHED_RESULTS) ri.results.delete(ri.results.keys().next().value as string);
    ri.results.set(key, out);
  }
  return out;
}

/* ---------------------------------------------------------------- queries */

const schemaVersion = (typeName: string) => inventorySchema(typeName)?.Version ?? '1.0';

function readToken(store: FleetStore, scope: string, token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const cursor = decodeToken(store.tokenSecret, scope, token);
  if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
  return cursor;
}

const RESULT_TYPES = [INSTANCE_INFORMATION, PATCH_SUMMARY];

export function queryInventory(store: FleetStore, region: string, query: InventoryQuery): { entities: InventoryEntity[]; nextToken?: string } {
  const filters = parseFilters(query.filters);
  for (const t of query.resultAttributes ?? []) {
    if (!RESULT_TYPES.includes(t)) {
      throw new SimError('InvalidResultAttributeException', `Result type name ${t} is not supported. Supported type names are: AWS:InstanceInformation, AWS:PatchSummary. Default result type name is AWS:InstanceInformation.`);
    }
  }
  const chains = query.aggregators && query.aggregators.length > 0 ? parseAggregators(query.aggregators) : undefined;
  const ri = regionInventory(store, region);
  const max = query.maxResults ?? 50;
  if (chains) {
    const rows = aggregatedRows(ri, filters, chains);
    const scope = `GetInventory/${region}/aggregate/${hashToken(JSON.stringify([filterKey(filters), chains]))}`;
    const after = readToken(store, scope, query.nextToken);
    const start = after === undefined ? 0 : after + 1;
    const page = rows.slice(start, start + max);
    if (page.length === 0) return { entities: [] };
    const data: Record<string, InventoryResultItem> = {};
    for (const { typeName, row } of page) {
      data[typeName] ??= { TypeName: typeName, SchemaVersion: schemaVersion(typeName), Content: [] };
      data[typeName].Content.push(row);
    }
    const last = start + page.length - 1;
    return { entities: [{ Data: data }], nextToken: last < rows.length - 1 ? encodeToken(store.tokenSecret, scope, last) : undefined };
  }
  const resultType = query.resultAttributes?.[0] ?? INSTANCE_INFORMATION;
  const matchers = [...groupByType(filters)].map(([t, fs]) => nodeMatcher(t, fs));
  const scope = `GetInventory/${region}/nodes/${hashToken(JSON.stringify([filterKey(filters), resultType]))}`;
  const after = readToken(store, scope, query.nextToken);
  const page = pageAfter(candidates(ri, filters), (ni) => ni.node.order, after, max, (ni) => matchers.every((m) => m(ni)));
  const entities = page.items.map((ni): InventoryEntity => {
    const rows = rowsOf(ni, resultType);
    if (rows.length === 0) return { Id: ni.node.id, Data: {} };
    return { Id: ni.node.id, Data: { [resultType]: { TypeName: resultType, SchemaVersion: schemaVersion(resultType), CaptureTime: isoSeconds(ni.captureTime), Content: rows } } };
  });
  return { entities, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

export interface InventoryEntriesQuery {
  instanceId: string;
  typeName: string;
  filters?: InventoryFilterInput[];
  maxResults?: number;
  nextToken?: string;
}

export interface InventoryEntriesPage {
  typeName: string;
  instanceId: string;
  schemaVersion?: string;
  captureTime?: string;
  entries: InventoryRow[];
  nextToken?: string;
}

export function queryInventoryEntries(store: FleetStore, region: string, query: InventoryEntriesQuery): InventoryEntriesPage {
  const node = nodeInRegion(store, region, query.instanceId);
  if (!node?.ssm) throw new SimError('InvalidInstanceId', `The instance ID ${query.instanceId} is not valid. Verify the ID and try again.`);
  const schema = inventorySchema(query.typeName);
  if (!schema) throw new SimError('InvalidTypeNameException', `The inventory type ${query.typeName} is not valid.`);
  const filters = (query.filters ?? []).map((f) => {
    const key = f.Key.includes('.') ? f.Key : `${schema.TypeName}.${f.Key}`;
    const parsed = splitKey(key, (msg) => new SimError('InvalidFilter', msg));
    if (parsed.schema !== schema) throw new SimError('InvalidFilter', `The filter key ${f.Key} is not an attribute of ${schema.TypeName}.`);
    return makeFilter(schema.TypeName, parsed.attr, f);
  });
  const ri = regionInventory(store, region);
  const ni = ri.byId.get(node.id);
  const empty: InventoryEntriesPage = { typeName: schema.TypeName, instanceId: node.id, entries: [] };
  if (!ni || !collectsType(ni, schema.TypeName)) return empty;
  const scope = `ListInventoryEntries/${region}/${node.id}/${schema.TypeName}/${hashToken(filterKey(filters))}`;
  const after = readToken(store, scope, query.nextToken);
  const max = query.maxResults ?? 50;
  let rowAt: (i: number) => InventoryRow | null;
  let count: number;
  if (schema.TypeName === APPLICATION) {
    // O(page): rows are built only for the positions read (profile packages, then Distributor packages).
    const p = ni.profile.packages.length;
    const extra = distributorRows(ni);
    count = p + extra.length;
    rowAt = (i) => (i < p ? (ni.choices[i] === NONE ? null : packageRow(ni, i)) : extra[i - p]);
  } else {
    const rows = rowsOf(ni, schema.TypeName);
    count = rows.length;
    rowAt = (i) => rows[i];
  }
  const positions = Array.from({ length: count }, (_, i) => i);
  const accept = (i: number) => {
    if (filters.length === 0) return schema.TypeName !== APPLICATION || i >= ni.profile.packages.length || ni.choices[i] !== NONE;
    const row = rowAt(i);
    return !!row && rowPasses(row, filters);
  };
  const page = pageAfter(positions, (i) => i, after, max, accept);
  return {
    ...empty,
    schemaVersion: schema.Version,
    captureTime: isoSeconds(ni.captureTime),
    entries: page.items.map((i) => rowAt(i) as InventoryRow),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}

/* ----------------------------------------------------------------- schema */

export interface InventorySchemaQuery {
  typeName?: string;
  aggregator?: boolean;
  subType?: boolean;
  maxResults?: number;
  nextToken?: string;
}

export function queryInventorySchemas(store: FleetStore, query: InventorySchemaQuery): { schemas: InventoryTypeSchema[]; nextToken?: string } {
  let list: InventoryTypeSchema[] = [...INVENTORY_SCHEMAS];
  if (query.typeName) {
    const one = inventorySchema(query.typeName);
    if (!one) throw new SimError('InvalidTypeNameException', `The inventory type ${query.typeName} is not valid.`);
    list = [one];
  }
  // The simulation has no sub-type schemas (AWS keeps them for types such as AWS:ComplianceItem).
  if (query.subType) list = [];
  if (query.aggregator) {
    list = list.filter((s) => s.aggregatable).map((s) => ({ ...s, Attributes: s.Attributes.filter((a) => s.aggregatable?.includes(a.Name)) }));
  }
  const scope = `GetInventorySchema/${hashToken(JSON.stringify([query.typeName ?? '', !!query.aggregator, !!query.subType]))}`;
  const after = readToken(store, scope, query.nextToken);
  const page = pageAfter(list.map((_, i) => i), (i) => i, after, query.maxResults ?? 50);
  return {
    schemas: page.items.map((i) => list[i]),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}

/* ------------------------------------------------------------ associations */

export interface AssociationStatusInfo {
  associationId: string;
  associationName: string;
  documentName: string;
  documentVersion: string;
  associationVersion: string;
  instanceId: string;
  executionDate: number;
  status: AssociationStatus;
  detailedStatus: string;
  executionSummary?: string;
}

function uuid(...parts: Array<string | number>): string {
  const hex = [0, 1, 2, 3].map((i) => hashSeed('association', i, ...parts).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const SUMMARY: Record<AssociationStatus, string | undefined> = {
  Success: '1 out of 1 plugin processed, 1 success, 0 failed, 0 timedout, 0 skipped. ',
  Failed: '1 out of 1 plugin processed, 0 success, 1 failed, 0 timedout, 0 skipped. The operation aws:softwareInventory failed because the inventory data could not be uploaded.',
  Pending: undefined,
};

/**
 * Every managed node has the account's SSM Agent update association; ~95% also have the
 * inventory association (AWS-GatherSoftwareInventory). The node's AssociationStatus
 * (DescribeInstanceInformation) is the inventory association's, or the agent one's without it.
 */
export function instanceAssociations(store: FleetStore, seed: number, region: string, node: SimNode): AssociationStatusInfo[] {
  const ssm = node.ssm;
  if (!ssm) return [];
  const inventory = hasInventoryAssociation(node);
  const agentDate = inventory ? Math.min(ssm.lastSuccessfulAssociationTime, ssm.lastAssociationTime) - (hashSeed('agent-association', node.id) % (6 * 24)) * HOUR : ssm.lastAssociationTime;
  const agentStatus: AssociationStatus = inventory ? 'Success' : ssm.associationStatus;
  const out: AssociationStatusInfo[] = [{
    associationId: uuid(seed, store.accountId, region, 'agent'), associationName: 'SSMAgent-AutoUpdate', documentName: 'AWS-UpdateSSMAgent',
    documentVersion: '1', associationVersion: '2', instanceId: node.id, executionDate: agentDate,
    status: agentStatus, detailedStatus: agentStatus, executionSummary: SUMMARY[agentStatus]?.replace('aws:softwareInventory', 'aws:updateSsmAgent'),
  }];
  if (inventory) {
    out.push({
      associationId: uuid(seed, store.accountId, region, 'inventory'), associationName: 'Inventory-Association', documentName: 'AWS-GatherSoftwareInventory',
      documentVersion: '1', associationVersion: '1', instanceId: node.id, executionDate: ssm.lastAssociationTime,
      status: ssm.associationStatus, detailedStatus: ssm.associationStatus, executionSummary: SUMMARY[ssm.associationStatus],
    });
  }
  return out;
}

export function queryInstanceAssociationsStatus(
  store: FleetStore, seed: number, region: string, query: { instanceId: string; maxResults?: number; nextToken?: string },
): { infos: AssociationStatusInfo[]; nextToken?: string } {
  const node = nodeInRegion(store, region, query.instanceId);
  if (!node?.ssm) throw new SimError('InvalidInstanceId', `The instance ID ${query.instanceId} is not valid. Verify the ID and try again.`);
  const all = instanceAssociations(store, seed, region, node);
  const scope = `DescribeInstanceAssociationsStatus/${region}/${node.id}`;
  const after = readToken(store, scope, query.nextToken);
  const page = pageAfter(all.map((_, i) => i), (i) => i, after, query.maxResults ?? 50);
  return { infos: page.items.map((i) => all[i]), nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

