/**
 * npm test: every test, then one summary line.
 *   1. Vitest: unit, contract (simulated AWS vs the AWS service models) and integration (real SDK through the
 *      simulated AWS) tests, on the Node that runs npm (the oldest supported, 20, on this project's machines).
 *   2. Under CI (or TEST_NODE24=1; TEST_NODE24=0 turns it off): the same Vitest run again on Node 24 (scripts/lib/node24.ts).
 *      Not in a plain `npm test`: it adds the Vitest run's time again, and its first run downloads Node 24 and compiles
 *      better-sqlite3 for it (minutes, and a C++ compiler); `npm run test:node24` runs it alone.
 *   3. Playwright end-to-end tests in Debian's Chromium against the production build in demo mode
 *      (built first if the build is missing or older than the sources).
 * Extra arguments go to every runner's file filters, e.g. `npm test -- nodes`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { needsBuild, ROOT } from './lib/build-state';
import { ensureNode24, vitestOnNode24 } from './lib/node24';
import { run } from './lib/proc';
import { part, playwrightCounts, vitestCounts } from './lib/test-counts';

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
// Not test-results/: Playwright empties that folder when it starts.
const out = path.join(ROOT, '.test-reports');
mkdirSync(out, { recursive: true });
const filters = process.argv.slice(2);
const on = (v: string | undefined) => !!v && v !== '0' && v.toLowerCase() !== 'false';
const withNode24 = process.env.TEST_NODE24 !== undefined ? on(process.env.TEST_NODE24) : on(process.env.CI);

/** Stage 2; resolves with its part of the summary line and whether it passed. */
async function node24Stage(): Promise<{ ok: boolean; text: string }> {
  let node;
  try {
    node = await ensureNode24();
  } catch (e) {
    console.error((e as Error).message);
    return { ok: false, text: 'Node 24 setup FAILED' };
  }
  const json = path.join(out, 'vitest-node24.json');
  const code = await vitestOnNode24(node, filters, json);
  const v = vitestCounts(json);
  const failed = v.unit.failed + v.contract.failed + v.integration.failed;
  return { ok: code === 0 && failed === 0, text: `Node ${node.version}: ${part('unit', v.unit)}, ${part('contract', v.contract)}, ${part('integration', v.integration)}` };
}

async function main() {
  const t0 = Date.now();
  const vitestJson = path.join(out, 'vitest.json');
  const vitestCode = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...filters], { cwd: ROOT });
  const n24 = withNode24 ? await node24Stage() : { ok: true, text: '' };

  let buildFailed = false;
  if (needsBuild()) {
    console.log('\n[test] building the app for the end-to-end tests…');
    buildFailed = (await run(bin('next'), ['build'], { cwd: ROOT })) !== 0;
  }
  const pwJson = path.join(out, 'playwright.json');
  const pwCode = buildFailed
    ? 1
    : await run(bin('playwright'), ['test', ...filters], {
        cwd: ROOT,
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
      });

  const v = vitestCounts(vitestJson);
  const e = playwrightCounts(pwJson);
  const all = [...Object.values(v), e];
  const failed = all.reduce((n, c) => n + c.failed, 0) + (buildFailed ? 1 : 0);
  const ok = vitestCode === 0 && pwCode === 0 && failed === 0 && n24.ok;
  console.log(
    `\nSummary: ${ok ? 'PASS' : 'FAIL'} — ${part('unit', v.unit)}; ${part('contract', v.contract)}; ${part('integration', v.integration)}; ${part('e2e', e)}` +
      `${n24.text ? `; ${n24.text}` : ''}` +
      `${buildFailed ? '; build FAILED' : ''} (${Math.round((Date.now() - t0) / 1000)} s)`,
  );
  process.exit(ok ? 0 : 1);
}

void main();
