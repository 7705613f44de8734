/**
 * npm run bench:run — what a 1,000-node patch run costs in AWS calls while viewers watch it.
 * The simulated AWS runs in its own process (time sped up by BENCH_TIME_SPEED, default 10); the dashboard's own code
 * sends the run (batches of 50) and serves its progress to BENCH_VIEWERS viewers (default 5) polling every 3 s as the
 * run page does. Prints calls by operation, per poll, and the same figures for one viewer without the server's
 * sharing and finished-command caching (computed from the same run), then one JSON line.
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startGroup, stopGroup, waitForUrl } from './lib/proc';
import { ROOT } from './lib/build-state';
import { resetClients } from '@/lib/aws/clients';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { previewPatchRun, executePatchRun } from '@/lib/actions/patch-run';
import { getRunDetail } from '@/lib/actions/run-status';

const NODES = Number(process.env.BENCH_RUN_NODES ?? 1000);
const SPEED = Number(process.env.BENCH_TIME_SPEED ?? 10);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 5);
const POLL_MS = 3_000;
const port = 4820;
const mockUrl = `http://127.0.0.1:${port}`;
type Stats = { total: number; byOperation: Record<string, number> };

async function main() {
  const mock = startGroup(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT, stdio: 'ignore', group: true,
    env: { ...process.env, MOCK_AWS_PORT: String(port), DEMO_NODES: String(Math.ceil(NODES * 1.3)), AWS_REGIONS: 'us-east-1', MOCK_AWS_TIME_SPEED: String(SPEED) },
  });
  try {
    await waitForUrl(`${mockUrl}/__mock/health`, 30_000, () => mock.exitCode === null);
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: mockUrl, AWS_REGIONS: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_EC2_METADATA_DISABLED: 'true',
      DEMO_MODE: '1', DASHBOARD_MODE: 'operator', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-run-')), FLEET_CACHE_TTL_SECONDS: '3600',
    });
    resetClients();
    resetFleetCache();
    const stats = async (): Promise<Stats> => (await fetch(`${mockUrl}/__mock/stats`)).json() as Promise<Stats>;
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online').slice(0, NODES).map((n) => n.id);
    if (nodes.length < NODES) throw new Error(`only ${nodes.length} Online nodes`);
    const request = { targets: { mode: 'nodes' as const, nodeIds: nodes }, operation: 'Install' as const, rebootOption: 'RebootIfNeeded' as const, maxConcurrency: '10%', maxErrors: '100%', timeoutSeconds: 3600 };
    const preview = await previewPatchRun(request);
    await fetch(`${mockUrl}/__mock/stats/reset`, { method: 'POST' });
    const t0 = Date.now();
    const sent = await executePatchRun({ ...request, previewToken: preview.previewToken, confirmation: preview.confirmationPhrase ?? undefined }, { id: 'bench', role: 'operator', source: 'demo', groups: [] }, `bench-run-${Date.now()}`);
    const afterSend = await stats();

    // Viewers poll the run as the run page does; the server shares one AWS read between them.
    let polls = 0;
    let reads = 0;
    let pagesPerRead = 0;
    let done = false;
    let lastVersion = '';
    const viewer = async (offset: number) => {
      await new Promise((r) => setTimeout(r, offset));
      while (!done) {
        const d = await getRunDetail(sent.body.runId);
        polls++;
        if (d.checkedAt !== lastVersion) {
          lastVersion = d.checkedAt;
          reads++;
          pagesPerRead += d.run.commands.filter((c) => c.commandId).reduce((a, c) => a + Math.ceil(c.expectedNodes / 50), 0);
        }
        if (d.done) done = true;
        else await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    await Promise.all(Array.from({ length: VIEWERS }, (_, i) => viewer((i * POLL_MS) / VIEWERS)));
    const wall = Date.now() - t0;
    const end = await stats();
    const during = Object.fromEntries(Object.entries(end.byOperation).map(([k, v]) => [k, v - (afterSend.byOperation[k] ?? 0)]).filter(([, v]) => Number(v) > 0));
    // The fleet refresh the dashboard makes once the run ends (so compliance shows the result) is not polling.
    const POLLING = ['ssm:ListCommandInvocations', 'ssm:ListCommands', 'ssm:GetCommandInvocation'];
    const pollingCalls = POLLING.reduce((a, k) => a + (during[k] ?? 0), 0);
    const refreshCalls = Object.entries(during).filter(([k]) => !POLLING.includes(k)).reduce((a, [, v]) => a + Number(v), 0);
    const final = await getRunDetail(sent.body.runId);
    // Without sharing or caching, every poll of every viewer re-reads every command's invocations.
    const naivePerPoll = sent.body.commands.length;
    const naive = polls * naivePerPoll;
    console.log(`\n== a ${nodes.length}-node Install (MaxConcurrency 10%, ${sent.body.commands.length} commands of ≤50), ${VIEWERS} viewers polling every ${POLL_MS / 1000} s, simulated time x${SPEED} ==`);
    console.log(`  sending                 ${afterSend.total} calls ${JSON.stringify(afterSend.byOperation)}`);
    console.log(`  run                     ${final.status} after ${Math.round(wall / 1000)} s real (~${Math.round((wall * SPEED) / 60000)} min simulated); ${JSON.stringify(final.counts)}`);
    console.log(`  polls served            ${polls} (${VIEWERS} viewers), AWS reads ${reads}`);
    console.log(`  AWS calls while polling ${pollingCalls} ${JSON.stringify(during)} → ${(pollingCalls / Math.max(1, reads)).toFixed(1)} per read, ${(pollingCalls / Math.max(1, polls)).toFixed(1)} per poll served`);
    console.log(`  fleet refresh at the end ${refreshCalls} calls (compliance shows the run's result at once)`);
    console.log(`  naive (every poll reads every command)  ${naive} calls (${naivePerPoll} per poll) → ${(naive / Math.max(1, pollingCalls)).toFixed(1)}x more`);
    console.log(JSON.stringify({ nodes: nodes.length, commands: sent.body.commands.length, viewers: VIEWERS, pollMs: POLL_MS, timeSpeed: SPEED, sendCalls: afterSend.total, polls, reads, pollingCalls, pollingByOperation: during, callsPerRead: +(pollingCalls / Math.max(1, reads)).toFixed(1), naivePollingCalls: naive, wallMs: wall, status: final.status, refreshCalls }));
  } finally {
    stopGroup(mock);
  }
  process.exit(0);
}

void main();
