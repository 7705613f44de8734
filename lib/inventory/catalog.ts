import 'server-only';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { createHash } from 'node:crypto';
import { getInventory } from '@/lib/aws/ssm/get-inventory';
import { settle } from '@/lib/aws/settle';
import { createKeyedCache } from '@/lib/cache/keyed-cache';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import type { NodeRow, SourceError } from '@/lib/contracts/node';
import { applyView, type NodeView } from '@/lib/contracts/node-view';
import type { CatalogApp, CatalogResponse, CountRow, InventoryRegionStatus } from '@/lib/contracts/inventory';
import { compareVersions, familyOf } from '@/lib/contracts/version-order';
import {
  aggregateRows,
  APP_AGGREGATOR,
  appRows,
  inventoryTtlMs,
  needsNodeScope,
  onInventoryReset,
  regionInventories,
  regionLimit,
  sourceError,
  type AppVersionRow,
  type RegionInventory,
} from './region-inventory';
import { resolveSoftwareFilter } from './software-filter';

/** GetInventory takes at most 40 values in one filter: the node view's other filters name nodes 40 at a time. */
export const IDS_PER_FILTER = 40;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Merge rows of several regions and platforms into one entry per application, versions newest first. */
export function mergeApps(rows: (AppVersionRow & { platform: string })[]): CatalogApp[] {
  const byName = new Map<string, { versions: Map<string, { version: string; family: AppVersionRow['family']; nodes: number }>; platforms: Set<string> }>();
  for (const r of rows) {
    let a = byName.get(r.name);
    if (!a) byName.set(r.name, (a = { versions: new Map(), platforms: new Set() }));
    a.platforms.add(r.platform);
    const key = `${r.family}\u0000${r.version}`;
    const v = a.versions.get(key);
    if (v) v.nodes += r.nodes;
    else a.versions.set(key, { version: r.version, family: r.family, nodes: r.nodes });
  }
  const apps: CatalogApp[] = [];
  for (const [name, a] of byName) {
    const versions = [...a.versions.values()].sort((x, y) =>
      x.family === y.family ? compareVersions(x.family, y.version, x.version) : x.family < y.family ? -1 : 1,
    );
    apps.push({ name, nodes: versions.reduce((s, v) => s + v.nodes, 0), versions, platforms: [...a.platforms].sort() });
  }
  return apps.sort((x, y) => collator.compare(x.name, y.name));
}

function sumRows(rows: CountRow[]): CountRow[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.value, (m.get(r.value) ?? 0) + r.nodes);
  return [...m].map(([value, nodes]) => ({ value, nodes })).sort((a, b) => b.nodes - a.nodes || collator.compare(a.value, b.value));
}

const countRows = (values: string[]): CountRow[] => sumRows(values.map((value) => ({ value, nodes: 1 })));

/** Kernel packages: `kernel` on RPM systems, `linux-image-*` on Debian and Ubuntu. */
export function isKernelPackage(name: string): boolean {
  return name === 'kernel' || (name.startsWith('linux-image-') && /\d/.test(name));
}

function kernelFacet(apps: CatalogApp[]): CountRow[] {
  return sumRows(apps.filter((a) => isKernelPackage(a.name)).flatMap((a) => a.versions.map((v) => ({ value: v.version, nodes: v.nodes }))));
}

// ---------------------------------------------------------------- the node view's other filters: name the nodes

const chunkCache = createKeyedCache<AppVersionRow[], { region: string; platform: string; ids: string[]; onPage: () => void }>({
  ttlMs: inventoryTtlMs,
  maxKeys: 4096,
  load: async (_key, _prev, a) => {
    const entities = await regionLimit(a.region)(() =>
      getInventory(parseScopeKey(a.region), {
        filters: [{ Key: 'AWS:InstanceInformation.InstanceId', Values: a.ids, Type: 'Equal' }],
        aggregators: [APP_AGGREGATOR],
        onPage: a.onPage,
      }),
    );
    return appRows(aggregateRows(entities, 'AWS:Application'), familyOf(null, a.platform));
  },
  onBackgroundError: (err) => console.error('[inventory] background refresh failed:', err),
});
onInventoryReset(() => chunkCache.clear());

function loadChunk(region: string, platform: string, ids: string[], onPage: () => void): Promise<AppVersionRow[]> {
  const key = `${region}|${platform}|${createHash('sha1').update(ids.join(',')).digest('base64url')}`;
  return chunkCache.get(key, { args: { region, platform, ids, onPage } });
}

/**
 * SSM names the platform of nodes it lists; a stopped instance carries only EC2's coarse PlatformDetails
 * ("Linux/UNIX"), but AWS keeps its inventory. Its inventory's own AWS:InstanceInformation names the platform.
 */
async function inventoryPlatforms(region: string, ids: string[], onPage: () => void): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += IDS_PER_FILTER) {
    const entities = await regionLimit(region)(() =>
      getInventory(parseScopeKey(region), { filters: [{ Key: 'AWS:InstanceInformation.InstanceId', Values: ids.slice(i, i + IDS_PER_FILTER), Type: 'Equal' }], onPage }),
    );
    for (const e of entities) {
      const name = e.Data?.['AWS:InstanceInformation']?.Content?.[0]?.PlatformName;
      if (e.Id && name) out.set(e.Id, name);
    }
  }
  return out;
}

async function scopedApps(
  nodes: NodeRow[],
  onPage: (region: string) => void,
): Promise<{ rows: (AppVersionRow & { platform: string })[]; errors: Map<string, SourceError[]> }> {
  const groups = new Map<string, { region: string; platform: string; ids: string[] }>();
  const add = (region: string, platform: string, id: string) => {
    const key = `${region}|${platform}`;
    let grp = groups.get(key);
    if (!grp) groups.set(key, (grp = { region, platform, ids: [] }));
    grp.ids.push(id);
  };
  const errors = new Map<string, SourceError[]>();
  const stopped = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.ping === 'NotManaged') continue; // never registered: no inventory
    if (n.managed && n.platformName) add(scopeKey(n), n.platformName, n.id);
    else stopped.set(scopeKey(n), [...(stopped.get(scopeKey(n)) ?? []), n.id]);
  }
  await Promise.all(
    [...stopped].map(async ([region, ids]) => {
      const res = await settle(inventoryPlatforms(region, ids, () => onPage(region)));
      if (res.ok) for (const [id, platform] of res.value) add(region, platform, id);
      else errors.set(region, [sourceError('ssm:GetInventory', res.error, `platforms of ${ids.length} stopped instances`)]);
    }),
  );
  const rows: (AppVersionRow & { platform: string })[] = [];
  const jobs: Promise<void>[] = [];
  for (const grp of groups.values()) {
    grp.ids.sort();
    for (let i = 0; i < grp.ids.length; i += IDS_PER_FILTER) {
      const ids = grp.ids.slice(i, i + IDS_PER_FILTER);
      jobs.push(
        settle(loadChunk(grp.region, grp.platform, ids, () => onPage(grp.region))).then((res) => {
          if (res.ok) for (const r of res.value) rows.push({ ...r, platform: grp.platform });
          else {
            const list = errors.get(grp.region) ?? [];
            if (!list.some((e) => e.code === res.error.code)) list.push(sourceError('ssm:GetInventory', res.error, `applications of some ${grp.platform} nodes`));
            errors.set(grp.region, list);
          }
        }),
      );
    }
  }
  await Promise.all(jobs);
  return { rows, errors };
}

// ---------------------------------------------------------------- the catalog

function regionStatus(inv: RegionInventory, extraErrors: SourceError[] = [], extraCalls = 0): InventoryRegionStatus {
  const errors = [...inv.errors, ...extraErrors];
  return { region: inv.region, ok: errors.length === 0, errors, calls: inv.calls + extraCalls, fetchedAt: inv.fetchedAt };
}

/**
 * Every application with its versions and node counts. Region and platform filters are applied by reading only
 * those aggregates; the node view's other filters (tags, ping, patch state, search…) by naming the matching nodes to
 * GetInventory, 40 per call.
 */
export async function softwareCatalog(opts: { view?: NodeView; refresh?: boolean } = {}): Promise<CatalogResponse> {
  const view = opts.view;
  const invs = await regionInventories({ regions: view?.region, refresh: opts.refresh });
  const platformSet = new Set(view?.platform ?? []);
  const keepPlatform = (p: string) => platformSet.size === 0 || platformSet.has(p);
  const snap = await getFleetSnapshot();

  if (!needsNodeScope(view)) {
    const rows = invs.flatMap((inv) => inv.platforms.filter((p) => keepPlatform(p.platform)).flatMap((p) => p.apps.map((a) => ({ ...a, platform: p.platform }))));
    const apps = mergeApps(rows);
    const regionsSet = new Set(invs.map((i) => i.region));
    const fleetRows = snap.nodes.filter((n) => regionsSet.has(scopeKey(n)) && n.managed && keepPlatform(n.platformName ?? ''));
    const os = invs.flatMap((i) => i.os.filter((o) => keepPlatform(o.platform)));
    return {
      generatedAt: new Date().toISOString(),
      apps,
      facets: {
        os: sumRows(os.map((o) => ({ value: `${o.platform} ${o.version}`.trim(), nodes: o.nodes }))),
        kernel: kernelFacet(apps),
        agent: platformSet.size ? countRows(fleetRows.map((n) => n.agentVersion ?? '(none)')) : sumRows(invs.flatMap((i) => i.agents)),
        instanceType: countRows(fleetRows.filter((n) => n.instanceType).map((n) => n.instanceType!)),
      },
      inventoriedNodes: os.reduce((s, o) => s + o.nodes, 0),
      regions: invs.map((i) => regionStatus(i)),
      partial: invs.some((i) => i.errors.length > 0),
      scope: 'fleet',
    };
  }

  const software = view?.sw ? await resolveSoftwareFilter(view.sw) : undefined;
  const nodes = applyView(snap.nodes, view!, Date.parse(snap.generatedAt), { software });
  const calls = new Map<string, number>();
  const scoped = await scopedApps(nodes, (r) => calls.set(r, (calls.get(r) ?? 0) + 1));
  const apps = mergeApps(scoped.rows);
  const managed = nodes.filter((n) => n.managed);
  return {
    generatedAt: new Date().toISOString(),
    apps,
    facets: {
      os: countRows(managed.map((n) => `${n.platformName ?? 'Unknown'} ${n.platformVersion ?? ''}`.trim())),
      kernel: kernelFacet(apps),
      agent: countRows(managed.map((n) => n.agentVersion ?? '(none)')),
      instanceType: countRows(nodes.filter((n) => n.instanceType).map((n) => n.instanceType!)),
    },
    inventoriedNodes: managed.length,
    regions: invs.map((i) => regionStatus(i, scoped.errors.get(i.region), calls.get(i.region) ?? 0)),
    partial: invs.some((i) => i.errors.length > 0) || scoped.errors.size > 0,
    scope: 'filtered',
  };
}
