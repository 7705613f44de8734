/**
 * npx tsx --conditions=react-server scripts/bench-diagnosis.ts — "why is this node not managed?" for 100 and 1,000
 * nodes that are not Online, against the simulated AWS in its own process with BENCH_LATENCY_MS (default 50) added to
 * every call. AWS calls and the longest chain of sequential calls are counted by the simulated AWS itself.
 *   cold:  every diagnosis cache empty (the fleet snapshot is read first and not counted: the dashboard has it anyway)
 *   warm:  the same nodes again within the cache TTL
 *   node:  one node's diagnosis afterwards (what opening a node page costs)
 *   naive: per node, nothing shared or cached (refresh), 8 nodes at a time: what a per-instance check costs
 * The last line is one JSON object with the figures.
 *
 * Env: BENCH_TARGETS (default "100,1000"), BENCH_NODES (simulated fleet size, default 8000: enough nodes that are not
 * Online), BENCH_REGIONS (default "us-east-1"), BENCH_LATENCY_MS (50), BENCH_NAIVE=0 to skip the naive baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { startBenchMock, type MockStats } from './bench/mock-aws';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { diagnoseRows, DIAGNOSED_PINGS } from '@/lib/diagnosis/fleet';
import { diagnoseNode } from '@/lib/diagnosis/node';
import { groupFleet } from '@/lib/diagnosis/group';
import { resetDiagnosisCaches } from '@/lib/diagnosis/reset';

const targets = (process.env.BENCH_TARGETS ?? '100,1000').split(',').map(Number);
const size = Number(process.env.BENCH_NODES ?? 8000);
const regions = (process.env.BENCH_REGIONS ?? 'us-east-1').split(',');
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
const runNaive = process.env.BENCH_NAIVE !== '0';

const round = (x: number) => Math.round(x);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

// The fleet read records history: into a temporary directory, not the developer's ./.data.
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-diagnosis-'));
process.env.DATA_DIR = dataDir;
const mock = await startBenchMock({ size, port: 4890, regions, latencyMs, env: { DIAGNOSIS_CACHE_TTL_SECONDS: '3600' } });
const results = [];
try {
  resetFleetCache();
  const snap = await getFleetSnapshot({ refresh: true });
  const candidates = snap.nodes.filter((r) => DIAGNOSED_PINGS.has(r.ping));
  console.log(`${size.toLocaleString('en')} simulated nodes in ${regions.join('+')}: ${candidates.length} not Online; ${latencyMs} ms per call`);
  for (const n of targets) {
    if (candidates.length < n) console.warn(`only ${candidates.length} nodes are not Online (raise BENCH_NODES): diagnosing those`);
    const rows = candidates.slice(0, n);
    const vpcs = new Set(rows.map((r) => r.vpcId).filter(Boolean)).size;
    resetDiagnosisCaches();
    await mock.reset();
    const cold = await timed(() => diagnoseRows(snap, rows));
    const coldStats: MockStats = await mock.stats();
    const groups = groupFleet(cold.value.diagnosed, cold.value.failed).groups.length;
    await mock.reset();
    const warm = await timed(() => diagnoseRows(snap, rows));
    const warmStats = await mock.stats();
    const node = await timed(() => diagnoseNode(rows[rows.length - 1].id));
    let naive: { ms: number; calls: number; chain: number } | undefined;
    if (runNaive) {
      await mock.reset();
      const limit = pLimit(8);
      const t = await timed(() => Promise.all(rows.map((r) => limit(() => diagnoseNode(r.id, { refresh: true })))));
      const s = await mock.stats();
      naive = { ms: t.ms, calls: s.total, chain: s.chain };
    }
    const r = {
      nodes: rows.length, vpcs, groups,
      cold: { ms: round(cold.ms), calls: coldStats.total, chain: coldStats.chain, byOperation: coldStats.byOperation },
      warm: { ms: round(warm.ms), calls: warmStats.total },
      node: { ms: round(node.ms), calls: node.value.calls.total },
      naive: naive && { ms: round(naive.ms), calls: naive.calls, chain: naive.chain },
    };
    results.push(r);
    console.log(`\n${r.nodes.toLocaleString('en')} nodes that are not Online, in ${vpcs} VPCs -> ${groups} groups by top cause`);
    console.log(`  cold   ${r.cold.ms} ms, ${r.cold.calls} AWS calls (longest chain ${r.cold.chain})`);
    console.log(`         ${Object.entries(r.cold.byOperation).map(([op, c]) => `${op} ${c}`).join(', ')}`);
    console.log(`  warm   ${r.warm.ms} ms, ${r.warm.calls} AWS calls`);
    console.log(`  one node afterwards: ${r.node.ms} ms, ${r.node.calls} AWS calls`);
    if (r.naive) console.log(`  naive (per node, nothing shared, 8 at a time): ${r.naive.ms} ms, ${r.naive.calls} calls -> ours ${(r.naive.calls / Math.max(1, r.cold.calls)).toFixed(1)}x fewer calls, ${(r.naive.ms / Math.max(1, r.cold.ms)).toFixed(1)}x faster`);
  }
} finally {
  mock.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(results));
