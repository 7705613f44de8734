/**
 * Nothing lost if the server dies: a run left "sending" by a process that died between SendCommand and recording its
 * CommandId is completed from AWS's own record (the run tag in the command's Comment). And throttled sends are retried.
 */
import { describe, expect, it } from 'vitest';
import { freshKey, postRequest } from '@/lib/testing/actions';
import { installRunTestEnv, execute, preview, script, sendCommands } from '@/app/api/runs/test-helpers';
import { POST as runRoute } from '@/app/api/runs/route';
import { sending } from '@/lib/runs/send';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { db } from '@/lib/db/database';
import { sendCommand } from '@/lib/aws/ssm/send-command';
import { auditRequested, queryAudit } from '@/lib/actions/audit';
import { claimKey, hashRequest, runOnce } from '@/lib/actions/idempotency';
import { RunRequestSchema } from '@/lib/contracts/run-request';
import { getRunDetail, resetRunProgress } from '@/lib/runs/progress';
import { commentFor } from '@/lib/runs/send';
import { insertRun, newRunId, getRun, setCommandState } from '@/lib/runs/store';
import { reconcileOnStart, RECONCILE_GRACE_MS } from '@/lib/runs/reconcile';
import { withRateControl, explicitDrafts } from '@/lib/runs/plan';

const mock = installRunTestEnv();
const actor = { id: 'alice', role: 'operator' as const, source: 'proxy-header' as const, groups: [] };

/**
 * What a process that died mid-send leaves behind: the run and its audit record, its idempotency key in flight, command
 * #0 marked "sending" and really accepted by AWS (its CommandId never recorded), command #1 never started.
 */
async function crashedRun(opts: { acceptedByAws: boolean }) {
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux' && n.region === 'us-east-1').slice(0, 60);
  const request = RunRequestSchema.parse(script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, comment: 'CHG-9' }));
  const commands = withRateControl(explicitDrafts(nodes, new Set()), request.maxConcurrency, request.maxErrors);
  expect(commands).toHaveLength(2);
  const id = newRunId();
  const key = freshKey();
  expect(claimKey(key, actor.id, hashRequest({ any: 'request' })).kind).toBe('new');
  const auditId = auditRequested({ actor, action: 'run:AWS-RunShellScript', runId: id, targets: nodes.map((n) => n.id), idempotencyKey: key });
  insertRun({ id, actor: actor.id, request, documentVersion: '1', targetSummary: '60 selected nodes', auditId, idempotencyKey: key, commands });
  setCommandState(id, 0, 'sending');
  if (opts.acceptedByAws) {
    await sendCommand({ scope: { account: '', region: 'us-east-1' }, documentName: 'AWS-RunShellScript', parameters: request.parameters, instanceIds: commands[0].instanceIds, maxConcurrency: commands[0].maxConcurrency, maxErrors: '0', timeoutSeconds: 600, comment: commentFor('CHG-9', id, 0) });
  }
  // The process dies here. Its successor has another boot ID, and the key's owner is gone with it.
  db().prepare("UPDATE runs SET sender = 'dead-process' WHERE id = ?").run(id);
  db().prepare("UPDATE idempotency SET owner = 'dead-process' WHERE key = ?").run(key);
  return { id, key, auditId, commands };
}

describe('reconciliation after a crash between SendCommand and the audit update', () => {
  it('finds the accepted command by its run tag, records what was never sent, completes the audit and releases the key', async () => {
    const { id, key } = await crashedRun({ acceptedByAws: true });
    expect(sendCommands(mock)).toBe(1);
    const d = await getRunDetail(id, { refresh: true });
    expect(d.run.commands.map((c) => c.state)).toEqual(['sent', 'unsent']);
    expect(d.run.commands[0].commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.run.commands[0].reconciled).toMatch(/run tag/);
    expect(d.run.commands[1].error?.message).toMatch(/the dashboard stopped before sending it/);
    expect(d.status).not.toBe('sending');
    expect(sendCommands(mock)).toBe(1); // reconciliation never sends
    // The nodes of the unsent command are shown as not sent, retryable.
    expect(d.nodes.filter((n) => n.outcome === 'notSent')).toHaveLength(10);

    const audit = queryAudit({ limit: 5, format: 'json' }).records.find((r) => r.runId === id)!;
    expect(audit).toMatchObject({ status: 'partial', commandIds: [d.run.commands[0].commandId], errorCode: 'Reconciled' });
    // The key is no longer in flight: a repeat of the submission gets the run, and sends nothing.
    const replay = await runOnce(key, actor.id, { any: 'request' }, async () => ({ status: 500, body: 'must not run' }));
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect((await replay.json()).runId).toBe(id);
  });

  it('waits out ListCommands\' eventual consistency before declaring an interrupted send unsent', async () => {
    const { id } = await crashedRun({ acceptedByAws: false });
    await getRunDetail(id, { refresh: true });
    expect(getRun(id)!.commands[0].state).toBe('sending'); // too young to tell
    db().prepare('UPDATE runs SET created_at = ? WHERE id = ?').run(new Date(Date.now() - RECONCILE_GRACE_MS - 1000).toISOString(), id);
    resetRunProgress();
    const d = await getRunDetail(id, { refresh: true });
    expect(d.run.commands.map((c) => c.state)).toEqual(['unsent', 'unsent']);
    expect(d.run.commands[0].error?.message).toMatch(/stopped during SendCommand and AWS has no command with this run tag/);
    expect(d.status).toBe('notSent');
    expect(queryAudit({ limit: 5, format: 'json' }).records.find((r) => r.runId === id)).toMatchObject({ status: 'failed' });
  });

  it('reconciles at start: orphaned runs, their keys, and keys that never got a run', async () => {
    const { id, key } = await crashedRun({ acceptedByAws: true });
    const lonely = freshKey();
    claimKey(lonely, actor.id, hashRequest({ other: 1 }));
    db().prepare("UPDATE idempotency SET owner = 'dead-process' WHERE key = ?").run(lonely);
    const r = await reconcileOnStart();
    // The run's own key is completed with the run; then the key that never got a run is found.
    expect(r).toEqual({ runs: 1, keys: 1 });
    expect(getRun(id)!.state).toBe('sent');
    const rows = db().prepare('SELECT key, state FROM idempotency').all() as { key: string; state: string }[];
    expect(rows.find((x) => x.key === key)?.state).toBe('done');
    expect(rows.find((x) => x.key === lonely)).toBeUndefined(); // released: nothing was recorded or sent under it
  });
});

describe('sending', () => {
  it('retries a throttled SendCommand (AWS did not accept it) and sends each command exactly once', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 150);
    const request = script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '100%' });
    const p = await preview(request); // documents and the fleet are read (and cached) before AWS starts throttling
    mock.scenario.throttleRate = 0.5;
    const res = await runRoute(postRequest('/api/runs', { ...request, previewToken: p.previewToken, confirmation: p.confirmationPhrase ?? undefined }, { 'idempotency-key': freshKey() }), undefined);
    const body = await res.json();
    await sending.get(body.runId);
    mock.scenario.throttleRate = 0;
    const d = await getRunDetail(body.runId, { refresh: true });
    expect(d.run.commands.every((c) => c.state === 'sent')).toBe(true);
    const accepted = mock.sim.store.commands.list.filter((c) => c.comment.includes(body.runId));
    expect(accepted).toHaveLength(d.run.commands.length);
    expect(new Set(accepted.map((c) => c.comment)).size).toBe(accepted.length);
    const throttled = mock.stats.snapshot();
    expect(throttled.byOperation['ssm:SendCommand']).toBeGreaterThan(d.run.commands.length);
  });

  it('stops at the first failure that is not throttling, and records the rest as not sent', async () => {
    const snap = await getFleetSnapshot();
    // Every Online node: more commands (one per region and 50 nodes) than are sent at once.
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online');
    mock.scenario.denyOperations = ['ssm:SendCommand'];
    const { res, body } = await execute(script(['uptime'], { document: 'AWS-RunPowerShellScript', targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } }));
    mock.scenario.denyOperations = [];
    expect(res.status).toBe(201);
    const d = await getRunDetail(body.runId, { refresh: true });
    expect(d.status).toBe('notSent');
    expect(d.run.commands.filter((c) => c.state === 'failed').length).toBeGreaterThanOrEqual(1);
    expect(d.run.commands.filter((c) => c.state === 'failed').length).toBeLessThanOrEqual(4); // at most the ones in flight
    expect(d.run.commands.length).toBeGreaterThan(4);
    expect(d.run.commands.some((c) => c.state === 'unsent')).toBe(true);
    expect(queryAudit({ limit: 5, format: 'json' }).records.find((r) => r.runId === body.runId)).toMatchObject({ status: 'failed', errorCode: 'AccessDeniedException' });
  });
});
