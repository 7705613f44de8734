import 'server-only';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import type { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { listOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { OPS_HISTORY_DAYS } from '@/lib/contracts/summary';

/** One OpsItem, as much as the overview's charts need. */
export interface RecentOpsItem {
  id: string;
  status: string;
  severity: string | null;
  createdAt: number | null;
}

/** A region's OpsItems created in the last OPS_HISTORY_DAYS days; on a failed read, the previous read (if any) and the error. */
export interface RecentOps {
  /** The scope's key (see scopeKey). */
  region: string;
  items: RecentOpsItem[] | null;
  readAt: string | null;
  error: AwsError | null;
}

/**
 * Read every few minutes, not at every fleet refresh: all statuses over 90 days can be thousands of OpsItems (50 a
 * page), and an OpsItem history that is a few minutes old says the same. A failed read is tried again sooner.
 */
const TTL_MS = 5 * 60_000;
const RETRY_MS = 30_000;
const DAY_MS = 86_400_000;

const g = globalThis as unknown as { __recentOps?: Map<string, SwrCache<RecentOps>> };

function cacheFor(scope: AwsScope): SwrCache<RecentOps> {
  const all = (g.__recentOps ??= new Map());
  const region = scopeKey(scope);
  let c = all.get(region);
  if (!c) {
    const cache: SwrCache<RecentOps> = createSwrCache<RecentOps>({
      ttlMs: () => (cache.peek()?.error ? RETRY_MS : TTL_MS),
      load: (previous) => read(scope, previous),
      onBackgroundError: (err) => console.error(`[overview] OpsItem history of ${region}:`, err),
      forEveryone: true,
    });
    all.set(region, (c = cache));
  }
  return c;
}

async function read(scope: AwsScope, previous: RecentOps | undefined): Promise<RecentOps> {
  const region = scopeKey(scope);
  const since = new Date(Date.now() - OPS_HISTORY_DAYS * DAY_MS).toISOString();
  const r = await settle(listOpsItems(scope, [{ Key: 'CreatedTime', Operator: 'GreaterThan', Values: [since] }]));
  if (!r.ok) return { region, items: previous?.items ?? null, readAt: previous?.readAt ?? null, error: r.error };
  const items = r.value.map((i) => ({
    id: i.OpsItemId ?? '',
    status: i.Status ?? 'Open',
    severity: i.Severity || null,
    createdAt: i.CreatedTime instanceof Date ? i.CreatedTime.getTime() : null,
  }));
  return { region, items, readAt: new Date().toISOString(), error: null };
}

/** The region's recent OpsItems: cached (stale-while-revalidate, one read at a time); `refresh` waits for a new read. */
export function recentOpsItems(scope: AwsScope, opts: { refresh?: boolean } = {}): Promise<RecentOps> {
  return cacheFor(scope).get(opts);
}

/** What is cached now, without reading AWS. */
export function peekRecentOpsItems(scope: AwsScope): RecentOps | undefined {
  return g.__recentOps?.get(scopeKey(scope))?.peek();
}

/** Tests: forget every region's read. */
export function resetRecentOpsItems(): void {
  for (const c of g.__recentOps?.values() ?? []) c.clear();
  g.__recentOps?.clear();
}
