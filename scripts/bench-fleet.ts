/**
 * npm run bench:fleet — cold fleet build, naive baseline and warm /api/nodes latency at 1,000 and 10,000 nodes,
 * against the simulated AWS in its own process with MOCK_AWS_LATENCY_MS (default 50) added to every call.
 * Calls and the longest chain of sequential calls are counted by the simulated AWS itself.
 * With a current build it also runs `next start`: warm latency over HTTP, server memory, and the time from a restarted
 * server to its first complete /api/nodes answer, served from the fleet saved on disk, next to a restart without it.
 * The last line is one JSON object with the 10,000-node figures.
 *
 * Env: BENCH_SIZES (default "1000,10000"), BENCH_REGIONS (default "us-east-1": one region, the hardest case and the
 * one ssm-facts' lower bound is stated for), BENCH_LATENCY_MS (50), BENCH_NAIVE=0 to skip the naive run, BENCH_PORT (4800).
 */
import { baseScope } from '../lib/aws/scope';
import path from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startGroup, stopGroup, waitForUrl } from './lib/proc';
import { needsBuild, ROOT } from './lib/build-state';
import { resetClients } from '@/lib/aws/clients';
import { listInstances } from '@/lib/aws/ec2/describe-instances';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { GET as getNodesRoute } from '@/app/api/nodes/route';
import { naiveFleet } from './bench/naive-fleet';
import { startBenchMock, type MockStats as Stats } from './bench/mock-aws';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const regions = (process.env.BENCH_REGIONS ?? 'us-east-1').split(',');
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
const runNaive = process.env.BENCH_NAIVE !== '0';
const bin = (n: string) => path.join(ROOT, 'node_modules', '.bin', n);


const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function measure(size: number, port: number) {
  const mock = await startBenchMock({ size, port, regions, latencyMs });
  const mockUrl = mock.url;
  try {
    resetFleetCache();
    const { stats, reset } = mock;

    const ec2Counts = await Promise.all(regions.map((r) => listInstances(baseScope(r)).then((l) => l.length)));
    await getFleetSnapshot({ refresh: true }); // warm-up: JIT, sockets, TLS-free keep-alive
    const colds: number[] = [];
    let ours: Stats | undefined;
    for (let i = 0; i < 3; i++) {
      await reset();
      const t0 = performance.now();
      await getFleetSnapshot({ refresh: true });
      colds.push(performance.now() - t0);
      ours = await stats();
    }
    const snap = await getFleetSnapshot();
    (globalThis as { gc?: () => void }).gc?.();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

    // Warm: the route handler serving the cached fleet (gzip, as browsers ask), sequential requests.
    const warm: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await getNodesRoute(new Request('http://bench/api/nodes', { headers: { accept: 'application/gzip' } }), undefined);
      await res.arrayBuffer();
      warm.push(performance.now() - t0);
    }
    const gzBytes = (await (await getNodesRoute(new Request('http://bench/api/nodes', { headers: { accept: 'application/gzip' } }), undefined)).arrayBuffer()).byteLength;

    // The lower bound from ssm-facts.md, per region: N/50 + N/1000 + N/50 + open OpsItems/50 (pages round up).
    let minCalls = 0;
    regions.forEach((r, i) => {
      const region = snap.regions.find((x) => x.region === r)!;
      const managed = region.nodes.filter((n) => n.managed).length;
      const opsItems = new Set([...region.opsItems.values()].flat().map((o) => o.id)).size;
      minCalls += 2 * Math.ceil(managed / 50) + Math.ceil(ec2Counts[i] / 1000) + Math.max(1, Math.ceil(opsItems / 50));
    });
    const managedTotal = snap.nodes.filter((n) => n.managed).length;
    const factsChain = Math.max(...regions.map((r) => Math.ceil(snap.regions.find((x) => x.region === r)!.nodes.filter((n) => n.managed).length / 50))) + 1;

    const server = httpBuild ? await measureServer(mockUrl, snap.nodes.length) : undefined;

    let naive: { ms: number; stats: Stats } | undefined;
    if (runNaive) {
      resetClients();
      await reset();
      const t0 = performance.now();
      await naiveFleet(regions);
      naive = { ms: performance.now() - t0, stats: await stats() };
    }
    return { size, managedTotal, colds, ours: ours!, minCalls, factsChain, rssMb, heapMb, warm, gzBytes, naive, server };
  } finally {
    mock.stop();
  }
}

const httpBuild = existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && !needsBuild() && process.env.BENCH_HTTP !== '0';

/** GET over a raw socket (no client-side decompression), resolving when the whole body has arrived. */
function getRaw(url: string, accept = 'application/gzip, application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { accept, 'accept-encoding': 'gzip, deflate, br' }, agent: keepAlive }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`HTTP ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** BENCH_PORT (default 4800): the simulated AWS of each size listens from there, the dashboard at BENCH_PORT + 99. */
const basePort = Number(process.env.BENCH_PORT) || 4800;
const serverPort = basePort + 99;
const startServer = (mockUrl: string, dataDir: string) =>
  startGroup(bin('next'), ['start', '-p', String(serverPort)], {
    cwd: ROOT,
    stdio: 'ignore',
    group: true,
    env: { ...process.env, AWS_ENDPOINT_URL: mockUrl, FLEET_CACHE_TTL_SECONDS: '3600', DEMO_MODE: '1', DATA_DIR: dataDir, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '' },
  });

/**
 * Milliseconds from starting the server until /api/nodes first answers with every node (`nodes`), polling every 20 ms;
 * and whether that answer was the copy saved before the restart.
 */
async function timeToCompleteNodes(mockUrl: string, dataDir: string, nodes: number) {
  const t0 = performance.now();
  const app = startServer(mockUrl, dataDir);
  try {
    for (;;) {
      if (app.exitCode !== null) throw new Error('the server exited');
      try {
        const r = await fetch(`http://127.0.0.1:${serverPort}/api/nodes`);
        if (r.ok) {
          const body = (await r.json()) as { nodes: unknown[]; regions: { restored?: boolean }[] };
          if (body.nodes.length === nodes) return { ms: performance.now() - t0, restored: body.regions.some((x) => x.restored) };
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((res) => setTimeout(res, 20));
    }
  } finally {
    stopGroup(app);
    await new Promise((res) => app.once('exit', res));
  }
}

/** The production server (next start) against the same simulated AWS: warm latency over HTTP and its memory. */
async function measureServer(mockUrl: string, nodes: number) {
  const port = serverPort;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-fleet-'));
  const app = startServer(mockUrl, dataDir);
  try {
    await waitForUrl(`http://127.0.0.1:${port}/api/overview`, 180_000, () => app.exitCode === null);
    const url = `http://127.0.0.1:${port}/api/nodes`;
    const rssOf = () => Math.max(...execFileSync('ps', ['-o', 'rss=', '-g', String(app.pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean)) / 1024;
    const rssAfterBuild = rssOf();
    for (let i = 0; i < 20; i++) await getRaw(url);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await getRaw(url);
      times.push(performance.now() - t0);
    }
    const rssMb = rssOf();
    // An API consumer asking for plain JSON: Next.js compresses the 10 MB body for every request.
    const plain: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await getRaw(url, 'application/json');
      plain.push(performance.now() - t0);
    }
    const result = { p50: pct(times, 50), p95: pct(times, 95), plainP50: pct(plain, 50), rssMb, rssAfterBuild, rssAfterPlain: rssOf() };
    // The fleet is saved once its first read ends: wait for the copy, then restart twice, with it and without it.
    const snapshots = path.join(dataDir, 'snapshots');
    for (let i = 0; i < 200 && !(existsSync(snapshots) && readdirSync(snapshots).filter((f) => f.endsWith('.json')).length === regions.length); i++) {
      await new Promise((res) => setTimeout(res, 50));
    }
    stopGroup(app);
    await new Promise((res) => app.once('exit', res));
    const restart = await timeToCompleteNodes(mockUrl, dataDir, nodes);
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'bench-fleet-cold-'));
    const coldRestart = await timeToCompleteNodes(mockUrl, emptyDir, nodes);
    rmSync(emptyDir, { recursive: true, force: true });
    return { ...result, restartMs: restart.ms, restartRestored: restart.restored, coldRestartMs: coldRestart.ms };
  } finally {
    stopGroup(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: Awaited<ReturnType<typeof measure>>) {
  const coldMs = pct(r.colds, 50);
  const line = (label: string, v: string) => console.log(`  ${label.padEnd(34)} ${v}`);
  console.log(`\n== ${r.size.toLocaleString()} nodes (${r.managedTotal.toLocaleString()} managed) in ${regions.join(', ')}, +${latencyMs} ms per AWS call ==`);
  line('calls (batched)', `${r.ours.total}  ${JSON.stringify(r.ours.byOperation)}`);
  line('lower bound (ssm-facts)', `${r.minCalls}  → ${round(((r.ours.total - r.minCalls) / r.minCalls) * 100)}% above`);
  line('longest sequential chain', `${r.ours.chain} calls (facts: ~${r.factsChain} when pipelined)`);
  line('cold build', `${Math.round(coldMs)} ms (runs: ${r.colds.map((x) => Math.round(x)).join(', ')}); chain × latency = ${r.ours.chain * latencyMs} ms → ${round(coldMs / (r.ours.chain * latencyMs), 2)}x`);
  if (r.naive) {
    line('naive calls', `${r.naive.stats.total}  ${JSON.stringify(r.naive.stats.byOperation)}`);
    line('naive chain / cold build', `${r.naive.stats.chain} calls / ${Math.round(r.naive.ms)} ms → ours is ${round(r.naive.ms / coldMs, 1)}x faster, ${round(r.naive.stats.total / r.ours.total, 1)}x fewer calls`);
  }
  line('warm /api/nodes (route handler)', `p50 ${round(pct(r.warm, 50), 2)} ms, p95 ${round(pct(r.warm, 95), 2)} ms, p99 ${round(pct(r.warm, 99), 2)} ms; body ${round(r.gzBytes / 1024)} KiB gzip`);
  line('memory (bench process, after GC)', `rss ${Math.round(r.rssMb)} MB, heap used ${Math.round(r.heapMb)} MB`);
  if (r.server) {
    line('next start: warm GET /api/nodes', `p50 ${round(r.server.p50, 2)} ms, p95 ${round(r.server.p95, 2)} ms over HTTP (the dashboard's request); server rss ${Math.round(r.server.rssMb)} MB (${Math.round(r.server.rssAfterBuild)} MB after the cold build)`);
    line('  same, plain JSON API consumer', `p50 ${round(r.server.plainP50, 1)} ms (Next.js gzips the body per request); server rss then ${Math.round(r.server.rssAfterPlain)} MB`);
    line('restart → first complete /api/nodes', `${Math.round(r.server.restartMs)} ms with the saved fleet${r.server.restartRestored ? ' (served restored, refreshing)' : ' (NOT from the saved copy)'}; ${Math.round(r.server.coldRestartMs)} ms without it (start + full read) → ${round(r.server.coldRestartMs / r.server.restartMs, 1)}x sooner`);
  }
  else line('next start', 'not measured (no current build: run `npm run build` first)');
}

async function main() {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  console.log(`bench:fleet — sizes ${sizes.join(', ')}; regions ${regions.join(', ')}; latency ${latencyMs} ms; naive ${runNaive ? 'on' : 'off'}; build ${existsSync(buildId) ? readFileSync(buildId, 'utf8') : 'none'}`);
  let last: Awaited<ReturnType<typeof measure>> | undefined;
  for (const [i, size] of sizes.entries()) {
    last = await measure(size, basePort + i);
    report(last);
  }
  if (!last) return;
  const coldMs = pct(last.colds, 50);
  console.log(
    JSON.stringify({
      nodes: last.size,
      managedNodes: last.managedTotal,
      regions: regions.length,
      latencyMs,
      calls: last.ours.total,
      callsByOperation: last.ours.byOperation,
      minCalls: last.minCalls,
      naiveCalls: last.naive?.stats.total ?? null,
      chain: last.ours.chain,
      naiveChain: last.naive?.stats.chain ?? null,
      coldMs: Math.round(coldMs),
      coldVsChainLatency: round(coldMs / (last.ours.chain * latencyMs), 2),
      naiveColdMs: last.naive ? Math.round(last.naive.ms) : null,
      warmP50Ms: round(last.server?.p50 ?? pct(last.warm, 50), 2),
      warmP95Ms: round(last.server?.p95 ?? pct(last.warm, 95), 2),
      warmSource: last.server ? 'next start over HTTP' : 'route handler in-process',
      rssMb: Math.round(last.server?.rssMb ?? last.rssMb),
      rssSource: last.server ? 'next-server process' : 'bench process after GC',
      restartToNodesMs: last.server ? Math.round(last.server.restartMs) : null,
      coldRestartToNodesMs: last.server ? Math.round(last.server.coldRestartMs) : null,
    }),
  );
  process.exit(0);
}

void main();
