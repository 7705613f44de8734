import type { FacetOption } from '@/components/data-table/faceted-filter';

/** A facet's options with their counts (fleet-index.ts counts them): in `order` if given, else most frequent first. */
export function options(counts: Map<string, number>, order?: readonly string[], labels?: Record<string, string>): FacetOption[] {
  const keys = order ? [...order] : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  return keys.map((value) => ({ value, label: labels?.[value], count: counts.get(value) ?? 0 }));
}
