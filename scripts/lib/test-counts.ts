import { existsSync, readFileSync } from 'node:fs';

export type Counts = { passed: number; failed: number; skipped: number };
export const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

/** Vitest's JSON report, counted by kind of test: contract (mocks/contract/), integration (*.integration.test.ts), unit. */
export function vitestCounts(file: string): Record<'unit' | 'contract' | 'integration', Counts> {
  const byKind = { unit: zero(), contract: zero(), integration: zero() };
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

export function playwrightCounts(file: string): Counts {
  const c = zero();
  if (!existsSync(file)) return c;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  c.passed = r.stats.expected + r.stats.flaky;
  c.failed = r.stats.unexpected;
  c.skipped = r.stats.skipped;
  return c;
}

export const part = (name: string, c: Counts) => `${name} ${c.passed} passed${c.failed ? `, ${c.failed} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}`;
