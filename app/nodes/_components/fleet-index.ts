import type { NodeRow } from '@/lib/contracts/node';
import { nodeMatcher, searchText, sortNodes, STALE_SCAN_DAYS, viewToSearchParams, type NodeView, type ViewContext } from '@/lib/contracts/node-view';

/**
 * The nodes page's view of 100,000 rows, computed so that a keystroke costs little more than reading each row's search
 * text once: what does not change while typing is computed once per fleet (each row's position, search text and facet
 * values as bits) or once per sort order (the order of positions), and each keystroke walks arrays of positions.
 * The answers are those of applyView and of facet counts over filterNodes (node-view.ts), which stay the reference.
 */

export type FacetKey = 'ping' | 'platform' | 'acct' | 'region' | 'patch' | 'agent' | 'ops';
export const FACET_KEYS: readonly FacetKey[] = ['ping', 'platform', 'acct', 'region', 'patch', 'agent', 'ops'];
const NO_FACETS = { ping: [], platform: [], acct: [], region: [], patch: [], agent: [], ops: [] } satisfies Record<FacetKey, []>;

/** A facet's values of a row, handed to `add`. */
export type FacetValues = (r: NodeRow, add: (value: string) => void) => void;

/** One facet's values of every row: a bit per value (up to 32 values), else a list per row. */
interface FacetColumn {
  values: string[];
  bits: Uint32Array | null;
  lists: number[][] | null;
}

export interface FleetIndex {
  rows: NodeRow[];
  position: Map<NodeRow, number>;
  /** Search text by position, filled as needed (and ahead, while idle: prepareSearchText). */
  text: (string | undefined)[];
  facets: Record<FacetKey, FacetColumn>;
}

function facetColumn(rows: NodeRow[], values: FacetValues): FacetColumn {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (v: string) => {
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = names.push(v) - 1));
    return id;
  };
  const bits = new Uint32Array(rows.length);
  let i = 0;
  const set = (v: string) => (bits[i] |= 1 << idOf(v));
  for (; i < rows.length && names.length <= 32; i++) values(rows[i], set);
  if (names.length <= 32) return { values: names, bits, lists: null };
  // More than 32 values (many platforms, say): a list of value IDs per row.
  const lists: number[][] = new Array(rows.length);
  for (i = 0; i < rows.length; i++) {
    const list: number[] = [];
    values(rows[i], (v) => {
      const id = idOf(v);
      if (!list.includes(id)) list.push(id);
    });
    lists[i] = list;
  }
  return { values: names, bits: null, lists };
}

/** Once per fleet (and snapshot time: the patch facet's "stale scan" depends on it). */
export function buildFleetIndex(rows: NodeRow[], facets: Record<FacetKey, FacetValues>): FleetIndex {
  const position = new Map<NodeRow, number>();
  rows.forEach((r, i) => position.set(r, i));
  const columns = Object.fromEntries(FACET_KEYS.map((k) => [k, facetColumn(rows, facets[k])])) as Record<FacetKey, FacetColumn>;
  return { rows, position, text: new Array<string | undefined>(rows.length), facets: columns };
}

/** Positions in the order of sortNodes (once per sort order). */
export function sortOrder(index: FleetIndex, sort: string, dir: 'asc' | 'desc'): Int32Array {
  const sorted = sortNodes(index.rows, sort, dir);
  const order = new Int32Array(sorted.length);
  sorted.forEach((r, j) => (order[j] = index.position.get(r)!));
  return order;
}

const textAt = (index: FleetIndex, i: number) => (index.text[i] ??= searchText(index.rows[i]));

/**
 * The positions (in `order`) of the rows matching a view's search and other filters that are not facets, remembering
 * its last answer: when only the search text changed and the new text contains the old (typing on), only the rows the
 * old text matched can match, so only those are read. One per component: useState(createBaseFilter).
 */
export function createBaseFilter() {
  let last: { index: FleetIndex; order: Int32Array; key: string; q: string; now: number; ctx: ViewContext; out: Int32Array } | null = null;
  return (index: FleetIndex, order: Int32Array, view: NodeView, now: number, ctx: ViewContext): Int32Array => {
    const q = view.q.trim().toLowerCase();
    const rest: NodeView = { ...view, ...NO_FACETS, q: '' };
    const key = viewToSearchParams({ ...rest, sort: undefined, dir: undefined, group: undefined, cols: undefined }).toString();
    const narrowing = last !== null && last.index === index && last.order === order && last.key === key && last.now === now && last.ctx === ctx && last.q !== '' && q.includes(last.q);
    const from = narrowing ? last!.out : order;
    const matches = nodeMatcher(rest, now, ctx);
    const out = new Int32Array(from.length);
    let n = 0;
    for (let j = 0; j < from.length; j++) {
      const i = from[j];
      if (q && !textAt(index, i).includes(q)) continue;
      if (!matches(index.rows[i])) continue;
      out[n++] = i;
    }
    last = { index, order, key, q, now, ctx, out: out.slice(0, n) };
    return last.out;
  };
}

/**
 * The view's rows (`base` cut by its faceted filters, in base's order) and each facet's counts over the rows that
 * match every other filter (so a count says what a click will show): one pass. A row that fails none of the active
 * faceted filters counts for every facet, one that fails exactly one counts for that facet only, others for none.
 */
export function facetRows(index: FleetIndex, base: Int32Array, view: NodeView, now: number, ctx: ViewContext): { rows: NodeRow[]; counts: Record<FacetKey, Map<string, number>> } {
  const active = FACET_KEYS.filter((k) => view[k].length > 0);
  // Each active facet's filter alone (the other filters are already met by every row of base).
  const tests = active.map((k) => nodeMatcher({ ...view, q: '', ...NO_FACETS, [k]: view[k] }, now, ctx));
  const columns = FACET_KEYS.map((k) => index.facets[k]);
  const tallies = columns.map((c) => new Float64Array(c.values.length));
  const tally = (f: number, i: number) => {
    const c = columns[f];
    const t = tallies[f];
    if (c.bits) {
      for (let m = c.bits[i]; m !== 0; ) {
        const low = m & -m;
        t[31 - Math.clz32(low)]++;
        m ^= low;
      }
    } else for (const id of c.lists![i]) t[id]++;
  };
  const facetOf = active.map((k) => FACET_KEYS.indexOf(k));
  const rows: NodeRow[] = [];
  for (let j = 0; j < base.length; j++) {
    const i = base[j];
    let fails = 0;
    let failed = -1;
    for (let a = 0; a < tests.length && fails < 2; a++) {
      if (!tests[a](index.rows[i])) {
        fails++;
        failed = a;
      }
    }
    if (fails === 0) {
      rows.push(index.rows[i]);
      for (let f = 0; f < columns.length; f++) tally(f, i);
    } else if (fails === 1) tally(facetOf[failed], i);
  }
  const counts = Object.fromEntries(
    FACET_KEYS.map((k, f) => [k, new Map(columns[f].values.flatMap((v, id) => (tallies[f][id] > 0 ? [[v, tallies[f][id]] as const] : [])))]),
  ) as Record<FacetKey, Map<string, number>>;
  return { rows, counts };
}

/**
 * Computes every row's search text while the browser is idle, a slice at a time, so that the first keystroke only
 * compares. Returns a cancel function (an effect's cleanup).
 */
export function prepareSearchText(index: FleetIndex): () => void {
  let i = 0;
  let cancelled = false;
  const idle: (cb: (d: { timeRemaining(): number }) => void) => void =
    typeof window !== 'undefined' && 'requestIdleCallback' in window ? (cb) => window.requestIdleCallback(cb) : (cb) => setTimeout(() => cb({ timeRemaining: () => 8 }), 16);
  const step = (deadline: { timeRemaining(): number }) => {
    if (cancelled) return;
    while (i < index.rows.length && deadline.timeRemaining() > 1) {
      for (const end = Math.min(index.rows.length, i + 1000); i < end; i++) textAt(index, i);
    }
    if (i < index.rows.length) idle(step);
  };
  idle(step);
  return () => {
    cancelled = true;
  };
}

/** Patch facet values of a row, as the patch filters see them at `now` (matchesPatch in node-view.ts). */
export function patchFacet(now: number): FacetValues {
  const before = now - STALE_SCAN_DAYS * 86_400_000;
  return (r, add) => {
    if (r.patchStatus) add(r.patchStatus);
    if ((r.patchMissing ?? 0) > 0) add('missing');
    if ((r.patchCritical ?? 0) > 0) add('critical');
    if ((r.patchSecurity ?? 0) > 0) add('security');
    if ((r.patchOther ?? 0) > 0) add('other');
    if ((r.patchFailed ?? 0) > 0) add('failed');
    if ((r.patchPendingReboot ?? 0) > 0) add('pendingReboot');
    if ((r.patchRejected ?? 0) > 0) add('rejected');
    if (r.patchScannedAt && Date.parse(r.patchScannedAt) < before) add('staleScan');
  };
}
