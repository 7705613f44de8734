/**
 * Part 2 of bench:run: a 10,000-node AWS-RunShellScript run by tag across three regions, watched by 10 viewers: nine
 * poll the API as the run page does (with the cursor of their last answer), the tenth is the run page itself in
 * Chromium. The dashboard is the production build (next start) against the simulated AWS in its own process.
 * Measures AWS calls while it runs, and in Chromium the time to first render and the longest main-thread task while
 * the page updates. Baselines from the same run: every viewer reading every command's invocations on every poll, and
 * the full answer (every node) against the answers the page really gets (the nodes that changed).
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { startGroup, stopGroup, waitForUrl } from '../lib/proc';
import { ROOT } from '../lib/build-state';

type Stats = { total: number; byOperation: Record<string, number> };
const bin = (n: string) => path.join(ROOT, 'node_modules', '.bin', n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Long tasks (> 50 ms) as the browser reports them, from before the page's own scripts run. */
const OBSERVE = `window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

async function startRun(app: string, nodes: number) {
  const body = {
    document: 'AWS-RunShellScript', parameters: { commands: ['uptime', 'df -h /'] }, targets: { mode: 'tags', tags: [{ key: 'Environment', values: ['dev', 'staging', 'prod'] }] },
    maxConcurrency: '20%', maxErrors: '100%', timeoutSeconds: 60, comment: `bench ${nodes} nodes`,
  };
  const headers = { 'content-type': 'application/json', origin: app };
  const p = await (await fetch(`${app}/api/runs/preview`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
  if (!p.previewToken) throw new Error(`preview failed: ${JSON.stringify(p).slice(0, 300)}`);
  const res = await fetch(`${app}/api/runs`, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${Date.now()}-big-run` }, body: JSON.stringify({ ...body, previewToken: p.previewToken, confirmation: p.confirmationPhrase ?? undefined }) });
  const r = await res.json();
  if (!r.runId) throw new Error(`run refused: ${JSON.stringify(r)}`);
  return { runId: r.runId as string, included: p.included as number, commands: p.commands.length as number, regions: p.byRegion as { region: string; commands: number; nodes: number }[] };
}

async function pollers(app: string, id: string, n: number, pollMs: number, isDone: () => boolean) {
  let polls = 0;
  let bytes = 0;
  let changed = 0;
  const one = async (offset: number) => {
    await sleep(offset);
    let cursor = '';
    while (!isDone()) {
      const text = await (await fetch(`${app}/api/runs/${id}${cursor ? `?cursor=${cursor}` : ''}`)).text();
      const d = JSON.parse(text) as { cursor: string; nodes: unknown[] };
      polls++;
      bytes += text.length;
      changed += d.nodes.length;
      cursor = d.cursor;
      await sleep(pollMs);
    }
  };
  await Promise.all(Array.from({ length: n }, (_, i) => one((i * pollMs) / n)));
  return { polls, bytes, changed };
}

async function watchPage(page: Page, app: string, id: string) {
  await page.addInitScript(OBSERVE);
  const t0 = Date.now();
  await page.goto(`${app}/runs/${id}`);
  await page.locator('[data-testid=run-node]').first().waitFor({ timeout: 120_000 });
  const firstRenderMs = Date.now() - t0;
  // Loading ends when the first complete read of the run is on the page (a big run's first answer is partial).
  await page.getByTestId('run-read-state').filter({ hasNotText: 'Reading the run' }).waitFor({ timeout: 120_000 });
  const completeMs = Date.now() - t0;
  const loadedAt = (await page.evaluate('performance.now()')) as number;
  return { firstRenderMs, completeMs, loadedAt };
}

/**
 * Parse cost in the page of the full answer (every node) against the answer a viewer with a current cursor gets.
 * A string, not a function: the bundler would add helpers to a function that the page does not have.
 */
async function parseCosts(page: Page, id: string) {
  return page.evaluate(`(async () => {
    const full = await (await fetch('/api/runs/${id}')).text();
    const delta = await (await fetch('/api/runs/${id}?cursor=' + JSON.parse(full).cursor)).text();
    const time = (t) => { const s = performance.now(); for (let i = 0; i < 5; i++) JSON.parse(t); return (performance.now() - s) / 5; };
    return { fullBytes: full.length, fullParseMs: time(full), deltaBytes: delta.length, deltaParseMs: time(delta) };
  })()`) as Promise<{ fullBytes: number; fullParseMs: number; deltaBytes: number; deltaParseMs: number }>;
}

/** BENCH_PROFILE=1: a CPU profile of the page while it loads and updates, its functions with the most self time. */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<number, number>();
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const byName = new Map<string, number>();
      for (const n of profile.nodes) {
        const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        byName.set(k, (byName.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000);
      }
      const top = [...byName].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log('  profile (self ms, build with --no-mangling for names):', top.map(([k, v]) => `\n    ${Math.round(v)} ${k}`).join(''));
    },
  };
}

export async function runPageBench(opts: { nodes: number; speed: number; viewers: number; pollMs: number; port: number; appPort: number }) {
  const mockUrl = `http://127.0.0.1:${opts.port}`;
  const app = `http://127.0.0.1:${opts.appPort}`;
  const regions = 'us-east-1,eu-west-1,ap-southeast-2';
  const mock = startGroup(bin('tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT, stdio: 'ignore', group: true,
    env: { ...process.env, MOCK_AWS_PORT: String(opts.port), DEMO_NODES: String(opts.nodes), AWS_REGIONS: regions, MOCK_AWS_TIME_SPEED: String(opts.speed), MOCK_AWS_LATENCY_MS: '10' },
  });
  const env = {
    ...process.env, PORT: String(opts.appPort), AWS_ENDPOINT_URL: mockUrl, AWS_REGIONS: regions, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_EC2_METADATA_DISABLED: 'true',
    DEMO_MODE: '1', DASHBOARD_MODE: 'operator', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-run-page-')), FLEET_CACHE_TTL_SECONDS: '3600',
  };
  let server: ReturnType<typeof startGroup> | undefined;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    await waitForUrl(`${mockUrl}/__mock/health`, 60_000, () => mock.exitCode === null);
    server = startGroup(bin('next'), ['start', '-p', String(opts.appPort)], { cwd: ROOT, stdio: 'ignore', group: true, env });
    await waitForUrl(`${app}/api/overview`, 180_000, () => server!.exitCode === null);
    const stats = async (): Promise<Stats> => (await fetch(`${mockUrl}/__mock/stats`)).json() as Promise<Stats>;
    const run = await startRun(app, opts.nodes);
    await sleep(1500);
    await fetch(`${mockUrl}/__mock/stats/reset`, { method: 'POST' });
    const t0 = Date.now();
    let done = false;
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
    const first = await watchPage(page, app, run.runId);
    const http = pollers(app, run.runId, opts.viewers - 1, opts.pollMs, () => done);
    let status = '';
    for (let i = 0; i < 400 && !done; i++) {
      await sleep(2000);
      status = (await page.getByTestId('run-status').textContent()) ?? '';
      done = /Success|Failed|Cancelled|Partly/.test(status);
    }
    done = true;
    const wall = Date.now() - t0;
    if (profiler) await profiler.stop();
    const h = await http;
    const calls = await stats();
    const long = (await page.evaluate('window.__long')) as [number, number][];
    const updating = long.filter(([start]) => start > first.loadedAt).map(([, d]) => d);
    const atLoad = long.filter(([start]) => start <= first.loadedAt).map(([, d]) => d);
    const costs = await parseCosts(page, run.runId);
    const rows = await page.getByTestId('run-row-count').textContent();
    await page.screenshot({ path: path.join(ROOT, '.test-reports', 'bench-run-page.png') }).catch(() => undefined);
    const polling = (calls.byOperation['ssm:ListCommandInvocations'] ?? 0) + (calls.byOperation['ssm:ListCommands'] ?? 0);
    const pagesPerFullRead = Math.ceil(run.included / 50);
    const polls = h.polls + Math.round(wall / opts.pollMs);
    const naive = polls * pagesPerFullRead;
    console.log(`\n== 2. a ${run.included.toLocaleString('en-US')}-node AWS-RunShellScript run by tag (${run.regions.map((r) => `${r.region} ${r.nodes}`).join(', ')}; ${run.commands} commands), ${opts.viewers} viewers, simulated time x${opts.speed} ==`);
    console.log(`  run                         ${status} after ${Math.round(wall / 1000)} s real; page shows ${rows}`);
    console.log(`  AWS calls while it ran      ${calls.total} in ${Math.round(wall / 1000)} s: reading the run ${polling} (${round(polling / (wall / 1000), 2)}/s), the fleet refresh when it ended ${calls.total - polling} ${JSON.stringify(calls.byOperation)}`);
    console.log(`  naive (every poll of every viewer reads every page of invocations) ${naive} calls → ${round(naive / Math.max(1, polling), 1)}x more`);
    console.log(`  API answers to viewers      ${h.polls} polls by ${opts.viewers - 1} pollers, ${Math.round(h.bytes / Math.max(1, h.polls) / 1024)} KiB and ${round(h.changed / Math.max(1, h.polls), 0)} changed nodes per answer on average`);
    console.log(`  full answer vs current delta ${Math.round(costs.fullBytes / 1024)} KiB parsed in ${round(costs.fullParseMs, 1)} ms vs ${Math.round(costs.deltaBytes / 1024)} KiB in ${round(costs.deltaParseMs, 2)} ms in the page`);
    console.log(`  run page in Chromium        first rows after ${first.firstRenderMs} ms, all ${run.included.toLocaleString('en-US')} after ${first.completeMs} ms; longest task while loading ${round(Math.max(0, ...atLoad), 0)} ms; while updating: longest ${round(Math.max(0, ...updating), 0)} ms, ${updating.length} tasks over 50 ms (aim: under 100 ms)`);
    return {
      nodes: run.included, commands: run.commands, viewers: opts.viewers, wallMs: wall, status, awsCalls: calls.total, runReadingCalls: polling, runReadingCallsPerSecond: round(polling / (wall / 1000), 2),
      byOperation: calls.byOperation, naivePollingCalls: naive, polls: h.polls, avgAnswerBytes: Math.round(h.bytes / Math.max(1, h.polls)), ...costs,
      firstRenderMs: first.firstRenderMs, completeRenderMs: first.completeMs, longestTaskLoadingMs: round(Math.max(0, ...atLoad), 0), longestTaskUpdatingMs: round(Math.max(0, ...updating), 0), longTasksUpdating: updating.length,
    };
  } finally {
    await browser.close();
    stopGroup(server);
    stopGroup(mock);
  }
}
