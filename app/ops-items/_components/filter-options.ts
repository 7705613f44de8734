import type { FacetOption } from '@/components/data-table/faceted-filter';

/**
 * Options of a list filter in a fixed order (a vocabulary), then any other value the list or the view holds. Counts
 * are those of the list on screen (the server applies the filters), so a value absent from it shows no number rather
 * than a misleading 0.
 */
export function optionsOf(counts: Map<string, number>, order: readonly string[], selected: string[], label?: (v: string) => string): FacetOption[] {
  const values = [...new Set([...order, ...selected, ...[...counts.keys()].sort()])];
  return values.map((value) => ({ value, label: label?.(value), count: counts.get(value) }));
}
