/**
 * npm run bench:ops-items — the OpsItems list at scale: a fleet whose regions hold BENCH_OPS_ITEMS extra open
 * OpsItems (default 10,000, created through CreateOpsItem before measuring, two in five then set InProgress), against the simulated AWS in its own
 * process with MOCK_AWS_LATENCY_MS (default 50) added to every call. AWS calls and the longest chain of sequential
 * calls are counted by the simulated AWS itself.
 * Measured: the default view (open and in progress) cold and warm, a selective view (severity 1, Security) with the
 * filters applied by DescribeOpsItems, and the baseline measured in the same run: reading every OpsItem and filtering
 * here, which is what a list without server-side filters costs. Then one OpsItem's page (GetOpsItem + related items).
 * The last line is one JSON object with the figures.
 *
 * Env: BENCH_NODES (default 10000), BENCH_OPS_ITEMS (10000), BENCH_REGIONS ("us-east-1,eu-west-1,ap-southeast-2"),
 * BENCH_LATENCY_MS (50).
 */
import { baseScope } from '../lib/aws/scope';
import pLimit from 'p-limit';
import { startBenchMock, type MockStats as Stats } from './bench/mock-aws';
import { createOpsItem } from '@/lib/aws/ssm/create-ops-item';
import { listOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { updateOpsItem } from '@/lib/aws/ssm/update-ops-item';
import { parseOpsItemsView } from '@/lib/contracts/ops-items';
import { getOpsItemDetail } from '@/lib/ops-items/detail';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { listOpsItemsView } from '@/lib/ops-items/list';

const nodes = Number(process.env.BENCH_NODES ?? 10_000);
const extra = Number(process.env.BENCH_OPS_ITEMS ?? 10_000);
const regions = (process.env.BENCH_REGIONS ?? 'us-east-1,eu-west-1,ap-southeast-2').split(',');
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);

const round = (x: number) => Math.round(x);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const view = (q: string) => parseOpsItemsView(new URLSearchParams(q)).data!;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function main() {
  const mock = await startBenchMock({ size: nodes, port: 4790, regions, latencyMs: 0 });
  try {
    // Seed: many open OpsItems, spread over regions, severities and categories (no latency while seeding).
    const limit = pLimit(32);
    const categories = ['Availability', 'Cost', 'Performance', 'Recovery', 'Security'];
    await Promise.all(
      Array.from({ length: extra }, (_, i) => limit(async () => {
        const region = regions[i % regions.length];
        const { id } = await createOpsItem({ ...baseScope(region), actor: "bench" }, {
          Title: `Bench OpsItem ${i}`, Description: 'seeded for the benchmark', Source: 'bench', Severity: String(1 + (i % 4)),
          Priority: 1 + (i % 5), Category: categories[i % categories.length],
        });
        // Two in five are being worked on, as in a busy OpsCenter.
        if (i % 5 < 2) await updateOpsItem({ ...baseScope(region), actor: "bench" }, { OpsItemId: id, Status: 'InProgress' });
      })),
    );
    await fetch(`${mock.url}/__mock/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });

    const measure = async (what: () => Promise<number>) => {
      await mock.reset();
      const { ms, value } = await timed(what);
      const s: Stats = await mock.stats();
      return { items: value, ms: round(ms), calls: s.total, chain: s.chain };
    };
    const open = view('');
    const cold = await measure(async () => (await listOpsItemsView(open, { refresh: true })).items.length);
    const warm: number[] = [];
    for (let i = 0; i < 50; i++) warm.push((await timed(() => listOpsItemsView(open))).ms);
    const selective = await measure(async () => (await listOpsItemsView(view('severity=1&category=Security'), { refresh: true })).items.length);
    const naive = await measure(async () => {
      const all = (await Promise.all(regions.map((r) => listOpsItems(baseScope(r), [])))).flat();
      return all.filter((i) => i.Severity === '1' && i.Category === 'Security' && (i.Status === 'Open' || i.Status === 'InProgress')).length;
    });
    await getFleetSnapshot(); // the page shows related nodes from the cached fleet, which a running dashboard has
    const one = (await listOpsItemsView(open)).items.find((i) => i.nodeIds.length) ?? (await listOpsItemsView(open)).items[0];
    const detail = await measure(async () => (await getOpsItemDetail(one.id)).related.length);

    const rows: [string, { items: number; ms: number; calls: number; chain: number }][] = [
      ['open + in progress, cold', cold], ['severity 1 + Security, filtered by AWS', selective], ['same, naive (read all, filter here)', naive], ['one OpsItem page', detail],
    ];
    console.log(`\nOpsItems list: ${nodes} nodes, ${extra} extra open OpsItems in ${regions.length} regions, ${latencyMs} ms per call`);
    console.log('case'.padEnd(44) + 'items'.padStart(8) + 'calls'.padStart(8) + 'chain'.padStart(8) + 'ms'.padStart(9));
    for (const [name, r] of rows) console.log(name.padEnd(44) + String(r.items).padStart(8) + String(r.calls).padStart(8) + String(r.chain).padStart(8) + String(r.ms).padStart(9));
    console.log(`warm list p50 ${pct(warm, 50).toFixed(2)} ms, p95 ${pct(warm, 95).toFixed(2)} ms (cached; the browser sorts and filters text)`);
    console.log(`selective view vs naive: ${(naive.calls / Math.max(1, selective.calls)).toFixed(1)}x fewer calls, ${(naive.ms / Math.max(1, selective.ms)).toFixed(1)}x faster`);
    console.log(JSON.stringify({
      nodes, extraOpsItems: extra, regions: regions.length, latencyMs, cold, warmP50Ms: +pct(warm, 50).toFixed(2), warmP95Ms: +pct(warm, 95).toFixed(2), selective, naive, detail,
    }));
  } finally {
    mock.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
