import 'server-only';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { fleetAccounts } from '@/lib/accounts/accounts';
import pLimit from 'p-limit';
import { getInventory, type InventoryAggregator, type InventoryFilter, type InventoryResultEntity } from '@/lib/aws/ssm/get-inventory';
import { settle } from '@/lib/aws/settle';
import type { AwsError } from '@/lib/aws/errors';
import { toSourceError } from '@/lib/aws/describe-error';
import { createKeyedCache } from '@/lib/cache/keyed-cache';
import type { SourceError } from '@/lib/contracts/node';
import type { CountRow } from '@/lib/contracts/inventory';
import type { NodeView } from '@/lib/contracts/node-view';
import { familyOf, joinEvr, type VersionFamily } from '@/lib/contracts/version-order';

/**
 * What SSM Inventory's aggregators say about one region, read once and shared by the catalog, the search and the
 * overview's counts:
 * - the platforms (AWS:InstanceInformation.PlatformName → PlatformVersion) and agent versions, one call each;
 * - per platform, every application with its versions and how many nodes have each
 *   (AWS:Application.Name → Version → Release → Epoch, filtered to the platform: 50 rows a call).
 * Reading per platform gives each version its packaging system (RPM, Debian, Windows) for ordering, and makes the
 * platform filter native.
 */

export interface AppVersionRow {
  name: string;
  /** epoch:version-release as the packaging system writes it (RPM), else the version as reported. */
  version: string;
  /** The attributes as AWS reports them, for naming the nodes with filters. */
  attrs: { version: string; release: string; epoch: string };
  family: VersionFamily;
  nodes: number;
}

export interface PlatformInventory {
  platform: string;
  family: VersionFamily;
  apps: AppVersionRow[];
  /** false: not read (the search asked only for what is cached). */
  loaded: boolean;
}

export interface RegionInventory {
  region: string;
  fetchedAt: string;
  os: { platform: string; version: string; nodes: number }[];
  agents: CountRow[];
  platforms: PlatformInventory[];
  errors: SourceError[];
  calls: number;
}

export const APP_AGGREGATOR: InventoryAggregator = {
  Expression: 'AWS:Application.Name',
  Aggregators: [{ Expression: 'AWS:Application.Version', Aggregators: [{ Expression: 'AWS:Application.Release', Aggregators: [{ Expression: 'AWS:Application.Epoch' }] }] }],
};

/** Inventory reads per region at once: aggregations page sequentially, so parallel platforms are the speed-up. */
const limits = new Map<string, ReturnType<typeof pLimit>>();
export function regionLimit(region: string) {
  let l = limits.get(region);
  if (!l) limits.set(region, (l = pLimit(Number(process.env.INVENTORY_CONCURRENCY) || 8)));
  return l;
}

/** A failed inventory source: the plain reason every page shows (lib/aws/describe-error.ts), never AWS's own text. */
export function sourceError(source: string, e: AwsError, detail = ''): SourceError {
  return toSourceError(source, e, detail);
}

/** Rows of an aggregated GetInventory answer: each Content row with its Count as a number. */
export function aggregateRows(entities: InventoryResultEntity[], typeName: string): { attrs: Record<string, string>; count: number }[] {
  const out: { attrs: Record<string, string>; count: number }[] = [];
  for (const e of entities) {
    for (const row of e.Data?.[typeName]?.Content ?? []) {
      const { Count, ...attrs } = row;
      out.push({ attrs, count: Number(Count) || 0 });
    }
  }
  return out;
}

export function appRows(rows: { attrs: Record<string, string>; count: number }[], family: VersionFamily): AppVersionRow[] {
  return rows
    .filter((r) => r.attrs.Name)
    .map((r) => {
      const attrs = { version: r.attrs.Version ?? '', release: r.attrs.Release ?? '', epoch: r.attrs.Epoch ?? '' };
      const version =
        family === 'rpm' ? joinEvr({ epoch: attrs.epoch || null, version: attrs.version, release: attrs.release || null }) : attrs.version;
      return { name: r.attrs.Name, version, attrs, family, nodes: r.count };
    });
}

/** Filters of the node view that SSM Inventory can apply itself (by region, and per platform); `sw` is the search's own. */
const NATIVE = new Set(['region', 'platform', 'sort', 'dir', 'group', 'cols']);

/** Does the view filter by anything SSM Inventory cannot apply itself (so its nodes must be named)? */
export function needsNodeScope(view: NodeView | undefined, ignore: readonly (keyof NodeView)[] = []): boolean {
  if (!view) return false;
  return Object.entries(view).some(
    ([k, v]) => !NATIVE.has(k) && !(ignore as readonly string[]).includes(k) && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
}

export const PLATFORM_FILTER = 'AWS:InstanceInformation.PlatformName';

interface RegionOverview {
  region: string;
  fetchedAt: string;
  os: RegionInventory['os'];
  agents: CountRow[];
  errors: SourceError[];
  calls: number;
}

function reader(region: string) {
  let calls = 0;
  const limit = regionLimit(region);
  return {
    calls: () => calls,
    read: (filters: InventoryFilter[], aggregators: InventoryAggregator[]) =>
      settle(limit(() => getInventory(parseScopeKey(region), { filters, aggregators, onPage: () => void calls++ }))),
  };
}

async function loadOverview(region: string): Promise<RegionOverview> {
  const r = reader(region);
  const errors: SourceError[] = [];
  const [osRes, agentRes] = await Promise.all([
    r.read([], [{ Expression: 'AWS:InstanceInformation.PlatformName', Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformVersion' }] }]),
    r.read([], [{ Expression: 'AWS:InstanceInformation.AgentVersion' }]),
  ]);
  const os = osRes.ok
    ? aggregateRows(osRes.value, 'AWS:InstanceInformation').map((x) => ({ platform: x.attrs.PlatformName ?? '', version: x.attrs.PlatformVersion ?? '', nodes: x.count }))
    : [];
  if (!osRes.ok) errors.push(sourceError('ssm:GetInventory', osRes.error, 'platforms'));
  const agents = agentRes.ok ? aggregateRows(agentRes.value, 'AWS:InstanceInformation').map((x) => ({ value: x.attrs.AgentVersion ?? '', nodes: x.count })) : [];
  if (!agentRes.ok) errors.push(sourceError('ssm:GetInventory', agentRes.error, 'agent versions'));
  return { region, fetchedAt: new Date().toISOString(), os, agents, errors, calls: r.calls() };
}

async function loadApps(key: string): Promise<{ apps: AppVersionRow[]; calls: number }> {
  const [region, platform] = key.split('\u0000');
  const r = reader(region);
  const res = await r.read([{ Key: PLATFORM_FILTER, Values: [platform], Type: 'Equal' }], [APP_AGGREGATOR]);
  if (!res.ok) throw res.error;
  return { apps: appRows(aggregateRows(res.value, 'AWS:Application'), familyOf(null, platform)), calls: r.calls() };
}

/** Seconds inventory aggregates are served before a background refresh (INVENTORY_CACHE_TTL_SECONDS, default 300). */
export const inventoryTtlMs = () => (Number(process.env.INVENTORY_CACHE_TTL_SECONDS) || 300) * 1000;

type Caches = {
  overview: ReturnType<typeof createKeyedCache<RegionOverview>>;
  apps: ReturnType<typeof createKeyedCache<{ apps: AppVersionRow[]; calls: number }>>;
};
const g = globalThis as unknown as { __inventoryCaches?: Caches };
function caches(): Caches {
  const onBackgroundError = (err: unknown) => console.error('[inventory] background refresh failed:', err);
  return (g.__inventoryCaches ??= {
    // Per configured region (and platform): the whole dashboard's, so no caller pays for, or is refused, their loads.
    overview: createKeyedCache<RegionOverview>({ ttlMs: inventoryTtlMs, maxKeys: 64, load: (region) => loadOverview(region), onBackgroundError, forEveryone: true }),
    apps: createKeyedCache({ ttlMs: inventoryTtlMs, maxKeys: 1024, load: (key) => loadApps(key), onBackgroundError, forEveryone: true }),
  });
}

/**
 * Every configured region's inventory aggregates; `calls` counts only the calls this answer caused (0 from cache).
 * With `apps: 'cached'`, a platform's applications are included only if already read (the search reads less).
 */
export async function regionInventories(
  opts: { regions?: string[]; refresh?: boolean; apps?: 'all' | 'cached' } = {},
): Promise<RegionInventory[]> {
  // Only configured regions: the caches below are the dashboard's own, loaded for no caller (a view naming another
  // region gets nothing for it rather than a load nobody is charged for).
  // Keyed by scope (account/region with an accounts file); a view's region filter keeps the scopes of that region.
  const configured = (await fleetAccounts()).scopes;
  const regions = (opts.regions?.length ? configured.filter((s) => opts.regions!.includes(s.region)) : configured).map(scopeKey);
  const c = caches();
  return Promise.all(
    regions.map(async (region): Promise<RegionInventory> => {
      const before = c.overview.peek(region);
      const ov = await c.overview.get(region, { refresh: opts.refresh });
      let calls = ov === before ? 0 : ov.calls;
      const errors = [...ov.errors];
      const names = [...new Set(ov.os.map((o) => o.platform).filter(Boolean))].sort();
      const platforms = await Promise.all(
        names.map(async (platform): Promise<PlatformInventory | null> => {
          const key = `${region}\u0000${platform}`;
          const family = familyOf(null, platform);
          const cached = c.apps.peek(key);
          if (opts.apps === 'cached' && !cached) return { platform, family, apps: [], loaded: false };
          const res = await settle(c.apps.get(key, { refresh: opts.refresh }));
          if (!res.ok) {
            errors.push(sourceError('ssm:GetInventory', res.error, `applications of ${platform}`));
            return null;
          }
          if (res.value !== cached) calls += res.value.calls;
          return { platform, family, apps: res.value.apps, loaded: true };
        }),
      );
      return { region, fetchedAt: ov.fetchedAt, os: ov.os, agents: ov.agents, platforms: platforms.filter((p) => p !== null), errors, calls };
    }),
  );
}

/** Tests and benchmarks: forget every inventory read. */
export function resetInventoryCaches(): void {
  g.__inventoryCaches?.overview.clear();
  g.__inventoryCaches?.apps.clear();
  for (const reset of resetters) reset();
}
const resetters: (() => void)[] = [];
export function onInventoryReset(fn: () => void): void {
  resetters.push(fn);
}
