/** Runs of any document end to end through the real SDK and the simulated AWS: preview, send, progress, triage, output, audit. */
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import { freshKey, postRequest } from '@/lib/testing/actions';
import { installRunTestEnv, execute, preview, script, sendCommands, waitDone } from '@/app/api/runs/test-helpers';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { POST as runRoute, GET as listRoute } from '@/app/api/runs/route';
import { GET as runGet } from '@/app/api/runs/[id]/route';
import { GET as outputGet } from '@/app/api/runs/[id]/output/route';
import { queryAudit } from '@/lib/actions/audit';
import { getRunDetail } from '@/lib/runs/progress';
import { sending } from '@/lib/runs/send';

const mock = installRunTestEnv();

async function pick(n: number, f: (r: NodeRow) => boolean): Promise<NodeRow[]> {
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((r) => r.managed && r.ping === 'Online' && r.tags.Environment !== 'prod' && f(r));
  expect(nodes.length).toBeGreaterThanOrEqual(n);
  return nodes.slice(0, n);
}
const linux = (r: NodeRow) => r.platformType === 'Linux';
const get = (id: string, cursor?: string) => runGet(new Request(`http://dash.test/api/runs/${id}${cursor ? `?cursor=${cursor}` : ''}`), { params: Promise.resolve({ id }) });

describe('a run of any document', () => {
  it('runs a shell script on chosen nodes, reports each node, reads output and audits what happened', async () => {
    const nodes = await pick(6, linux);
    const { res, body } = await execute(script(['uptime', 'df -h'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, comment: 'CHG-42 disk check' }));
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ commands: 1, outcome: 'sending' });
    expect(sendCommands(mock)).toBe(1);
    const done = await waitDone(mock, body.runId);
    expect(done.status).toBe('success');
    expect(done.nodes.map((n) => n.nodeId).sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(done.counts).toEqual({ success: 6 });

    const out = await outputGet(new Request(`http://dash.test/api/runs/${body.runId}/output?node=${nodes[0].id}`), { params: Promise.resolve({ id: body.runId }) });
    const o = await out.json();
    expect(o).toMatchObject({ outcome: 'success', responseCode: 0, stdoutTruncated: false });
    expect(o.stdout).toMatch(/load average/);
    expect(o.stdout).toMatch(/Filesystem/);

    const audit = queryAudit({ limit: 10, format: 'json' }).records.find((r) => r.runId === body.runId)!;
    expect(audit).toMatchObject({ action: 'run:AWS-RunShellScript', status: 'succeeded', actor: 'demo-operator', targetCount: 6, outcome: 'success' });
    expect(audit.outcomeDetail).toBe('6 of 6 succeeded');
    expect(audit.parameters).toMatchObject({ document: 'AWS-RunShellScript', parameters: { commands: ['uptime', 'df -h'] }, comment: 'CHG-42 disk check' });
    // The command carries the run tag in its Comment, so AWS's console and CLI show which run it belongs to.
    const listed = (await (await listRoute(new Request('http://dash.test/api/runs'), undefined)).json()).runs[0];
    expect(listed).toMatchObject({ id: body.runId, document: 'AWS-RunShellScript', comment: 'CHG-42 disk check', status: 'success', counts: { success: 6 } });
    expect(listed.endedAt).not.toBeNull();
  });

  it('gives viewers only the nodes that changed since their cursor', async () => {
    const nodes = await pick(10, linux);
    const { body } = await execute(script(['sleep 20', 'uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '2' }));
    const first = await (await get(body.runId)).json();
    expect(first.full).toBe(true);
    expect(first.nodes.length).toBeGreaterThan(0);
    const again = await (await get(body.runId, first.cursor)).json();
    expect(again).toMatchObject({ full: false, nodes: [] });
    mock.sim.clock.advance(15_000);
    const moved = await getRunDetail(body.runId, { refresh: true, cursor: first.cursor });
    expect(moved.full).toBe(false);
    expect(moved.nodes.length).toBeGreaterThan(0);
    expect(moved.nodes.length).toBeLessThan(moved.total);
    expect(moved.nodes.every((n) => n.rev > Number(first.cursor.split('.')[1]))).toBe(true);
    const stale = await (await get(body.runId, 'ffffffff.3')).json();
    expect(stale.full).toBe(true);
  });

  it('answers the first viewer of a big run with the rows read so far, and the rest on the next poll', async () => {
    const tags = { mode: 'tags', tags: [{ key: 'Environment', values: ['dev', 'staging', 'prod'] }] };
    const { body, preview: p } = await execute(script(['uptime'], { document: 'AWS-RunPowerShellScript', targets: tags, maxConcurrency: '100%' }));
    mock.scenario.latencyMs = 700; // one command per region, up to 4 pages each: the first pages arrive within the first answer's wait
    const first = await (await get(body.runId)).json();
    mock.scenario.latencyMs = 0;
    expect(first.reading).toBe(true);
    expect(first.nodes.length).toBeGreaterThan(0);
    expect(first.nodes.length).toBeLessThan(p.included);
    const later = await getRunDetail(body.runId, { refresh: true, cursor: first.cursor });
    expect(later.reading).toBe(false);
    expect(later.total).toBe(p.included);
    expect(later.full).toBe(false); // the same epoch: the second answer only adds what the first lacked
  });

  it('labels progress as incomplete while a region is down, and finishes the run when it is back', async () => {
    const nodes = [...(await pick(3, (r) => linux(r) && r.region === 'us-east-1')), ...(await pick(3, (r) => linux(r) && r.region === 'eu-west-1'))];
    const { body } = await execute(script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } }));
    mock.sim.clock.advance(120_000);
    mock.scenario.failRegions = ['eu-west-1'];
    const down = await getRunDetail(body.runId, { refresh: true });
    expect(down.errors.map((e) => e.region)).toEqual(['eu-west-1']);
    expect(down.done).toBe(false); // not declared ended on half the facts
    expect(down.counts.success).toBe(3); // the region that answers is shown
    mock.scenario.failRegions = [];
    const back = await getRunDetail(body.runId, { refresh: true });
    expect(back).toMatchObject({ done: true, status: 'success', errors: [], counts: { success: 6 } });
  });

  it('groups failures by cause: the same error on many nodes is one group with a sample', async () => {
    const nodes = await pick(60, linux);
    const { body } = await execute(script(['systemctl restart nginx'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } }));
    const done = await waitDone(mock, body.runId);
    const failed = done.nodes.filter((n) => n.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(done.triagePending).toBe(0);
    const total = done.triage.reduce((a, g) => a + g.count, 0);
    expect(total).toBe(failed.length);
    const biggest = done.triage[0];
    expect(biggest.count).toBeGreaterThan(1);
    expect(biggest.sample?.text).toBeTruthy();
    expect(biggest.exitCode).not.toBeNull();
    for (const n of failed) {
      expect(n.group).toBeTruthy();
      expect(n.errorLine).toBeTruthy();
      expect(n.exitCode).not.toBe(0);
    }
    // Same group: same exit code; the group's size is what the nodes say.
    const members = failed.filter((n) => n.group === biggest.key);
    expect(members).toHaveLength(biggest.count);
    expect(new Set(members.map((n) => n.exitCode))).toEqual(new Set([biggest.exitCode]));
  });

  it('splits 120 selected nodes into SendCommand calls of at most 50 IDs per region, sharing an absolute MaxConcurrency', async () => {
    const nodes = await pick(120, () => true);
    const p = await preview(script(['hostname'], { targets: { mode: 'nodes', nodeIds: nodes.map((r) => r.id) }, maxConcurrency: '10' }));
    const sent = p.counts.send;
    expect(p.commands.every((c) => (c.instanceCount ?? 0) <= 50)).toBe(true);
    expect(p.byRegion.reduce((a, r) => a + r.commands, 0)).toBe(p.commands.length);
    expect(p.commands.reduce((a, c) => a + Number(c.maxConcurrency), 0)).toBeLessThanOrEqual(10);
    const { body } = await execute(script(['hostname'], { targets: { mode: 'nodes', nodeIds: nodes.map((r) => r.id) }, maxConcurrency: '10' }));
    expect(sendCommands(mock)).toBe(p.commands.length);
    const d = await getRunDetail(body.runId, { refresh: true });
    expect(d.run.commands.every((c) => c.state === 'sent' && c.commandId)).toBe(true);
    expect(d.run.expectedNodes).toBe(p.included);
    expect(sent).toBeLessThanOrEqual(p.included);
  });

  it('runs a patch Install as one use of a run: compliance changes when it ends', async () => {
    const nodes = await pick(4, (r) => (r.patchMissing ?? 0) > 0 && linux(r));
    const { body } = await execute({ document: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'], RebootOption: ['NoReboot'] }, targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 3600 });
    const done = await waitDone(mock, body.runId);
    const ok = done.nodes.filter((n) => n.outcome === 'success');
    expect(ok.length).toBeGreaterThan(0);
    const after = await getFleetSnapshot({ refresh: true });
    for (const n of ok) expect(after.byId.get(n.nodeId)!.row.patchPendingReboot).toBeGreaterThan(0);
    expect(queryAudit({ limit: 5, format: 'json' }).records[0].action).toBe('run:AWS-RunPatchBaseline');
  });

  it('moves the SSM Agent to the latest version with AWS-UpdateSSMAgent', async () => {
    const nodes = await pick(3, (r) => r.agentLatest === false);
    const { body } = await execute({ document: 'AWS-UpdateSSMAgent', targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '100%', maxErrors: '100%', timeoutSeconds: 600 });
    const done = await waitDone(mock, body.runId);
    const after = await getFleetSnapshot({ refresh: true });
    for (const n of done.nodes.filter((x) => x.outcome === 'success')) expect(after.byId.get(n.nodeId)!.row.agentLatest).toBe(true);
  });
});

describe('the action path for runs', () => {
  it('sends one run for a repeated submission with the same key', async () => {
    const nodes = await pick(2, linux);
    const body = script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } });
    const p = await preview(body);
    const key = freshKey();
    const send = () => runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': key }), undefined);
    const first = await (await send()).json();
    await sending.get(first.runId);
    const again = await send();
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect((await again.json()).runId).toBe(first.runId);
    expect(sendCommands(mock)).toBe(1);
  });

  it('refuses runs in read-only mode, without the dashboard origin, or with a stale preview; nothing is sent', async () => {
    const nodes = await pick(1, linux);
    const body = script(['uptime'], { targets: { mode: 'nodes', nodeIds: [nodes[0].id] } });
    const p = await preview(body);
    process.env.DASHBOARD_MODE = 'read-only';
    const ro = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': freshKey() }), undefined);
    expect(ro.status).toBe(403);
    expect((await ro.json()).error.code).toBe('ReadOnlyMode');
    process.env.DASHBOARD_MODE = 'operator';
    const cross = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': freshKey(), origin: 'https://evil.example' }), undefined);
    expect(cross.status).toBe(403);
    const stale = await runRoute(postRequest('/api/runs', { ...body, comment: 'changed', previewToken: p.previewToken }, { 'idempotency-key': freshKey() }), undefined);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('PreviewStale');
    expect(sendCommands(mock)).toBe(0);
  });

  it('answers bad requests with 4xx that name the problem', async () => {
    const bad = async (body: object, status = 400) => {
      const res = await runRoute(postRequest('/api/runs', body, { 'idempotency-key': freshKey() }), undefined);
      expect(res.status).toBe(status);
      return (await res.json()).error.message as string;
    };
    expect(await bad({ ...script(['x']), targets: { mode: 'nodes', nodeIds: ['i-00000000000000001'] } })).toMatch(/previewToken/);
    expect(await bad({ ...script(['x']), targets: { mode: 'tags', tags: [] }, previewToken: 'x'.repeat(20) })).toMatch(/targets.tags: give at least one tag condition/);
    const get404 = await get('run-20260101-deadbeef');
    expect(get404.status).toBe(404);
    const get400 = await get('not a run');
    expect(get400.status).toBe(400);
  });
});
