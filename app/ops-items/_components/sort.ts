import type { OpsItemRow, OpsItemsView, OpsSort } from '@/lib/contracts/ops-items';
import { OPS_ITEM_STATUSES } from '@/lib/contracts/ops-items';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const STATUS_RANK = new Map<string, number>(OPS_ITEM_STATUSES.map((s, i) => [s, i]));

const time = (iso: string | null) => (iso ? Date.parse(iso) : null);

type Key = (r: OpsItemRow) => string | number | null;
const KEYS: Record<OpsSort, Key> = {
  created: (r) => time(r.createdAt),
  modified: (r) => time(r.modifiedAt),
  severity: (r) => (r.severity ? Number(r.severity) : null),
  priority: (r) => r.priority,
  status: (r) => STATUS_RANK.get(r.status) ?? 99,
  title: (r) => r.title,
  source: (r) => r.source,
  category: (r) => r.category,
  region: (r) => r.region,
};

/**
 * The rows the server returned, sorted as the view says. Blanks go last in either direction. Severity and priority
 * sort "most urgent first" when descending would be backwards, so for them `desc` means 1 first (as people say
 * "sort by severity").
 */
export function sortRows(rows: OpsItemRow[], view: Pick<OpsItemsView, 'sort' | 'dir'>): OpsItemRow[] {
  const key = KEYS[view.sort];
  const urgency = view.sort === 'severity' || view.sort === 'priority';
  const sign = (view.dir === 'asc') !== urgency ? 1 : -1;
  const keyed = rows.map((r) => [key(r), r] as const);
  keyed.sort(([a], [b]) => {
    if (a === b) return 0;
    if (a === null || a === '') return 1;
    if (b === null || b === '') return -1;
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
    return sign * c;
  });
  return keyed.map(([, r]) => r);
}
