/**
 * A real crash: a dashboard process is killed (SIGKILL) while AWS has accepted its SendCommands but not yet answered.
 * A new process finds the commands by their run tag, records them as sent, the rest as never sent, completes the
 * audit record, and a repeated submission still sends nothing.
 */
import { expect, it } from 'vitest';
import { freshKey } from '@/lib/testing/actions';
import { installCrashMock, spawnDashboardScript, until } from '@/lib/testing/crash';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { queryAudit } from '@/lib/actions/audit';
import { db } from '@/lib/db/database';
import { getRunDetail, resetRunProgress } from './progress';
import { reconcileOnStart } from './reconcile';
import { getRun } from './store';

const crash = installCrashMock();

it('a process killed between SendCommand and recording its answer loses no record of what was sent', async () => {
  const mock = crash.mock();
  const dataDir = crash.begin();
  resetRunProgress();
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux' && n.region === 'us-east-1').slice(0, 60);
  const body = { document: 'AWS-RunShellScript', parameters: { commands: ['uptime'] }, targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 600, comment: 'CHG-crash' };
  const key = freshKey();
  // AWS carries out each SendCommand at once but its answer takes 30 s to come back: the sender dies before it arrives.
  mock.scenario.slowAnswers = { 'ssm:SendCommand': 30_000 };
  const sender = spawnDashboardScript('run-sender.ts', { DATA_DIR: dataDir, RUN_BODY: JSON.stringify(body), RUN_KEY: key });
  await until('the run to be recorded and AWS to accept its commands', () => /recorded run-/.test(sender.output()) && mock.sim.store.commands.list.length === 2);
  await sender.kill();
  const runId = /recorded (run-[0-9a-z-]+)/.exec(sender.output())![1];
  const accepted = mock.sim.store.commands.list.map((c) => c.id).sort();
  expect(getRun(runId)!.commands.map((c) => c.state)).toEqual(['sending', 'sending']); // what the dead process left
  mock.scenario.slowAnswers = {};

  // The next process (this one: another boot ID) reconciles at start.
  expect(await reconcileOnStart()).toMatchObject({ runs: 1 });
  const d = await getRunDetail(runId, { refresh: true });
  expect(d.run.commands.map((c) => c.state)).toEqual(['sent', 'sent']);
  expect(d.run.commands.map((c) => c.commandId).sort()).toEqual(accepted);
  expect(d.run.commands.every((c) => c.reconciled)).toBe(true);
  expect(d.status).toBe('inProgress');
  expect(queryAudit({ limit: 5, format: 'json' }).records.find((r) => r.runId === runId)).toMatchObject({ status: 'succeeded', actor: 'crash-test', errorCode: 'Reconciled' });
  // The submission's key is not in flight: a repeat of it gets the run (the sender recorded it before it died).
  const row = db().prepare('SELECT state, response FROM idempotency WHERE key = ?').get(key) as { state: string; response: string };
  expect(row.state).toBe('done');
  expect(JSON.parse(row.response).runId).toBe(runId);
  expect(mock.sim.store.commands.list).toHaveLength(2); // nothing was sent again
});
