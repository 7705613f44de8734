/**
 * The nodes page in Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH) against a running `next start`:
 * - first rows: from navigation start to the frame after the first node row is in the table (performance.now() in the
 *   page, whose origin is the navigation start; "after the frame": requestAnimationFrame, then a task);
 * - keystroke to paint: from the keydown's timestamp of one character typed into the search box to the frame after
 *   the row count or the first row shows the new filter (a MutationObserver, then requestAnimationFrame and a task);
 * - heap: the page's JS heap (CDP Runtime.getHeapUsage) once loaded and after the keystrokes, and after a forced GC.
 * Also, to explain them: the /api/nodes download as the page fetched it, a fresh fetch's decompression and JSON.parse
 * time in the page, and the long tasks while loading. BENCH_PROFILE=1 adds CPU profiles of the load and the typing.
 * The page's scripts are strings, not functions: the bundler would add helpers the page does not have.
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';

const ROW = '[data-testid="nodes-table"] [data-testid="node-row"]';
const SEARCH = 'input[aria-label="Search nodes"]';
const COUNT = '[data-testid="row-count"]';

/** Installed before the page's own scripts: when the first row appears, and the long tasks. */
const INIT = `(() => {
  const b = (window.__bench = { long: [] });
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  const mo = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(ROW)})) return;
    mo.disconnect();
    b.firstRowDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.firstRows = performance.now(); }, 0));
  });
  mo.observe(document, { childList: true, subtree: true });
})()`;

/** Arms the measurement of the next keystroke in the search box; the result is awaited with KEY_RESULT. */
const ARM_KEY = `(() => {
  const input = document.querySelector(${JSON.stringify(SEARCH)});
  const state = () => (document.querySelector(${JSON.stringify(COUNT)})?.textContent ?? '') + '|' + (document.querySelector(${JSON.stringify(ROW)})?.getAttribute('data-row-id') ?? '');
  const before = state();
  let t0 = null;
  window.__key = new Promise((resolve) => {
    input.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    const done = (r) => { mo.disconnect(); clearTimeout(timer); resolve(r); };
    const mo = new MutationObserver(() => {
      if (t0 === null || state() === before) return;
      const dom = performance.now() - t0;
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - t0, domMs: dom, count: document.querySelector(${JSON.stringify(COUNT)})?.textContent ?? '' }), 0));
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-row-id'] });
    const timer = setTimeout(() => done({ ms: null, domMs: null, count: document.querySelector(${JSON.stringify(COUNT)})?.textContent ?? '' }), 10000);
  });
})()`;

/**
 * Time to fetch the fleet as the page does (the compact form, gzip, unzipped in the page) and to parse it, in the page
 * (not decoding it into rows: that is the page's own code).
 */
const PARSE_COST = `(async () => {
  const t0 = performance.now();
  const res = await fetch('/api/nodes?format=compact', { headers: { accept: 'application/gzip, application/json' } });
  const gz = res.headers.get('content-type')?.startsWith('application/gzip');
  const text = await new Response(gz ? res.body.pipeThrough(new DecompressionStream('gzip')) : res.body).text();
  const t1 = performance.now();
  const parses = [];
  for (let i = 0; i < 3; i++) { const s = performance.now(); JSON.parse(text); parses.push(performance.now() - s); }
  return { fetchMs: t1 - t0, chars: text.length, parseMs: parses.sort((a, b) => a - b)[1] };
})()`;

export interface NodesPageFigures {
  firstRowsMs: number;
  firstRowDomMs: number;
  domContentLoadedMs: number | null;
  /** /api/nodes as the page loaded it: when it was asked for and when its response ended (ms from navigation start), and its bytes on the wire. */
  apiStartMs: number | null;
  apiResponseEndMs: number | null;
  apiTransferBytes: number | null;
  longestTaskLoadingMs: number;
  longTasksLoadingMs: number;
  keystrokes: { char: string; ms: number | null; domMs: number | null; count: string }[];
  heapMb: number;
  heapAfterTypingMb: number;
  heapAfterGcMb: number;
  parse: { fetchMs: number; chars: number; parseMs: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** Waits until the page has drawn two frames with nothing else queued: the previous update has settled. */
const settle = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))');

/**
 * Opens /nodes on `app` in a fresh browser and measures it. `keys`: the characters to type one at a time; those
 * marked `timed` must change the row count or the first row (the caller checks that against the fleet): the
 * measurement waits for that change. The others are typed and left to settle.
 */
export async function measureNodesPage(app: string, keys: { char: string; timed: boolean }[], opts: { profile?: boolean } = {}): Promise<NodesPageFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const cdp = await page.context().newCDPSession(page);
    await page.addInitScript(INIT);
    const loadProfile = opts.profile ? await startProfile(cdp) : null;
    await page.goto(`${app}/nodes`, { waitUntil: 'commit' });
    // Polled from here: waitForFunction evaluates its predicate with eval, which the page's CSP refuses.
    for (const until = Date.now() + 180_000; !(await page.evaluate('window.__bench?.firstRows !== undefined')); await sleep(50)) {
      if (Date.now() > until) throw new Error('no node row on /nodes after 180 s');
    }
    const load = (await page.evaluate(`(() => {
      const api = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/api/nodes');
      const nav = performance.getEntriesByType('navigation')[0];
      return { ...window.__bench, apiStart: api ? api.startTime : null, apiResponseEnd: api ? api.responseEnd : null, apiTransfer: api ? api.transferSize || api.encodedBodySize : null, domContentLoaded: nav ? nav.domContentLoadedEventEnd : null };
    })()`)) as { firstRows: number; firstRowDom: number; long: [number, number][]; apiStart: number | null; apiResponseEnd: number | null; apiTransfer: number | null; domContentLoaded: number | null };
    if (loadProfile) await loadProfile.stop('loading /nodes');
    await settle(page);
    await sleep(500);
    const heapLoaded = await heapUsed(cdp);

    const keystrokes: NodesPageFigures['keystrokes'] = [];
    await page.locator(SEARCH).click();
    const typeProfile = opts.profile ? await startProfile(cdp) : null;
    for (const { char, timed } of keys) {
      if (timed) await page.evaluate(ARM_KEY);
      await page.keyboard.type(char);
      const r = timed ? ((await page.evaluate('window.__key')) as { ms: number | null; domMs: number | null; count: string }) : { ms: null, domMs: null, count: 'not timed' };
      keystrokes.push({ char, ...r });
      // The URL follows the search box after a pause in typing (a debounce): let that update land too.
      await sleep(600);
      await settle(page);
    }
    if (typeProfile) await typeProfile.stop('typing into the search box');
    const heapTyped = await heapUsed(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapGc = await heapUsed(cdp);
    const parse = (await page.evaluate(PARSE_COST)) as NodesPageFigures['parse'];
    const loading = load.long.filter(([start]) => start <= load.firstRows).map(([, d]) => d);
    return {
      firstRowsMs: load.firstRows,
      firstRowDomMs: load.firstRowDom,
      domContentLoadedMs: load.domContentLoaded,
      apiStartMs: load.apiStart,
      apiResponseEndMs: load.apiResponseEnd,
      apiTransferBytes: load.apiTransfer,
      longestTaskLoadingMs: Math.max(0, ...loading),
      longTasksLoadingMs: loading.reduce((a, b) => a + b, 0),
      keystrokes,
      heapMb: mb(heapLoaded),
      heapAfterTypingMb: mb(heapTyped),
      heapAfterGcMb: mb(heapGc),
      parse,
    };
  } finally {
    await browser.close();
  }
}

/** A CPU profile of the page; `stop` prints the functions with the most self time. */
async function startProfile(cdp: CDPSession) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop(label: string) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<number, number>();
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const byName = new Map<string, number>();
      for (const n of profile.nodes) {
        const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        byName.set(k, (byName.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000);
      }
      const top = [...byName].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 20);
      console.log(`  profile of ${label} (self ms):`, top.map(([k, v]) => `\n    ${Math.round(v)} ${k}`).join(''));
    },
  };
}
