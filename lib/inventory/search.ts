import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import pLimit from 'p-limit';
import { getInventory, type InventoryFilter } from '@/lib/aws/ssm/get-inventory';
import { listInventoryEntries } from '@/lib/aws/ssm/list-inventory-entries';
import { settle } from '@/lib/aws/settle';
import { createKeyedCache } from '@/lib/cache/keyed-cache';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import type { SourceError } from '@/lib/contracts/node';
import { applyView, type NodeView } from '@/lib/contracts/node-view';
import {
  describeSoftwareQuery,
  type InventoryRegionStatus,
  type SoftwareMatch,
  type SoftwareQuery,
  type SoftwareSearchResponse,
} from '@/lib/contracts/inventory';
import { compareToQuery, compareVersions, familyOf, joinEvr, matchesOp } from '@/lib/contracts/version-order';
import {
  aggregateRows,
  APP_AGGREGATOR,
  appRows,
  inventoryTtlMs,
  needsNodeScope,
  onInventoryReset,
  PLATFORM_FILTER,
  regionInventories,
  regionLimit,
  sourceError,
  type AppVersionRow,
  type RegionInventory,
} from './region-inventory';

/**
 * "Which nodes have openssl older than 3.0.13?", answered in three steps, each as cheap as AWS allows:
 * 1. Versions and counts: the region's cached aggregates if warm, else one GetInventory per platform filtered to the
 *    name (AWS:Application.Name Equal/BeginWith) and aggregated by version.
 * 2. Versions are ordered by the platform's packaging rules here (AWS compares strings), and the matching ones kept.
 * 3. Naming the nodes: one GetInventory per matching (platform, name, version), filtered on Name, Version, Release
 *    and Epoch (50 nodes a page). AWS's documentation does not say whether filters on one type must hold for the
 *    same row; if the nodes named disagree with the aggregate's count, the extra nodes are checked one by one with
 *    ListInventoryEntries (bounded concurrency, cached), and the answer says so.
 */

type Row = AppVersionRow & { platform: string };

const keyOf = (...parts: string[]) => parts.join('\u0000');

// Step 1 when the region's aggregates are cold: versions of the named software only.
const versionCache = createKeyedCache<AppVersionRow[], { region: string; platform: string; name: string; prefix: boolean; onPage: () => void }>({
  ttlMs: inventoryTtlMs,
  maxKeys: 2048,
  load: async (_key, _prev, a) => {
    const entities = await regionLimit(a.region)(() =>
      getInventory(parseScopeKey(a.region), {
        filters: [
          { Key: PLATFORM_FILTER, Values: [a.platform], Type: 'Equal' },
          { Key: 'AWS:Application.Name', Values: [a.name], Type: a.prefix ? 'BeginWith' : 'Equal' },
        ],
        aggregators: [APP_AGGREGATOR],
        onPage: a.onPage,
      }),
    );
    return appRows(aggregateRows(entities, 'AWS:Application'), familyOf(null, a.platform));
  },
});

// Step 3: the nodes with one version.
const nodeCache = createKeyedCache<string[], { region: string; row: Row; onPage: () => void }>({
  ttlMs: inventoryTtlMs,
  maxKeys: 8192,
  load: async (_key, _prev, { region, row, onPage }) => {
    const filters: InventoryFilter[] = [
      { Key: PLATFORM_FILTER, Values: [row.platform], Type: 'Equal' },
      { Key: 'AWS:Application.Name', Values: [row.name], Type: 'Equal' },
      { Key: 'AWS:Application.Version', Values: [row.attrs.version], Type: 'Equal' },
    ];
    if (row.attrs.release) filters.push({ Key: 'AWS:Application.Release', Values: [row.attrs.release], Type: 'Equal' });
    if (row.attrs.epoch) filters.push({ Key: 'AWS:Application.Epoch', Values: [row.attrs.epoch], Type: 'Equal' });
    const entities = await regionLimit(region)(() => getInventory(parseScopeKey(region), { filters, onPage }));
    return [...new Set(entities.map((e) => e.Id).filter((id): id is string => !!id))];
  },
});

// Fan-out, only where step 3 named more nodes than the count: does this node have this exact version?
const verifyLimit = pLimit(Number(process.env.INVENTORY_VERIFY_CONCURRENCY) || 8);
const verifyCache = createKeyedCache<string[], { region: string; nodeId: string; name: string; onPage: () => void }>({
  ttlMs: inventoryTtlMs,
  maxKeys: 50_000,
  load: async (_key, _prev, { region, nodeId, name, onPage }) => {
    const out: string[] = [];
    let next: string | null = null;
    do {
      const page = await verifyLimit(() =>
        listInventoryEntries(parseScopeKey(region), { nodeId, typeName: 'AWS:Application', filters: [{ Key: 'Name', Values: [name], Type: 'Equal' }], nextToken: next }),
      );
      onPage();
      for (const e of page.entries) out.push(joinEvr({ epoch: e.Epoch || null, version: e.Version ?? '', release: e.Release || null }));
      next = page.nextToken;
    } while (next);
    return out;
  },
});

onInventoryReset(() => {
  versionCache.clear();
  nodeCache.clear();
  verifyCache.clear();
});

async function versionRows(inv: RegionInventory, q: SoftwareQuery, keepPlatform: (p: string) => boolean, onPage: () => void): Promise<{ rows: Row[]; errors: SourceError[] }> {
  const name = q.name!;
  const prefix = q.match === 'prefix';
  const lower = name.toLowerCase();
  const nameMatches = (n: string) => (prefix ? n.toLowerCase().startsWith(lower) : n === name);
  const rows: Row[] = [];
  const errors: SourceError[] = [];
  await Promise.all(
    inv.platforms
      .filter((p) => keepPlatform(p.platform))
      .map(async (p) => {
        // The region's aggregates are at hand: no call at all.
        if (p.loaded) {
          for (const a of p.apps) if (nameMatches(a.name)) rows.push({ ...a, platform: p.platform });
          return;
        }
        const key = keyOf(inv.region, p.platform, name, String(prefix));
        const res = await settle(versionCache.get(key, { args: { region: inv.region, platform: p.platform, name, prefix, onPage } }));
        if (!res.ok) {
          errors.push(sourceError('ssm:GetInventory', res.error, `versions of ${name} on ${p.platform}`));
          return;
        }
        for (const a of res.value) if (nameMatches(a.name)) rows.push({ ...a, platform: p.platform });
      }),
  );
  return { rows, errors };
}

export async function searchSoftware(q: SoftwareQuery, opts: { view?: NodeView; refresh?: boolean } = {}): Promise<SoftwareSearchResponse> {
  const view = opts.view;
  const invs = await regionInventories({ regions: view?.region, refresh: opts.refresh, apps: 'cached' });
  const platformSet = new Set(view?.platform ?? []);
  const keepPlatform = (p: string) => platformSet.size === 0 || platformSet.has(p);
  const snap = await getFleetSnapshot();
  const notes: string[] = [];
  let verified = 0;

  const perRegion = await Promise.all(
    invs.map(async (inv) => {
      let calls = 0;
      const onPage = () => void calls++;
      const errors: SourceError[] = [...inv.errors];
      const { rows, errors: vErrors } = await versionRows(inv, q, keepPlatform, onPage);
      errors.push(...vErrors);
      const matched = rows.filter((r) => !q.version || matchesOp(q.version.op, compareToQuery(r.family, r.version, q.version.value)));
      const named = new Map<Row, string[]>();
      await Promise.all(
        matched.map(async (row) => {
          const key = keyOf(inv.region, row.platform, row.name, row.attrs.version, row.attrs.release, row.attrs.epoch);
          const res = await settle(nodeCache.get(key, { args: { region: inv.region, row, onPage } }));
          if (!res.ok) {
            errors.push(sourceError('ssm:GetInventory', res.error, `nodes with ${row.name} ${row.version}`));
            return;
          }
          let ids = res.value;
          if (ids.length > row.nodes) {
            // More nodes than AWS counted: the filters matched across rows. Check each node's own entries.
            const checked = await Promise.all(
              ids.map(async (nodeId) => {
                const vkey = keyOf(inv.region, nodeId, row.name);
                const r = await settle(verifyCache.get(vkey, { args: { region: inv.region, nodeId, name: row.name, onPage } }));
                verified++;
                // A node that could not be checked is kept: better one too many on a CVE list than one missing.
                return r.ok ? (r.value.includes(row.version) ? nodeId : null) : nodeId;
              }),
            );
            ids = checked.filter((x): x is string => x !== null);
            notes.push(`${inv.region}: GetInventory named ${res.value.length} nodes for ${row.name} ${row.version} where its count says ${row.nodes}; ${res.value.length} nodes were checked one by one and ${ids.length} kept.`);
          } else if (ids.length < row.nodes) {
            notes.push(`${inv.region}: AWS counts ${row.nodes} nodes with ${row.name} ${row.version} but named ${ids.length} (inventory changed between the two reads, or AWS counts terminated nodes it no longer lists).`);
          }
          named.set(row, ids);
        }),
      );
      const status: InventoryRegionStatus = { region: inv.region, ok: errors.length === 0, errors, calls: inv.calls + calls, fetchedAt: inv.fetchedAt };
      return { rows, matched: new Set(matched), named, status };
    }),
  );

  // Join with the fleet; then the node view's other filters, if any.
  let allowed: Set<string> | null = null;
  if (view && needsNodeScope(view, ['sw'])) {
    allowed = new Set(applyView(snap.nodes, { ...view, sw: undefined }, Date.parse(snap.generatedAt)).map((n) => n.id));
  }
  const matches: SoftwareMatch[] = [];
  const versions: SoftwareSearchResponse['versions'] = [];
  for (const r of perRegion) {
    for (const row of r.rows) {
      const ids = r.named.get(row) ?? [];
      const kept = allowed ? ids.filter((id) => allowed!.has(id)) : ids;
      versions.push({ version: row.version, family: row.family, nodes: row.nodes, software: row.name, matched: r.matched.has(row), named: kept.length });
      for (const id of kept) {
        const hit = snap.byId.get(id)?.row;
        matches.push({
          nodeId: id,
          region: r.status.region,
          name: hit?.name ?? null,
          ping: hit?.ping ?? null,
          // Inventory names the platform even for a stopped instance, where the fleet has only EC2's "Linux/UNIX".
          platform: row.platform,
          software: row.name,
          version: row.version,
          family: row.family,
          inFleet: !!hit,
        });
      }
    }
  }
  const merged = mergeVersionRows(versions);
  return {
    generatedAt: new Date().toISOString(),
    query: { name: q.name!, match: q.match, version: q.version ?? null, text: describeSoftwareQuery(q) },
    versions: merged,
    matches,
    nodes: new Set(matches.map((m) => m.nodeId)).size,
    regions: perRegion.map((r) => r.status),
    partial: perRegion.some((r) => !r.status.ok),
    notes,
    verified,
  };
}

/** One line per (software, version) across regions and platforms, newest first within each software. */
function mergeVersionRows(rows: SoftwareSearchResponse['versions']): SoftwareSearchResponse['versions'] {
  const m = new Map<string, SoftwareSearchResponse['versions'][number]>();
  for (const r of rows) {
    const key = keyOf(r.software, r.family, r.version);
    const prev = m.get(key);
    if (prev) {
      prev.nodes += r.nodes;
      prev.named += r.named;
      prev.matched ||= r.matched;
    } else m.set(key, { ...r });
  }
  return [...m.values()].sort((a, b) =>
    a.software !== b.software ? (a.software < b.software ? -1 : 1) : a.family !== b.family ? (a.family < b.family ? -1 : 1) : compareVersions(a.family, b.version, a.version),
  );
}
