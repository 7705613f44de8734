/**
 * npm run bench:inventory — the software catalog and a name+version search ("openssl < 3.0.13") at 1,000 and 10,000
 * nodes, cold and warm, against the simulated AWS in its own process with MOCK_AWS_LATENCY_MS (default 50) added to
 * every call. AWS calls and the longest chain of sequential calls are counted by the simulated AWS itself.
 * Baseline, measured in the same run: the naive search, one ListInventoryEntries per node (filtered to the name,
 * 8 at a time), which is what a per-node fan-out costs.
 * The last line is one JSON object with the figures.
 *
 * Env: BENCH_SIZES (default "1000,10000"), BENCH_REGIONS (default "us-east-1"), BENCH_LATENCY_MS (50),
 * BENCH_NAIVE=0 to skip the naive baseline.
 */
import { baseScope } from '../lib/aws/scope';
import pLimit from 'p-limit';
import { startBenchMock, type MockStats as Stats } from './bench/mock-aws';
import { resetClients } from '@/lib/aws/clients';
import { listInventoryEntries } from '@/lib/aws/ssm/list-inventory-entries';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { resetInventoryCaches } from '@/lib/inventory/region-inventory';
import { softwareCatalog } from '@/lib/inventory/catalog';
import { searchSoftware } from '@/lib/inventory/search';
import { compareToQuery, familyOf, joinEvr } from '@/lib/contracts/version-order';
import type { SoftwareQuery } from '@/lib/contracts/inventory';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const regions = (process.env.BENCH_REGIONS ?? 'us-east-1').split(',');
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
const runNaive = process.env.BENCH_NAIVE !== '0';
const QUERY: SoftwareQuery = { name: 'openssl', match: 'exact', version: { op: 'lt', value: '3.0.13' } };

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function measure(size: number, port: number) {
  const mock = await startBenchMock({ size, port, regions, latencyMs, env: { INVENTORY_CACHE_TTL_SECONDS: '3600' } });
  try {
    resetFleetCache();
    resetInventoryCaches();
    const { stats, reset } = mock;
    const snap = await getFleetSnapshot({ refresh: true }); // the fleet is read by the dashboard anyway; not counted below

    // A cold search first (nothing cached), then the cold catalog, then both warm.
    await reset();
    const searchCold = await timed(() => searchSoftware(QUERY));
    const searchColdStats = await stats();
    resetInventoryCaches();
    await reset();
    const catalogCold = await timed(() => softwareCatalog());
    const catalogColdStats = await stats();
    // A search after the catalog is warm: versions come from the catalog, only the nodes are named.
    await reset();
    const searchAfterCatalog = await timed(() => searchSoftware(QUERY));
    const searchAfterCatalogStats = await stats();
    // Both warm: what every later viewer gets for 5 minutes.
    await reset();
    const warmCatalog: number[] = [];
    const warmSearch: number[] = [];
    for (let i = 0; i < 30; i++) warmCatalog.push((await timed(() => softwareCatalog())).ms);
    for (let i = 0; i < 30; i++) warmSearch.push((await timed(() => searchSoftware(QUERY))).ms);
    const warmStats = await stats();

    let naive: { ms: number; stats: Stats; nodes: number } | undefined;
    if (runNaive) {
      resetClients();
      await reset();
      const limit = pLimit(8);
      // Every node that may have inventory (AWS keeps a stopped instance's); never-registered ones have none.
      const managed = snap.nodes.filter((n) => n.ping !== 'NotManaged');
      const t0 = performance.now();
      const hits = await Promise.all(
        managed.map((n) =>
          limit(async () => {
            const family = familyOf(n.platformType, n.platformName);
            const page = await listInventoryEntries(baseScope(n.region), { nodeId: n.id, typeName: 'AWS:Application', filters: [{ Key: 'Name', Values: ['openssl'], Type: 'Equal' }] }).catch(() => null);
            return page?.entries.some((e) => compareToQuery(family, joinEvr({ epoch: e.Epoch || null, version: e.Version ?? '', release: e.Release || null }), '3.0.13') < 0) ?? false;
          }),
        ),
      );
      naive = { ms: performance.now() - t0, stats: await stats(), nodes: hits.filter(Boolean).length };
    }
    return {
      size,
      apps: catalogCold.value.apps.length,
      matches: searchCold.value.nodes,
      searchCold: { ms: searchCold.ms, calls: searchColdStats.total, chain: searchColdStats.chain },
      catalogCold: { ms: catalogCold.ms, calls: catalogColdStats.total, chain: catalogColdStats.chain },
      searchAfterCatalog: { ms: searchAfterCatalog.ms, calls: searchAfterCatalogStats.total },
      warmCatalog: { p50: pct(warmCatalog, 50), p95: pct(warmCatalog, 95) },
      warmSearch: { p50: pct(warmSearch, 50), p95: pct(warmSearch, 95) },
      warmCalls: warmStats.total,
      naive,
    };
  } finally {
    mock.stop();
  }
}

const results = [];
for (const [i, size] of sizes.entries()) {
  const r = await measure(size, 4870 + i);
  results.push(r);
  console.log(`\n${size.toLocaleString('en')} nodes, ${regions.join('+')}, ${latencyMs} ms per call: ${r.apps} applications; ${r.matches} nodes with openssl < 3.0.13`);
  console.log(`  catalog cold        ${round(r.catalogCold.ms)} ms, ${r.catalogCold.calls} calls (longest chain ${r.catalogCold.chain})`);
  console.log(`  search cold         ${round(r.searchCold.ms)} ms, ${r.searchCold.calls} calls (longest chain ${r.searchCold.chain})`);
  console.log(`  search, catalog warm ${round(r.searchAfterCatalog.ms)} ms, ${r.searchAfterCatalog.calls} calls`);
  console.log(`  catalog warm        p50 ${round(r.warmCatalog.p50, 1)} ms, p95 ${round(r.warmCatalog.p95, 1)} ms`);
  console.log(`  search warm         p50 ${round(r.warmSearch.p50, 1)} ms, p95 ${round(r.warmSearch.p95, 1)} ms (${r.warmCalls} AWS calls in 60 warm answers)`);
  if (r.naive) {
    console.log(
      `  naive search (ListInventoryEntries per node, 8 at a time): ${round(r.naive.ms)} ms, ${r.naive.stats.total} calls, ${r.naive.nodes} nodes found` +
        ` → ours: ${round(r.naive.stats.total / Math.max(1, r.searchCold.calls), 1)}x fewer calls, ${round(r.naive.ms / r.searchCold.ms, 1)}x faster cold` +
        (r.naive.nodes === r.matches ? ' (same nodes)' : ` (MISMATCH: ours ${r.matches})`),
    );
  }
}
console.log(JSON.stringify(results.map((r) => ({ ...r, naive: r.naive && { ms: round(r.naive.ms), calls: r.naive.stats.total, nodes: r.naive.nodes } }))));
