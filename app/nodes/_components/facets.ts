import type { NodeRow } from '@/lib/contracts/node';
import { filterNodes, type NodeView, type ViewContext } from '@/lib/contracts/node-view';
import type { FacetOption } from '@/components/data-table/faceted-filter';

type FacetKey = 'ping' | 'platform' | 'acct' | 'region' | 'patch' | 'agent' | 'ops';

/** Counts for one facet, over the rows that match every other filter (so counts say what a click will show). */
export function facetCounts(rows: NodeRow[], view: NodeView, facet: FacetKey, values: (r: NodeRow) => string[], now: number, ctx: ViewContext = {}): Map<string, number> {
  const others = filterNodes(rows, { ...view, [facet]: [] }, now, ctx);
  const counts = new Map<string, number>();
  for (const r of others) for (const v of values(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

export function options(counts: Map<string, number>, order?: readonly string[], labels?: Record<string, string>): FacetOption[] {
  const keys = order ? [...order] : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  return keys.map((value) => ({ value, label: labels?.[value], count: counts.get(value) ?? 0 }));
}
