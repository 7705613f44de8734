/**
 * npm run bench:run — what runs cost while people watch them.
 *   1. A 1,000-node patch Install watched by 5 viewers: AWS calls, against every poll reading every command.
 *   2. A 10,000-node AWS-RunShellScript run by tag across three regions watched by 10 viewers (one is the run page in
 *      Chromium): AWS calls while it runs, time to first render and the longest main-thread task while it updates.
 * Env: BENCH_RUN_NODES (1000), BENCH_BIG_NODES (10000), BENCH_TIME_SPEED (10), BENCH_VIEWERS (5), BENCH_BIG_VIEWERS (10),
 * BENCH_PARTS ("1,2"). Part 2 builds the app first if the build is missing or stale. The last line is one JSON object.
 */
import path from 'node:path';
import { needsBuild, ROOT } from './lib/build-state';
import { run } from './lib/proc';
import { patchRunCalls } from './bench/patch-run-calls';
import { runPageBench } from './bench/run-page';

const parts = new Set((process.env.BENCH_PARTS ?? '1,2').split(','));
const POLL_MS = 3_000;

async function main() {
  const out: Record<string, unknown> = {};
  if (parts.has('1')) {
    out.patchRun = await patchRunCalls({ nodes: Number(process.env.BENCH_RUN_NODES ?? 1000), speed: Number(process.env.BENCH_TIME_SPEED ?? 10), viewers: Number(process.env.BENCH_VIEWERS ?? 5), pollMs: POLL_MS, port: 4820 });
  }
  if (parts.has('2')) {
    if (needsBuild()) {
      console.log('\n[bench] building the dashboard for the run page…');
      if ((await run(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], { cwd: ROOT })) !== 0) process.exit(1);
    }
    out.bigRun = await runPageBench({ nodes: Number(process.env.BENCH_BIG_NODES ?? 10_000), speed: Number(process.env.BENCH_TIME_SPEED ?? 10), viewers: Number(process.env.BENCH_BIG_VIEWERS ?? 10), pollMs: POLL_MS, port: 4821, appPort: 3821 });
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

void main();
