/** OpsItems from a failed run's triage group; updates, relating nodes and bulk status, each audited and sent once. */
import { describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/actions/audit';
import { getFleetSnapshot, getNodeDetail } from '@/lib/fleet/fleet';
import { freshKey } from '@/lib/testing/actions';
import { execute, installRunTestEnv, script, waitDone } from '@/app/api/runs/test-helpers';
import { runNodes } from '@/lib/runs/progress';
import { bulk, create, detail, errorOf, list, patch } from './test-helpers';

const mock = installRunTestEnv();
const calls = (op: string) => mock.stats.snapshot().byOperation[`ssm:${op}`] ?? 0;

async function failedRun() {
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((r) => r.managed && r.ping === 'Online' && r.platformType === 'Linux' && r.tags.Environment !== 'prod').slice(0, 60);
  const { body } = await execute(script(['systemctl restart nginx'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } }));
  const done = await waitDone(mock, body.runId);
  expect(done.triage.length).toBeGreaterThan(0);
  return { runId: body.runId as string, done };
}

describe('an OpsItem from a failed run', () => {
  it("relates the triage group's nodes and carries the command IDs, document and an error sample, one OpsItem per region", async () => {
    const { runId, done } = await failedRun();
    const group = done.triage[0];
    const members = (await runNodes(runId)).filter((n) => n.group === group.key);
    const res = await create({ title: `nginx restart failed on ${group.count} nodes`, description: group.signature, severity: '2', category: 'Availability', from: { kind: 'triage', runId, group: group.key } });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.created.map((c: { region: string }) => c.region).sort()).toEqual(group.regions);
    expect(body.omittedNodes).toBe(0);
    for (const made of body.created) {
      const inRegion = members.filter((m) => m.region === made.region);
      const d = await detail(made.id);
      expect(d.item.nodeIds.sort()).toEqual(inRegion.map((m) => m.nodeId).sort());
      const data = Object.fromEntries(d.operationalData.map((e) => [e.key, e.value]));
      const commandIds = [...new Set(inRegion.map((m) => m.commandId))];
      expect(data.CommandId).toBe(commandIds.length === 1 ? commandIds[0] : JSON.stringify(commandIds.sort()));
      expect(data.Document).toMatch(/^AWS-RunShellScript \(version /);
      expect(data.FailureSignature).toBe(group.signature);
      expect(data.ErrorSample).toContain(group.sample!.text.slice(0, 40));
      expect(data.DashboardRun).toBe(runId);
      const nodePage = await getNodeDetail(inRegion[0].nodeId);
      expect(nodePage?.opsItems.map((o) => o.id)).toContain(made.id);
    }
    // The same group again (another tab, a retry after a crash): AWS's deduplication finds the open ones.
    const again = await (await create({ title: 'edited title', description: 'x', from: { kind: 'triage', runId, group: group.key } })).json();
    expect(again.created.every((c: { deduplicated: boolean }) => c.deduplicated)).toBe(true);
    expect(calls('CreateOpsItem')).toBe(body.created.length);
  });

  it('answers an unknown run or group with a 4xx and creates nothing', async () => {
    expect((await errorOf(await create({ title: 't', description: 'd', from: { kind: 'triage', runId: 'run-20260101-deadbeef', group: 'x' } }), 404)).code).toBe('RunNotFound');
    const { runId } = await failedRun();
    expect((await errorOf(await create({ title: 't', description: 'd', from: { kind: 'triage', runId, group: 'nope' } }), 400)).message).toMatch(/no failure group nope/);
    expect(calls('CreateOpsItem')).toBe(0);
  });
});

describe('changing OpsItems', () => {
  it('updates fields, adds operational data, relates and unrelates nodes; the node pages follow; each change is audited', async () => {
    const snap = await getFleetSnapshot();
    const [a, b] = snap.nodes.filter((r) => r.managed && r.region === 'us-east-1' && r.openOpsItems === 0);
    const made = (await (await create({ title: 'Memory leak in app', description: 'RSS grows 1 GB/day', region: 'us-east-1', nodeIds: [a.id] })).json()).created[0];

    const res = await patch(made.id, { status: 'InProgress', severity: '1', priority: 1, category: 'Availability', title: 'Memory leak in app (prod)', description: 'RSS grows 1 GB/day; heap dump attached', operationalData: [{ key: 'Ticket', value: 'INC-4711' }, { key: 'HeapDump', value: '{"bucket":"dumps","key":"app/1.hprof"}', searchable: false }] });
    const d = await res.json();
    expect(res.status, JSON.stringify(d)).toBe(200);
    expect(d.item).toMatchObject({ status: 'InProgress', severity: '1', priority: 1, category: 'Availability', title: 'Memory leak in app (prod)', description: 'RSS grows 1 GB/day; heap dump attached' });
    expect(d.operationalData).toEqual(expect.arrayContaining([{ key: 'Ticket', value: 'INC-4711', searchable: true }, { key: 'HeapDump', value: '{"bucket":"dumps","key":"app/1.hprof"}', searchable: false }]));

    const related = await (await patch(made.id, { relate: [b.id], unrelate: [a.id] })).json();
    expect(related.item.nodeIds).toEqual([b.id]);
    expect(related.related.map((r: { nodeId: string }) => r.nodeId)).toEqual([b.id]);
    expect((await getNodeDetail(b.id))?.opsItems.map((o) => o.id)).toEqual([made.id]);
    expect((await getNodeDetail(a.id))?.opsItems).toEqual([]);

    const resolved = await (await patch(made.id, { status: 'Resolved' })).json();
    expect(resolved.item.status).toBe('Resolved');
    expect((await getNodeDetail(b.id))?.node.openOpsItems).toBe(0);

    const audits = queryAudit({ limit: 10, format: 'json', action: 'opsitem:update' }).records;
    expect(audits).toHaveLength(3);
    expect(audits.every((r) => r.status === 'succeeded' && r.targets[0] === made.id)).toBe(true);
    expect(audits.map((r) => r.parameters)).toContainEqual({ relate: [b.id], unrelate: [a.id] });
  });

  it('never applies a change twice: a repeated PATCH replays the answer without calling AWS', async () => {
    const item = (await list()).items[0];
    const key = freshKey();
    const first = await patch(item.id, { priority: 3 }, key);
    expect(first.status).toBe(200);
    const updates = calls('UpdateOpsItem');
    const second = await patch(item.id, { priority: 3 }, key);
    expect(second.headers.get('idempotent-replay')).toBe('true');
    expect(calls('UpdateOpsItem')).toBe(updates);
    expect((await errorOf(await patch(item.id, { priority: 4 }, key), 422)).code).toBe('IdempotencyKeyReused');
  });

  it('refuses invalid changes with the rule named', async () => {
    const item = (await list()).items[0];
    expect((await errorOf(await patch(item.id, {}), 400)).message).toMatch(/nothing to change/);
    expect((await errorOf(await patch(item.id, { status: 'Approved' }), 400)).message).toMatch(/can be set to Open, InProgress, Resolved/);
    expect((await errorOf(await patch(item.id, { severity: '0' }), 400)).message).toMatch(/severity/);
    expect((await errorOf(await patch(item.id, { title: ' ' }), 400)).message).toMatch(/title must not be empty/);
    expect((await errorOf(await patch(item.id, { relate: ['i-nope'] }), 400)).message).toMatch(/node ID/);
    expect((await errorOf(await patch(item.id, { relate: ['i-0000000000000beef'] }), 400)).message).toMatch(/not in the fleet/);
    const elsewhere = (await getFleetSnapshot()).nodes.find((n) => n.region !== item.region)!;
    expect((await errorOf(await patch(item.id, { relate: [elsewhere.id] }), 400)).message).toMatch(/OpsItems are regional/);
    expect((await errorOf(await patch('oi-000000000000', { status: 'Resolved' }), 404)).code).toBe('OpsItemNotFound');
    expect((await errorOf(await patch('not-an-id', { status: 'Resolved' }), 400)).message).toMatch(/OpsItem ID/);
    expect(calls('UpdateOpsItem')).toBe(0);
  });

  it('sets the status of a selection in bulk, says which failed, and audits it as one partial action', async () => {
    const open = (await list()).items.slice(0, 3);
    const ghost = { id: 'oi-0000000000aa', region: 'us-east-1' };
    const res = await bulk({ items: [...open.map((i) => ({ id: i.id, region: i.region })), ghost], status: 'Resolved' });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ succeeded: 3, failed: 1 });
    expect(body.results.find((r: { id: string }) => r.id === ghost.id)).toMatchObject({ ok: false, error: { code: 'OpsItemNotFoundException' } });
    const after = await list();
    expect(after.items.some((i) => open.some((o) => o.id === i.id))).toBe(false);
    for (const nodeId of open.flatMap((i) => i.nodeIds)) {
      const still = (await getNodeDetail(nodeId))?.opsItems.map((o) => o.id) ?? [];
      expect(still.some((id) => open.some((o) => o.id === id))).toBe(false);
    }
    const audit = queryAudit({ limit: 5, format: 'json', action: 'opsitem:bulk-status' }).records[0];
    expect(audit).toMatchObject({ status: 'partial', targetCount: 4, parameters: { status: 'Resolved' } });
    expect(audit.commandIds.sort()).toEqual(open.map((i) => i.id).sort());

    const tooMany = Array.from({ length: 1001 }, (_, n) => ({ id: `oi-${n.toString(16).padStart(12, '0')}`, region: 'us-east-1' }));
    expect((await errorOf(await bulk({ items: tooMany, status: 'Resolved' }), 400)).message).toMatch(/at most 1000/);
    expect((await errorOf(await bulk({ items: [ghost], status: 'Resolved', extra: 1 }), 400)).message).toMatch(/extra/);
  });
});
