/**
 * npm run bench:fleet — cold fleet build, naive baseline and warm /api/nodes latency against the simulated AWS in its
 * own process with MOCK_AWS_LATENCY_MS (default 50) added to every call. Calls and the longest chain of sequential
 * calls are counted by the simulated AWS itself.
 *
 * Cases: 1,000 and 10,000 nodes in one account (BENCH_SIZES, BENCH_REGIONS), then 100,000 nodes over 3 accounts x 3
 * regions (an accounts file listing the simulated organization's accounts: the dashboard assumes each one's read-only
 * role, as in production; BENCH_MULTI=0 skips it). One case alone:
 *
 *   npm run bench:fleet -- --nodes 100000 --accounts 3 --regions 3
 *
 * (--regions N: the first N of us-east-1, eu-west-1, ap-southeast-2, ...; or a comma list. Missing flags: 1 account,
 * BENCH_REGIONS.)
 *
 * With a current build it also runs `next start`: warm latency over HTTP of what the nodes page loads, server memory,
 * the nodes page in Chromium (time to first rows, a search keystroke to paint, JS heap; scripts/bench/browser.ts), and
 * the time from a restarted server to its first complete /api/nodes answer, served from the fleet saved on disk, next
 * to a restart without it. After each case one JSON line with its figures: the last line is the last case's.
 *
 * The SSM calls of each account and region are paced to the dashboard's share of its request rate (lib/aws/rate-share.ts):
 * the cold build is timed with the default pacing, then again without it (SSM_ACCOUNT_REQUESTS_PER_SECOND=100000) to
 * show what the pacing costs.
 *
 * Env: BENCH_SIZES (default "1000,10000"), BENCH_REGIONS (default "us-east-1": one region, the hardest case and the
 * one ssm-facts' lower bound is stated for), BENCH_LATENCY_MS (50), BENCH_NAIVE=0 to skip the naive run, BENCH_PORT
 * (4800; the simulated AWS of case i listens on BENCH_PORT + i), BENCH_APP_PORT (BENCH_PORT + 99: next start),
 * BENCH_HTTP=0 (no next start), BENCH_BROWSER=0 (no Chromium), BENCH_PROFILE=1 (CPU profiles of the page),
 * BENCH_COLD_RUNS (3).
 */
import path from 'node:path';
import http from 'node:http';
import { performance as nodePerformance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { startGroup, stopGroup, waitForUrl } from './lib/proc';
import { needsBuild, ROOT } from './lib/build-state';
import { resetClients } from '@/lib/aws/clients';
import { rateShareSettings } from '@/lib/aws/rate-share';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import { listInstances } from '@/lib/aws/ec2/describe-instances';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { DEFAULT_VIEW, filterNodes } from '@/lib/contracts/node-view';
import type { NodeRow } from '@/lib/contracts/node';
import { GET as getNodesRoute } from '@/app/api/nodes/route';
import { naiveFleet } from './bench/naive-fleet';
import { startBenchMock, type MockStats as Stats } from './bench/mock-aws';
import { measureNodesPage, type NodesPageFigures } from './bench/browser';

/** Regions in the order --regions N takes them. */
const REGION_ORDER = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1', 'ap-northeast-1', 'ca-central-1', 'sa-east-1'];

interface Case {
  size: number;
  accounts: number;
  regions: string[];
}

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

function regionsOf(spec: string): string[] {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n < 1 || n > REGION_ORDER.length) throw new Error(`--regions: 1 to ${REGION_ORDER.length} (got ${n})`);
    return REGION_ORDER.slice(0, n);
  }
  return spec.split(',').map((r) => r.trim()).filter(Boolean);
}

const envRegions = (process.env.BENCH_REGIONS ?? 'us-east-1').split(',');
function cases(): Case[] {
  const nodes = flag('nodes');
  const accounts = flag('accounts');
  const regions = flag('regions');
  if (nodes !== undefined || accounts !== undefined || regions !== undefined) {
    const c: Case = { size: Number(nodes ?? 10_000), accounts: Number(accounts ?? 1), regions: regions ? regionsOf(regions) : envRegions };
    if (!Number.isInteger(c.size) || c.size < 1 || c.size > 200_000) throw new Error(`--nodes: 1 to 200000 (got ${nodes})`);
    if (!Number.isInteger(c.accounts) || c.accounts < 1 || c.accounts > 20) throw new Error(`--accounts: 1 to 20 (got ${accounts})`);
    return [c];
  }
  const single = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map((s) => ({ size: Number(s), accounts: 1, regions: envRegions }));
  return process.env.BENCH_MULTI === '0' ? single : [...single, { size: 100_000, accounts: 3, regions: regionsOf('3') }];
}

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
const runNaive = process.env.BENCH_NAIVE !== '0';
const coldRuns = Number(process.env.BENCH_COLD_RUNS) || 3;
const bin = (n: string) => path.join(ROOT, 'node_modules', '.bin', n);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** A cold build: fresh clients (so each account's AssumeRole is counted and every rate bucket starts full), no fleet. */
async function coldBuild(reset: () => Promise<unknown>, stats: () => Promise<Stats>) {
  resetClients();
  gc();
  await reset();
  const elu0 = nodePerformance.eventLoopUtilization();
  const t0 = performance.now();
  await getFleetSnapshot({ refresh: true });
  const ms = performance.now() - t0;
  // How busy both processes were: this one (the dashboard's code) and the simulated AWS.
  return { ms, stats: await stats(), busy: nodePerformance.eventLoopUtilization(elu0).utilization };
}

async function measure(c: Case, port: number) {
  const { size, regions } = c;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-fleet-inproc-'));
  process.env.DATA_DIR = dataDir;
  const mock = await startBenchMock({ size, port, regions, latencyMs, accounts: c.accounts });
  const multi = mock.scopes.some((s) => s.account);
  try {
    resetFleetCache();
    const { stats, reset } = mock;

    const ec2Counts = await Promise.all(mock.scopes.map((s) => listInstances(s).then((l) => l.length)));
    await getFleetSnapshot({ refresh: true }); // warm-up: JIT, sockets, TLS-free keep-alive
    const colds: number[] = [];
    let ours: Stats | undefined;
    let busy = 0;
    for (let i = 0; i < coldRuns; i++) {
      const r = await coldBuild(reset, stats);
      colds.push(r.ms);
      ours = r.stats;
      busy = r.busy;
    }
    // What the pacing of SSM calls costs: the same build with a rate no scope reaches.
    const pacedRate = rateShareSettings();
    const savedRate = process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND;
    process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND = '100000';
    const unpaced: number[] = [];
    let unpacedStats: Stats | undefined;
    let unpacedBusy = 0;
    try {
      for (let i = 0; i < Math.max(1, coldRuns - 1); i++) {
        const r = await coldBuild(reset, stats);
        unpaced.push(r.ms);
        unpacedStats = r.stats;
        unpacedBusy = r.busy;
      }
    } finally {
      if (savedRate === undefined) delete process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND;
      else process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND = savedRate;
      resetClients();
    }
    const snap = await getFleetSnapshot();
    gc();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

    // Warm: the route handler serving the cached fleet as the nodes page asks for it (compact, gzip), sequential
    // requests; then the sizes of both forms.
    const bodyOf = async (path: string, accept?: string) => (await getNodesRoute(new Request(`http://bench${path}`, { headers: accept ? { accept } : {} }), undefined)).arrayBuffer();
    const warm: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await bodyOf(PAGE_REQUEST, 'application/gzip');
      warm.push(performance.now() - t0);
    }
    const sizes = {
      compactGzip: (await bodyOf(PAGE_REQUEST, 'application/gzip')).byteLength,
      compactJson: (await bodyOf(PAGE_REQUEST)).byteLength,
      plainGzip: (await bodyOf('/api/nodes', 'application/gzip')).byteLength,
      plainJson: (await bodyOf('/api/nodes')).byteLength,
    };

    // The lower bound from ssm-facts.md, per account and region: N/50 + N/1000 + N/50 + open OpsItems/50 (pages round
    // up); with accounts, one sts:AssumeRole per account. The chain: the longest scope's node listing plus its last
    // DescribeInstancePatchStates (plus the AssumeRole before it).
    const perScope = mock.scopes.map((scope, i) => {
      const region = snap.regions.find((x) => x.account === scope.account && x.region === scope.region)!;
      const managed = region.nodes.filter((n) => n.managed).length;
      const opsItems = new Set([...region.opsItems.values()].flat().map((o) => o.id)).size;
      const ssmCalls = 2 * Math.ceil(managed / 50) + Math.max(1, Math.ceil(opsItems / 50));
      return { scope, managed, calls: ssmCalls + Math.ceil(ec2Counts[i] / 1000), ssmCalls, listing: Math.ceil(managed / 50) };
    });
    const assumeRoles = multi ? new Set(mock.scopes.map((s) => s.account)).size : 0;
    const minCalls = perScope.reduce((a, s) => a + s.calls, 0) + assumeRoles;
    const managedTotal = snap.nodes.filter((n) => n.managed).length;
    const factsChain = Math.max(...perScope.map((s) => s.listing)) + 1 + (multi ? 1 : 0);
    // The pacing's own floor: the busiest scope's SSM calls at the paced rate (its bucket starts with one second's worth).
    const rate = pacedRate.perSecond * pacedRate.share;
    const busiest = perScope.reduce((a, s) => (s.ssmCalls > a.ssmCalls ? s : a));
    const pacingFloorMs = (Math.max(0, busiest.ssmCalls - rate) / rate) * 1000;

    const server = httpBuild ? await measureServer(mock.url, snap.nodes.length, mock.scopes, snap.nodes) : undefined;

    let naive: { ms: number; stats: Stats; error?: string } | undefined;
    if (runNaive) {
      resetClients();
      await reset();
      const t0 = performance.now();
      try {
        await naiveFleet(regions, multi ? mock.accounts.map((a) => ({ roleArn: `arn:aws:iam::${a.id}:role/SsmFleetDashboardReadOnly`, regions })) : undefined);
        naive = { ms: performance.now() - t0, stats: await stats() };
      } catch (err) {
        // Ours is measured: say what stopped the baseline rather than lose the run.
        naive = { ms: performance.now() - t0, stats: await stats(), error: (err as Error).message };
      }
    }
    return {
      c, multi, scopes: mock.scopes, accountNames: mock.accounts.map((a) => a.name), managedTotal, colds, ours: ours!, busy, unpaced, unpacedStats: unpacedStats!, unpacedBusy, pacedRate: rate,
      pacingFloorMs, busiest, minCalls, assumeRoles, factsChain, rssMb, heapMb, warm, sizes, naive, server, nodes: snap.nodes.length,
    };
  } finally {
    mock.stop();
    resetFleetCache();
    resetClients();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the nodes page loads: the whole fleet in its compact form (app/nodes/_components/fleet-query.ts), gzipped. */
const PAGE_REQUEST = '/api/nodes?format=compact';

const httpBuild = existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && !needsBuild() && process.env.BENCH_HTTP !== '0';

/** GET over a raw socket (no client-side decompression), resolving with the body's size when all of it has arrived. */
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

/** BENCH_PORT (default 4800): the simulated AWS of each case listens from there, the dashboard at BENCH_APP_PORT. */
const basePort = Number(process.env.BENCH_PORT) || 4800;
const serverPort = Number(process.env.BENCH_APP_PORT) || basePort + 99;
const startServer = (mockUrl: string, dataDir: string) =>
  startGroup(bin('next'), ['start', '-p', String(serverPort)], {
    cwd: ROOT,
    stdio: 'ignore',
    group: true,
    // ACCOUNTS_FILE (set by startBenchMock for a case with accounts) comes with process.env.
    env: { ...process.env, AWS_ENDPOINT_URL: mockUrl, FLEET_CACHE_TTL_SECONDS: '3600', DEMO_MODE: '1', DATA_DIR: dataDir, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '' },
  });

/**
 * Milliseconds from starting the server until /api/nodes first answers with every node (`nodes`), polling every 20 ms,
 * and whether that answer was the copy saved before the restart. The polls ask for a view that matches no node (a small
 * answer that still says how many nodes the fleet has: a 100 MB body 50 times a second would slow the server it
 * measures); once complete, the whole fleet is fetched as the nodes page does, and that is included.
 */
async function timeToCompleteNodes(mockUrl: string, dataDir: string, nodes: number) {
  const t0 = performance.now();
  const app = startServer(mockUrl, dataDir);
  try {
    for (;;) {
      if (app.exitCode !== null) throw new Error('the server exited');
      try {
        const r = await fetch(`http://127.0.0.1:${serverPort}/api/nodes?q=zzzz-bench-no-such-node-zzzz`);
        if (r.ok) {
          const body = (await r.json()) as { total: number; regions: { restored?: boolean }[] };
          if (body.total === nodes) {
            await getRaw(`http://127.0.0.1:${serverPort}${PAGE_REQUEST}`);
            return { ms: performance.now() - t0, restored: body.regions.some((x) => x.restored) };
          }
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

/**
 * Characters to type into the search box, one at a time: the first letters of a node's name (the median name), each
 * with the row count it leads to and whether that changes the count (only those are timed: the measurement waits for
 * the change).
 */
function searchKeys(nodes: NodeRow[], now: number): { char: string; count: number; timed: boolean }[] {
  const names = nodes.map((n) => n.name).filter((n): n is string => !!n && n.length >= 5).sort();
  const name = names[Math.floor(names.length / 2)] ?? 'web-1';
  const out: { char: string; count: number; timed: boolean }[] = [];
  let before = nodes.length;
  for (let i = 1; i <= 5; i++) {
    const count = filterNodes(nodes, { ...DEFAULT_VIEW, q: name.slice(0, i) }, now).length;
    out.push({ char: name[i - 1], count, timed: count !== before });
    before = count;
  }
  return out;
}

/** The production server (next start) against the same simulated AWS: warm latency over HTTP, its memory, the page. */
async function measureServer(mockUrl: string, nodes: number, scopes: AwsScope[], rows: NodeRow[]) {
  const port = serverPort;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-fleet-'));
  const app = startServer(mockUrl, dataDir);
  try {
    await waitForUrl(`http://127.0.0.1:${port}/api/overview`, 300_000, () => app.exitCode === null);
    const base = `http://127.0.0.1:${port}`;
    const rssOf = () => Math.max(...execFileSync('ps', ['-o', 'rss=', '-g', String(app.pid)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean)) / 1024;
    const timed = async (n: number, url: string, accept?: string) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await getRaw(url, accept);
        times.push(performance.now() - t0);
      }
      return times;
    };
    const rssAfterBuild = rssOf();
    const loadBefore = loadavg()[0];
    // What the nodes page loads: the page (server-rendered shell) and the fleet in its compact form, gzipped. The
    // first request after a refresh makes that form (once per snapshot, then shared by every viewer).
    const [firstMs] = await timed(1, `${base}${PAGE_REQUEST}`);
    await timed(20, `${base}${PAGE_REQUEST}`);
    const times = await timed(300, `${base}${PAGE_REQUEST}`);
    const pageTimes = await timed(50, `${base}/nodes`, 'text/html');
    const rssMb = rssOf();

    let page: (NodesPageFigures & { keys: ReturnType<typeof searchKeys> }) | undefined;
    if (process.env.BENCH_BROWSER !== '0') {
      const keys = searchKeys(rows, Date.now());
      page = { ...(await measureNodesPage(base, keys, { profile: !!process.env.BENCH_PROFILE })), keys };
    }
    const rssAfterBrowser = rssOf();
    const loadAfterBrowser = loadavg()[0];

    // Other readers of /api/nodes (after the figures above: the plain form is built on first request and held too):
    // a client taking the plain form gzipped once per snapshot, and an API consumer asking for plain JSON, which
    // Next.js compresses for every request.
    await getRaw(`${base}/api/nodes`);
    const plainGz = await timed(50, `${base}/api/nodes`);
    const plain = await timed(nodes > 20_000 ? 3 : 30, `${base}/api/nodes`, 'application/json');
    const result = { loadBefore, loadAfterBrowser, firstMs, p50: pct(times, 50), p95: pct(times, 95), pageP50: pct(pageTimes, 50), pageP95: pct(pageTimes, 95), plainGzP95: pct(plainGz, 95), plainP50: pct(plain, 50), rssMb, rssAfterBuild, rssAfterPlain: rssOf() };

    // The fleet is saved once its first read ends: wait for the copy, then restart twice, with it and without it.
    const snapshots = path.join(dataDir, 'snapshots');
    for (let i = 0; i < 600 && !(existsSync(snapshots) && readdirSync(snapshots).filter((f) => f.endsWith('.json')).length === scopes.length); i++) {
      await new Promise((res) => setTimeout(res, 50));
    }
    stopGroup(app);
    await new Promise((res) => app.once('exit', res));
    const restart = await timeToCompleteNodes(mockUrl, dataDir, nodes);
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'bench-fleet-cold-'));
    const coldRestart = await timeToCompleteNodes(mockUrl, emptyDir, nodes);
    rmSync(emptyDir, { recursive: true, force: true });
    return { ...result, rssAfterBrowser, page, restartMs: restart.ms, restartRestored: restart.restored, coldRestartMs: coldRestart.ms };
  } finally {
    stopGroup(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Result = Awaited<ReturnType<typeof measure>>;

const AIMS = { callsOverBound: 0.1, coldVsChain: 1.5, warmP95Ms: 50, rssMb: 1024, firstRowsMs: 3000, keystrokeMs: 150, heapMb: 500 };
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const ms = (x: number | null) => (x === null ? '?' : `${Math.round(x)} ms`);

function keystrokeFigures(page: NodesPageFigures | undefined) {
  const timed = page?.keystrokes.filter((k) => k.ms !== null).map((k) => k.ms!) ?? [];
  return timed.length ? { first: timed[0], p50: pct(timed, 50), max: Math.max(...timed) } : null;
}

function report(r: Result) {
  const { c } = r;
  const coldMs = pct(r.colds, 50);
  const unpacedMs = pct(r.unpaced, 50);
  const line = (label: string, v: string) => console.log(`  ${label.padEnd(36)} ${v}`);
  const where = r.multi ? `${c.accounts} accounts (${r.accountNames.join(', ')}) x ${c.regions.length} regions (${c.regions.join(', ')}): ${r.scopes.length} scopes` : c.regions.join(', ');
  console.log(`\n== ${r.nodes.toLocaleString('en')} nodes (${r.managedTotal.toLocaleString('en')} managed) in ${where}, +${latencyMs} ms per AWS call ==`);
  const over = (r.ours.total - r.minCalls) / r.minCalls;
  line('calls (batched)', `${r.ours.total}  ${JSON.stringify(r.ours.byOperation)}`);
  line('lower bound (ssm-facts)', `${r.minCalls}${r.assumeRoles ? ` (incl. ${r.assumeRoles} sts:AssumeRole)` : ''}  → ${round(over * 100)}% above (aim ≤ 10%: ${verdict(over <= AIMS.callsOverBound)})`);
  line('longest sequential chain', `${r.ours.chain} calls (lower bound: ${r.factsChain} = the longest scope's listing + 1${r.multi ? ' + AssumeRole' : ''}); without pacing ${r.unpacedStats.chain}`);
  const vsChain = coldMs / (r.ours.chain * latencyMs);
  line('cold build (default pacing)', `${Math.round(coldMs)} ms (runs: ${r.colds.map((x) => Math.round(x)).join(', ')}); chain × latency = ${r.ours.chain * latencyMs} ms → ${round(vsChain, 2)}x (aim ≤ 1.5x: ${verdict(vsChain <= AIMS.coldVsChain)}); vs lower-bound chain × latency ${r.factsChain * latencyMs} ms → ${round(coldMs / (r.factsChain * latencyMs), 2)}x`);
  line('cold build without pacing', `${Math.round(unpacedMs)} ms (runs: ${r.unpaced.map((x) => Math.round(x)).join(', ')}; SSM_ACCOUNT_REQUESTS_PER_SECOND=100000) → ${round(unpacedMs / (r.unpacedStats.chain * latencyMs), 2)}x its chain × latency; the pacing costs ${Math.round(coldMs - unpacedMs)} ms`);
  const load = (s: Stats, ms: number, busy: number) => `bench process busy ${Math.round(busy * 100)}%, simulated AWS busy ${s.server ? `${Math.round((s.server.busyMs / ms) * 100)}% (${s.server.busyPerCallMs} ms a call)` : '?'}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`;
  line('  CPU during the cold builds', `paced: ${load(r.ours, coldMs, r.busy)}; unpaced: ${load(r.unpacedStats, unpacedMs, r.unpacedBusy)}`);
  line('  pacing floor', `${r.pacedRate}/s per account and region: the busiest scope (${scopeKey(r.busiest.scope)}, ${r.busiest.ssmCalls} SSM calls at least) needs ≥ ${Math.round(r.pacingFloorMs)} ms`);
  if (r.naive?.error) line('naive', `FAILED after ${Math.round(r.naive.ms)} ms and ${r.naive.stats.total} calls: ${r.naive.error}`);
  else if (r.naive) {
    line('naive calls', `${r.naive.stats.total}  ${JSON.stringify(r.naive.stats.byOperation)}`);
    line('naive chain / cold build', `${r.naive.stats.chain} calls / ${Math.round(r.naive.ms)} ms → ours is ${round(r.naive.ms / coldMs, 1)}x faster, ${round(r.naive.stats.total / r.ours.total, 1)}x fewer calls`);
  }
  const mib = (b: number) => `${round(b / 2 ** 20, 2)} MiB`;
  line('warm /api/nodes (route handler)', `p50 ${round(pct(r.warm, 50), 2)} ms, p95 ${round(pct(r.warm, 95), 2)} ms, p99 ${round(pct(r.warm, 99), 2)} ms (${PAGE_REQUEST}, gzip)`);
  line('  body sizes', `compact ${mib(r.sizes.compactGzip)} gzip / ${mib(r.sizes.compactJson)} JSON (what the page loads); plain ${mib(r.sizes.plainGzip)} gzip / ${mib(r.sizes.plainJson)} JSON`);
  line('memory (bench process, after GC)', `rss ${Math.round(r.rssMb)} MB, heap used ${Math.round(r.heapMb)} MB`);
  const s = r.server;
  if (s) {
    line('next start: warm GET /api/nodes', `p50 ${round(s.p50, 2)} ms, p95 ${round(s.p95, 2)} ms over HTTP (the nodes page's request, ${PAGE_REQUEST}; aim p95 < 50 ms: ${verdict(s.p95 < AIMS.warmP95Ms)}); the plain form gzipped: p95 ${round(s.plainGzP95, 2)} ms`);
    line('  first request after a refresh', `${Math.round(s.firstMs)} ms (makes the compact form of the new snapshot, once for every viewer)`);
    line('next start: warm GET /nodes (HTML)', `p50 ${round(s.pageP50, 2)} ms, p95 ${round(s.pageP95, 2)} ms`);
    line('next start: server rss', `${Math.round(s.rssMb)} MB (${Math.round(s.rssAfterBuild)} MB after the cold build, ${Math.round(s.rssAfterBrowser)} MB after the browser; aim < 1 GB: ${verdict(Math.max(s.rssMb, s.rssAfterBrowser) < AIMS.rssMb)})`);
    line('  plain JSON API consumer', `p50 ${round(s.plainP50, 1)} ms (Next.js gzips the body per request); server rss once the plain form is held too ${Math.round(s.rssAfterPlain)} MB`);
    const p = s.page;
    if (p) {
      const k = keystrokeFigures(p);
      line('Chromium: first rows', `${Math.round(p.firstRowsMs)} ms from navigation (aim < 3 s: ${verdict(p.firstRowsMs < AIMS.firstRowsMs)}); DOMContentLoaded ${ms(p.domContentLoadedMs)}, /api/nodes asked at ${ms(p.apiStartMs)}, done at ${ms(p.apiResponseEndMs)} (${p.apiTransferBytes === null ? '?' : round(p.apiTransferBytes / 2 ** 20, 2)} MiB); long tasks while loading ${Math.round(p.longTasksLoadingMs)} ms, longest ${Math.round(p.longestTaskLoadingMs)} ms`);
      line('  in the page: fetch+unzip / parse', `(compact form) ${Math.round(p.parse.fetchMs)} ms / ${Math.round(p.parse.parseMs)} ms for ${round(p.parse.chars / 2 ** 20, 1)} M chars`);
      line('Chromium: keystroke to paint', `${k ? `first ${Math.round(k.first)} ms, p50 ${Math.round(k.p50)} ms, max ${Math.round(k.max)} ms (aim < 150 ms: ${verdict(k.max < AIMS.keystrokeMs)})` : 'not measured'}; typing "${p.keys.map((x) => x.char).join('')}": ${p.keystrokes.map((x, i) => `"${x.char}" → ${!p.keys[i]?.timed ? `not timed (no change expected: ${p.keys[i]?.count.toLocaleString('en')})` : x.ms === null ? `no change seen in 10 s (expected ${p.keys[i]?.count.toLocaleString('en')})` : `${Math.round(x.ms)} ms (DOM ${Math.round(x.domMs!)}), ${x.count} (expected ${p.keys[i]?.count.toLocaleString('en')})`}`).join('; ')}`);
      line('Chromium: JS heap', `${p.heapMb} MB loaded (aim < 500 MB: ${verdict(p.heapMb < AIMS.heapMb)}), ${p.heapAfterTypingMb} MB after typing, ${p.heapAfterGcMb} MB after GC`);
    }
    line('  machine load', `load average ${s.loadBefore.toFixed(1)} before the HTTP measurements, ${s.loadAfterBrowser.toFixed(1)} after the browser (${cpus().length} CPUs)`);
    line('restart → first complete /api/nodes', `${Math.round(s.restartMs)} ms with the saved fleet${s.restartRestored ? ' (served restored, refreshing)' : ' (NOT from the saved copy)'}; ${Math.round(s.coldRestartMs)} ms without it (start + full read) → ${round(s.coldRestartMs / s.restartMs, 1)}x sooner`);
  } else line('next start', 'not measured (no current build: run `npm run build` first)');
}

function json(r: Result) {
  const coldMs = pct(r.colds, 50);
  const unpacedMs = pct(r.unpaced, 50);
  const p = r.server?.page;
  const k = keystrokeFigures(p);
  return {
    nodes: r.nodes,
    managedNodes: r.managedTotal,
    regions: r.c.regions.length,
    latencyMs,
    calls: r.ours.total,
    callsByOperation: r.ours.byOperation,
    minCalls: r.minCalls,
    naiveCalls: r.naive && !r.naive.error ? r.naive.stats.total : null,
    chain: r.ours.chain,
    naiveChain: r.naive && !r.naive.error ? r.naive.stats.chain : null,
    coldMs: Math.round(coldMs),
    coldVsChainLatency: round(coldMs / (r.ours.chain * latencyMs), 2),
    naiveColdMs: r.naive && !r.naive.error ? Math.round(r.naive.ms) : null,
    warmP50Ms: round(r.server?.p50 ?? pct(r.warm, 50), 2),
    warmP95Ms: round(r.server?.p95 ?? pct(r.warm, 95), 2),
    warmSource: r.server ? 'next start over HTTP' : 'route handler in-process',
    rssMb: Math.round(r.server ? Math.max(r.server.rssMb, r.server.rssAfterBrowser) : r.rssMb),
    rssSource: r.server ? 'next-server process' : 'bench process after GC',
    restartToNodesMs: r.server ? Math.round(r.server.restartMs) : null,
    coldRestartToNodesMs: r.server ? Math.round(r.server.coldRestartMs) : null,
    accounts: r.c.accounts,
    firstRowsMs: p ? Math.round(p.firstRowsMs) : null,
    keystrokeMs: k ? Math.round(k.max) : null,
    heapMb: p ? Math.round(p.heapMb) : null,
    // Beyond the aims' figures: what explains them.
    chainLowerBound: r.factsChain,
    coldUnpacedMs: Math.round(unpacedMs),
    pacingCostMs: Math.round(coldMs - unpacedMs),
    keystrokeP50Ms: k ? Math.round(k.p50) : null,
    gzipBytes: r.sizes.compactGzip,
    jsonBytes: r.sizes.compactJson,
    plainGzipBytes: r.sizes.plainGzip,
    plainJsonBytes: r.sizes.plainJson,
    rssWithPlainMb: r.server ? Math.round(r.server.rssAfterPlain) : null,
    firstRequestAfterRefreshMs: r.server ? Math.round(r.server.firstMs) : null,
  };
}

async function main() {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const all = cases();
  console.log(`bench:fleet — cases ${all.map((c) => `${c.size} nodes/${c.accounts} account(s)/${c.regions.join('+')}`).join(', ')}; latency ${latencyMs} ms; naive ${runNaive ? 'on' : 'off'}; build ${existsSync(buildId) ? readFileSync(buildId, 'utf8') : 'none'}${httpBuild ? '' : ' (not current: no next start)'}`);
  for (const [i, c] of all.entries()) {
    const r = await measure(c, basePort + i);
    report(r);
    console.log(JSON.stringify(json(r)));
  }
  process.exit(0);
}

void main();
