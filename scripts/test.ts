/**
 * npm test: every test, then one summary line.
 *   1. Vitest: unit, contract (simulated AWS vs the AWS service models) and integration (real SDK through the
 *      simulated AWS) tests.
 *   2. Playwright end-to-end tests in Debian's Chromium against the production build in demo mode
 *      (built first if the build is missing or older than the sources).
 * Extra arguments go to both runners' file filters, e.g. `npm test -- nodes`.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { needsBuild, ROOT } from './lib/build-state';
import { run } from './lib/proc';

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
// Not test-results/: Playwright empties that folder when it starts.
const out = path.join(ROOT, '.test-reports');
mkdirSync(out, { recursive: true });
const filters = process.argv.slice(2);

type Counts = { passed: number; failed: number; skipped: number };
const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

function vitestCounts(file: string): Record<string, Counts> {
  const byKind: Record<string, Counts> = { unit: zero(), contract: zero(), integration: zero() };
  if (!existsSync(file)) return byKind;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { testResults: { name: string; assertionResults: { status: string }[] }[] };
  for (const f of r.testResults) {
    const kind = f.name.includes('/contract/') ? 'contract' : /\.integration\.test\.ts$/.test(f.name) ? 'integration' : 'unit';
    for (const a of f.assertionResults) {
      const k = a.status === 'passed' ? 'passed' : a.status === 'failed' ? 'failed' : 'skipped';
      byKind[kind][k]++;
    }
  }
  return byKind;
}

function playwrightCounts(file: string): Counts {
  const c = zero();
  if (!existsSync(file)) return c;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  c.passed = r.stats.expected + r.stats.flaky;
  c.failed = r.stats.unexpected;
  c.skipped = r.stats.skipped;
  return c;
}

async function main() {
  const t0 = Date.now();
  const vitestJson = path.join(out, 'vitest.json');
  const vitestCode = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...filters], { cwd: ROOT });

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
  const ok = vitestCode === 0 && pwCode === 0 && failed === 0;
  const part = (name: string, c: Counts) => `${name} ${c.passed} passed${c.failed ? `, ${c.failed} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}`;
  console.log(
    `\nSummary: ${ok ? 'PASS' : 'FAIL'} — ${part('unit', v.unit)}; ${part('contract', v.contract)}; ${part('integration', v.integration)}; ${part('e2e', e)}` +
      `${buildFailed ? '; build FAILED' : ''} (${Math.round((Date.now() - t0) / 1000)} s)`,
  );
  process.exit(ok ? 0 : 1);
}

void main();
