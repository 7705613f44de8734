/** The aftermath of a run: retry the failed nodes (or one failure group), cancel chosen invocations, cancel a run. */
import { describe, expect, it } from 'vitest';
import { freshKey, postRequest } from '@/lib/testing/actions';
import { installRunTestEnv, execute, preview, script, waitDone } from '@/app/api/runs/test-helpers';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { POST as cancelRoute } from '@/app/api/runs/[id]/cancel/route';
import { getRunDetail } from '@/lib/runs/progress';
import { queryAudit } from '@/lib/actions/audit';

const mock = installRunTestEnv();

const cancel = (id: string, body: object = {}) => cancelRoute(postRequest(`/api/runs/${id}/cancel`, body, { 'idempotency-key': freshKey() }), { params: Promise.resolve({ id }) });

describe('retry', () => {
  it('retries the failed nodes of a tag-targeted run, leaving out stopped instances and saying which', async () => {
    const snap = await getFleetSnapshot();
    const stopped = snap.nodes.filter((n) => n.ping === 'NotRunning' && n.tags.Environment === 'dev');
    expect(stopped.length).toBeGreaterThan(0); // the fleet view shows them now, with their EC2 state
    expect(stopped.every((n) => n.ec2State === 'stopped')).toBe(true);

    const tag = { mode: 'tags', tags: [{ key: 'Environment', values: ['dev'] }] };
    const p = await preview(script(['systemctl restart nginx'], { targets: tag, comment: 'CHG-7 nginx' }));
    expect(p.counts.stopped).toBe(stopped.length);
    expect(p.included).toBe(p.nodes.filter((n) => n.included).length);
    const { body } = await execute(script(['systemctl restart nginx'], { targets: tag, comment: 'CHG-7 nginx' }));
    const done = await waitDone(mock, body.runId, 120_000);
    const timedOut = done.nodes.filter((n) => n.outcome === 'deliveryTimedOut').map((n) => n.nodeId);
    // AWS reached the registered stopped instances through the tag; they never ran.
    expect(timedOut).toEqual(expect.arrayContaining(stopped.map((n) => n.id).filter((id) => done.nodes.some((x) => x.nodeId === id))));
    const failed = done.nodes.filter((n) => n.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    // Nodes that never ran (Invalid Platform, Undeliverable, Delivery Timed Out) group by outcome, with no output sample.
    const neverRan = done.triage.filter((g) => ['invalidPlatform', 'undeliverable', 'deliveryTimedOut'].includes(g.outcome));
    expect(neverRan.map((g) => g.outcome)).toEqual(expect.arrayContaining(['invalidPlatform', 'deliveryTimedOut']));
    expect(neverRan.every((g) => g.sample === null && g.exitCode === null)).toBe(true);

    const retry = await preview(script(['systemctl restart nginx'], { targets: { mode: 'run', runId: body.runId } }));
    expect(retry.retry).toEqual({ runId: body.runId, comment: 'CHG-7 nginx' });
    expect(retry.request.retryOf).toBe(body.runId);
    const sent = retry.nodes.filter((n) => n.included).map((n) => n.id);
    expect(sent).toEqual(expect.arrayContaining(failed.filter((n) => n.ping === 'Online').map((n) => n.nodeId)));
    const leftStopped = retry.nodes.filter((n) => n.fate === 'stopped').map((n) => n.id);
    expect(leftStopped.length).toBeGreaterThan(0);
    expect(sent.some((id) => leftStopped.includes(id))).toBe(false);
    expect(retry.warnings.join(' ')).toMatch(/EC2 instances? (is|are) not running and left out: i-/);

    const r2 = await execute(script(['systemctl restart nginx'], { targets: { mode: 'run', runId: body.runId } }));
    expect(r2.res.status).toBe(201);
    const d2 = await getRunDetail(r2.body.runId, { refresh: true });
    expect(d2.run).toMatchObject({ retryOf: body.runId, comment: 'CHG-7 nginx' });
    expect(d2.run.expectedNodes).toBe(sent.length);
  });

  it('is offered as soon as a node failed, and can retry one failure group alone', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 40);
    const { body } = await execute(script(['sleep 30', 'systemctl restart nginx'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '5' }));
    let d = await getRunDetail(body.runId, { refresh: true });
    for (let i = 0; i < 40 && !d.triage.length; i++) {
      mock.sim.clock.advance(10_000);
      d = await getRunDetail(body.runId, { refresh: true });
    }
    expect(d.done).toBe(false); // still running, failures already grouped
    const group = d.triage[0];
    const retry = await preview(script(['systemctl restart nginx'], { targets: { mode: 'run', runId: body.runId, group: group.key } }));
    expect(retry.included).toBe(group.count);
    const members = d.nodes.filter((n) => n.group === group.key).map((n) => n.nodeId).sort();
    expect(retry.nodes.map((n) => n.id).sort()).toEqual(members);
  });
});

describe('cancel', () => {
  it('cancels chosen pending invocations (CancelCommand with InstanceIds) and lets the others run', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 12);
    const { body } = await execute(script(['sleep 60'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '2' }));
    mock.sim.clock.advance(5_000);
    const d = await getRunDetail(body.runId, { refresh: true });
    const pending = d.nodes.filter((n) => n.outcome === 'pending').map((n) => n.nodeId).slice(0, 3);
    expect(pending).toHaveLength(3);
    const res = await cancel(body.runId, { nodeIds: pending });
    expect(res.status).toBe(200);
    const done = await waitDone(mock, body.runId);
    expect(done.nodes.filter((n) => pending.includes(n.nodeId)).map((n) => n.outcome)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(done.nodes.filter((n) => !pending.includes(n.nodeId)).every((n) => n.outcome === 'success')).toBe(true);
    expect(done.status).toBe('success'); // the run was not cancelled as a whole
    expect(queryAudit({ limit: 10, format: 'json' }).records.find((r) => r.action === 'run:cancel-nodes')).toMatchObject({ status: 'succeeded', targetCount: 3 });
    const finished = await cancel(body.runId, { nodeIds: [pending[0]] });
    expect(finished.status).toBe(409);
  });

  it('reads a cancelled run as Cancelled, not Failed', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 8);
    const { body } = await execute(script(['sleep 120'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '2' }));
    mock.sim.clock.advance(3_000);
    expect((await cancel(body.runId)).status).toBe(200);
    const done = await waitDone(mock, body.runId);
    expect(done.status).toBe('cancelled');
    expect(done.counts.cancelled).toBeGreaterThan(0);
  });

  it('refuses to cancel nodes that are not part of the run', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 3);
    const { body } = await execute(script(['sleep 60'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '1' }));
    const res = await cancel(body.runId, { nodeIds: ['i-0fffffffffffffff0'] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/not part of this run or already finished: i-0fffffffffffffff0/);
  });
});
