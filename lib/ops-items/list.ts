import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey } from '@/lib/aws/scope';
import { settle } from '@/lib/aws/settle';
import { describeAwsError } from '@/lib/aws/describe-error';
import { listOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { createKeyedCache, type KeyedCache } from '@/lib/cache/keyed-cache';
import type { OpsItemRow, OpsItemsResponse, OpsItemsView, OpsRegionStatus } from '@/lib/contracts/ops-items';
import { filterKey, opsItemFilters, statusPartitions } from './filters';
import { toRow } from './map';
import { rememberRegions } from './locate';
import { peekRecentOpsItems, recentOpsItems } from '@/lib/fleet/recent-ops-items';

/** A list read is served for this long; every change made here clears it, so the engineer sees their own edits. */
const TTL_MS = 30_000;

type Args = { view: OpsItemsView; regions: string[] };
const g = globalThis as unknown as { __opsItemLists?: KeyedCache<OpsItemsResponse, Args> };

function cache(): KeyedCache<OpsItemsResponse, Args> {
  return (g.__opsItemLists ??= createKeyedCache<OpsItemsResponse, Args>({
    ttlMs: () => TTL_MS,
    maxKeys: 50,
    load: (_key, _prev, { view, regions }) => readList(view, regions),
    onBackgroundError: (err) => console.error('[ops-items] list refresh failed:', err),
  }));
}

/** Every region read in parallel with the view's filters applied by AWS; a region that fails is named, not fatal. */
async function readList(view: OpsItemsView, regions: string[]): Promise<OpsItemsResponse> {
  const filters = opsItemFilters(view, Date.now());
  const parts = statusPartitions(filters);
  const readRegion = (region: string) => Promise.all(parts.map((p) => listOpsItems(parseScopeKey(region), p))).then((lists) => lists.flat());
  const reads = await Promise.all(regions.map(async (region) => ({ region, r: await settle(readRegion(region)) })));
  const items: OpsItemRow[] = [];
  const status: OpsRegionStatus[] = [];
  for (const { region, r } of reads) {
    if (r.ok) {
      const rows = r.value.map((s) => toRow(region, s));
      items.push(...rows);
      rememberRegions(rows);
      status.push({ region, ok: true, items: rows.length, error: null });
    } else {
      status.push({ region, ok: false, items: 0, error: `${describeAwsError(r.error)} (${r.error.code})` });
    }
  }
  return { items, regions: status, complete: status.every((s) => s.ok), readAt: new Date().toISOString() };
}

/** The OpsItems of a view, in every configured region (or the view's regions). Rows are unsorted: the browser sorts. */
export async function listOpsItemsView(view: OpsItemsView, opts: { refresh?: boolean } = {}): Promise<OpsItemsResponse> {
  const all = await fleetScopeKeys();
  const regions = view.region.length ? all.filter((r) => view.region.includes(parseScopeKey(r).region)) : all;
  return cache().get(filterKey(view, regions), { refresh: opts.refresh, args: { view, regions } });
}

/**
 * After a change in these regions: the next read of any list asks AWS again, and the overview's OpsItem history is
 * read again in the background (it keeps showing the previous read meanwhile).
 */
export function afterOpsItemChange(regions: string[]): void {
  g.__opsItemLists?.clear();
  for (const region of new Set(regions)) {
    if (peekRecentOpsItems(parseScopeKey(region))) recentOpsItems(parseScopeKey(region), { refresh: true }).catch((err) => console.error(`[ops-items] OpsItem history of ${region}:`, err));
  }
}
