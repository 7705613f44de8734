/**
 * Part 1 of bench:run: what a 1,000-node patch Install costs in AWS calls while viewers watch it, with the dashboard's
 * own code in this process (the simulated AWS in its own). Compared with one viewer without the server's sharing and
 * finished-command caching, computed from the same run.
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startGroup, stopGroup, waitForUrl } from '../lib/proc';
import { ROOT } from '../lib/build-state';
import { resetClients } from '@/lib/aws/clients';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { RunRequestSchema } from '@/lib/contracts/run-request';
import { previewRun } from '@/lib/runs/preview-run';
import { executeRun } from '@/lib/runs/execute';
import { sending } from '@/lib/runs/send';
import { getRunDetail } from '@/lib/runs/progress';

type Stats = { total: number; byOperation: Record<string, number> };
const POLLING = ['ssm:ListCommandInvocations', 'ssm:ListCommands', 'ssm:GetCommandInvocation'];

export async function patchRunCalls(opts: { nodes: number; speed: number; viewers: number; pollMs: number; port: number }) {
  const mockUrl = `http://127.0.0.1:${opts.port}`;
  const mock = startGroup(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT, stdio: 'ignore', group: true,
    env: { ...process.env, MOCK_AWS_PORT: String(opts.port), DEMO_NODES: String(Math.ceil(opts.nodes * 1.3)), AWS_REGIONS: 'us-east-1', MOCK_AWS_TIME_SPEED: String(opts.speed) },
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
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online').slice(0, opts.nodes).map((n) => n.id);
    const request = RunRequestSchema.parse({
      document: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] }, targets: { mode: 'nodes', nodeIds: nodes },
      maxConcurrency: '10%', maxErrors: '100%', timeoutSeconds: 3600,
    });
    const preview = await previewRun(request);
    await fetch(`${mockUrl}/__mock/stats/reset`, { method: 'POST' });
    const t0 = Date.now();
    const sent = await executeRun({ ...request, previewToken: preview.previewToken, confirmation: preview.confirmationPhrase ?? undefined }, { id: 'bench', role: 'operator', source: 'demo', groups: [] }, `bench-run-${Date.now()}`);
    await sending.get(sent.body.runId);
    const afterSend = await stats();
    let polls = 0;
    let reads = 0;
    let done = false;
    let lastCheck = '';
    const viewer = async (offset: number) => {
      await new Promise((r) => setTimeout(r, offset));
      while (!done) {
        const d = await getRunDetail(sent.body.runId);
        polls++;
        if (d.checkedAt !== lastCheck) {
          lastCheck = d.checkedAt;
          reads++;
        }
        if (d.done) done = true;
        else await new Promise((r) => setTimeout(r, opts.pollMs));
      }
    };
    await Promise.all(Array.from({ length: opts.viewers }, (_, i) => viewer((i * opts.pollMs) / opts.viewers)));
    const wall = Date.now() - t0;
    const end = await stats();
    const during = Object.fromEntries(Object.entries(end.byOperation).map(([k, v]) => [k, v - (afterSend.byOperation[k] ?? 0)]).filter(([, v]) => Number(v) > 0));
    const pollingCalls = POLLING.reduce((a, k) => a + (during[k] ?? 0), 0);
    const final = await getRunDetail(sent.body.runId);
    // Without sharing or caching, every poll of every viewer re-reads every command's invocations.
    const naive = polls * sent.body.commands;
    console.log(`\n== 1. a ${nodes.length}-node patch Install (MaxConcurrency 10%, ${sent.body.commands} commands of ≤50), ${opts.viewers} viewers polling every ${opts.pollMs / 1000} s, simulated time x${opts.speed} ==`);
    console.log(`  sending                  ${afterSend.total} calls ${JSON.stringify(afterSend.byOperation)}`);
    console.log(`  run                      ${final.status} after ${Math.round(wall / 1000)} s real; ${JSON.stringify(final.counts)}`);
    console.log(`  polls served             ${polls} (${opts.viewers} viewers), AWS reads ${reads}`);
    console.log(`  AWS calls while polling  ${pollingCalls} ${JSON.stringify(during)} → ${(pollingCalls / Math.max(1, polls)).toFixed(1)} per poll served`);
    console.log(`  naive (every poll reads every command) ${naive} calls → ${(naive / Math.max(1, pollingCalls)).toFixed(1)}x more`);
    return { nodes: nodes.length, commands: sent.body.commands, polls, reads, pollingCalls, naivePollingCalls: naive, wallMs: wall, status: final.status };
  } finally {
    stopGroup(mock);
  }
}
