/** The action path end to end through the real SDK and the simulated AWS: preview, send, progress, cancel, retry, audit. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import type { PatchRunPreview } from '@/lib/contracts/patch-run';
import type { RunDetail } from '@/lib/contracts/run';
import { installMockAws } from '@/lib/testing/mock-aws';
import { freshKey, postRequest, useTempDataDir } from '@/lib/testing/actions';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { closeDb } from '@/lib/db/database';
import { POST as previewRoute } from '@/app/api/runs/preview/route';
import { POST as runRoute } from '@/app/api/runs/route';
import { POST as cancelRoute } from '@/app/api/runs/[id]/cancel/route';
import { queryAudit } from '@/lib/actions/audit';
import { getRunDetail, getRunOutput } from '@/lib/actions/run-status';

const mock = installMockAws({ nodes: 300, timeSpeed: 0 });

beforeEach(() => {
  useTempDataDir();
  process.env.DEMO_MODE = '1';
  process.env.DASHBOARD_MODE = 'operator';
});

const sendCommands = () => mock.stats.snapshot().byOperation['ssm:SendCommand'] ?? 0;

async function pick(n: number, f: (r: NodeRow) => boolean): Promise<NodeRow[]> {
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((r) => r.managed && r.ping === 'Online' && r.tags.Environment !== 'prod' && f(r));
  expect(nodes.length).toBeGreaterThanOrEqual(n);
  return nodes.slice(0, n);
}

const request = (nodeIds: string[], over: object = {}) => ({
  targets: { mode: 'nodes', nodeIds }, operation: 'Install', rebootOption: 'RebootIfNeeded', maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 3600, ...over,
});

async function preview(body: object): Promise<PatchRunPreview> {
  const res = await previewRoute(postRequest('/api/runs/preview', body), undefined);
  expect(res.status).toBe(200);
  return res.json();
}

async function execute(body: object, key = freshKey()) {
  const p = await preview(body);
  const res = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken, confirmation: p.confirmationPhrase ?? undefined }, { 'idempotency-key': key }), undefined);
  return { res, body: await res.clone().json(), preview: p };
}

async function waitDone(id: string): Promise<RunDetail> {
  for (let i = 0; i < 80; i++) {
    mock.sim.clock.advance(i < 20 ? 30_000 : 120_000); // offline nodes of a tag target wait for the delivery timeout
    const d = await getRunDetail(id, { refresh: true });
    if (d.done) return d;
  }
  throw new Error(`run ${id} did not finish`);
}

describe('patch run lifecycle', () => {
  it('sends one Install, shows progress to the end, changes compliance, reads output and audits the action', async () => {
    const nodes = await pick(8, (r) => r.region === 'us-east-1' && (r.patchMissing ?? 0) > 0 && r.platformType === 'Linux');
    const { res, body } = await execute(request(nodes.map((r) => r.id)));
    expect(res.status).toBe(201);
    expect(sendCommands()).toBe(1);
    const first = await getRunDetail(body.runId, { refresh: true });
    expect(first.done).toBe(false);
    expect(first.status).toBe('InProgress');

    const done = await waitDone(body.runId);
    expect(done.nodes).toHaveLength(8);
    expect(done.nodes.every((n) => ['Success', 'Failed'].includes(n.status))).toBe(true);
    const ok = done.nodes.filter((n) => n.status === 'Success').map((n) => n.nodeId);
    expect(ok.length).toBeGreaterThan(0);

    const after = await getFleetSnapshot({ refresh: true });
    for (const id of ok) {
      const row = after.byId.get(id)!.row;
      expect(row.patchMissing).toBe(0);
      expect(row.patchOperation).toBe('Install');
    }
    const out = await getRunOutput(body.runId, ok[0]);
    expect(out.stdout.length).toBeGreaterThan(100);
    expect(out.status).toBe('Success');

    const audit = queryAudit({ limit: 10, format: 'json' }).records;
    expect(audit[0]).toMatchObject({ action: 'patch:install', status: 'succeeded', runId: body.runId, actor: 'demo-operator', targetCount: 8 });
    expect(audit[0].commandIds).toEqual(body.commands.map((c: { commandId: string }) => c.commandId));
  });

  it('marks Install under NoReboot as installed pending reboot', async () => {
    const nodes = await pick(3, (r) => (r.patchMissing ?? 0) > 0 && r.platformType === 'Linux' && (r.patchPendingReboot ?? 0) === 0);
    const { body } = await execute(request(nodes.map((r) => r.id), { rebootOption: 'NoReboot' }));
    const done = await waitDone(body.runId);
    const after = await getFleetSnapshot({ refresh: true });
    for (const n of done.nodes.filter((x) => x.status === 'Success')) expect(after.byId.get(n.nodeId)!.row.patchPendingReboot).toBeGreaterThan(0);
  });

  it('splits 120 selected nodes into SendCommand calls of at most 50 IDs per region', async () => {
    const nodes = await pick(120, () => true);
    const { res, body } = await execute(request(nodes.map((r) => r.id), { operation: 'Scan', maxConcurrency: '10' }));
    expect(res.status).toBe(201);
    const cmds = body.commands as { region: string; instanceIds: string[]; maxConcurrency: string }[];
    expect(cmds.every((c) => c.instanceIds.length <= 50)).toBe(true);
    expect(cmds.flatMap((c) => c.instanceIds).sort()).toEqual(nodes.map((r) => r.id).sort());
    expect(sendCommands()).toBe(cmds.length);
    expect(cmds.reduce((a, c) => a + Number(c.maxConcurrency), 0)).toBeLessThanOrEqual(10);
  });

  it('targets a tag with one command per region, resolved by AWS', async () => {
    const { res, body } = await execute({ ...request([]), targets: { mode: 'tag', key: 'Environment', value: 'staging' }, operation: 'Scan' });
    expect(res.status).toBe(201);
    expect(body.commands.map((c: { region: string }) => c.region).sort()).toEqual(['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    expect(body.commands.every((c: { target?: { key: string } }) => c.target?.key === 'Environment')).toBe(true);
    const done = await waitDone(body.runId);
    const staging = (await getFleetSnapshot()).nodes.filter((r) => r.managed && r.tags.Environment === 'staging').map((r) => r.id);
    const reached = done.nodes.map((n) => n.nodeId);
    expect(reached).toEqual(expect.arrayContaining(staging));
    // AWS also resolves the tag to registered nodes the fleet view cannot list (stopped instances): they never succeed.
    const extra = done.nodes.filter((n) => !staging.includes(n.nodeId));
    expect(extra.every((n) => n.status !== 'Success')).toBe(true);
  });

  it('cancels what has not finished', async () => {
    const nodes = await pick(10, (r) => r.platformType === 'Linux');
    const { body } = await execute(request(nodes.map((r) => r.id), { maxConcurrency: '1' }));
    mock.sim.clock.advance(5_000);
    const res = await cancelRoute(postRequest(`/api/runs/${body.runId}/cancel`, {}, { 'idempotency-key': freshKey() }), { params: Promise.resolve({ id: body.runId }) });
    expect(res.status).toBe(200);
    const done = await waitDone(body.runId);
    expect(done.counts.Cancelled).toBeGreaterThanOrEqual(8);
    expect(done.status).toBe('Cancelled');
    expect(queryAudit({ action: 'run:cancel', limit: 5, format: 'json' }).records[0]).toMatchObject({ status: 'succeeded', runId: body.runId });
  });

  it('retries only the failed nodes of a run', async () => {
    // Installs fail on some dev nodes; with MaxErrors 100% every node runs.
    const nodes = await pick(30, (r) => r.tags.Environment === 'dev' && (r.patchMissing ?? 0) > 0);
    const { body } = await execute(request(nodes.map((r) => r.id)));
    const done = await waitDone(body.runId);
    const failed = done.nodes.filter((n) => n.status === 'Failed').map((n) => n.nodeId);
    expect(failed.length).toBeGreaterThan(0);
    const retry = await execute(request(failed, { retryOf: body.runId }));
    expect(retry.res.status).toBe(201);
    expect(retry.body.commands.flatMap((c: { instanceIds: string[] }) => c.instanceIds).sort()).toEqual([...failed].sort());
    const detail = await getRunDetail(retry.body.runId, { refresh: true });
    expect(detail.run.retryOf).toBe(body.runId);
  });
});

describe('the action path refuses and never sends twice', () => {
  it('sends one command for the same submission sent twice at once and again later', async () => {
    const nodes = await pick(2, () => true);
    const body = request(nodes.map((r) => r.id), { operation: 'Scan' });
    const p = await preview(body);
    const key = freshKey();
    const send = () => runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': key }), undefined);
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect(sendCommands()).toBe(1);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]); // the second arrived while the first was in flight
    expect(c.status).toBe(201);
    expect((await c.json()).runId).toBe((await a.clone().json().catch(() => null))?.runId ?? (await b.json()).runId);
    expect(c.headers.get('idempotent-replay')).toBe('true');
  });

  it('refuses in read-only mode, says why, audits the attempt and sends nothing', async () => {
    process.env.DASHBOARD_MODE = 'read-only';
    const nodes = await pick(1, () => true);
    const { res } = await execute(request(nodes.map((r) => r.id)));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('ReadOnlyMode');
    expect(sendCommands()).toBe(0);
    expect(queryAudit({ status: 'refused', limit: 5, format: 'json' }).records[0]).toMatchObject({ errorCode: 'ReadOnlyMode' });
  });

  it('needs an operator identity from the trusted header outside demo mode', async () => {
    process.env.DEMO_MODE = '0';
    process.env.AUTH_USER_HEADER = 'x-forwarded-user';
    process.env.AUTH_GROUPS_HEADER = 'x-forwarded-groups';
    process.env.OPERATOR_GROUPS = 'sre';
    try {
      const nodes = await pick(1, () => true);
      const body = request(nodes.map((r) => r.id), { operation: 'Scan' });
      const p = await preview(body);
      const send = (headers: Record<string, string>) => runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': freshKey(), ...headers }), undefined);
      expect((await (await send({})).json()).error.code).toBe('NoIdentity');
      expect((await (await send({ 'x-forwarded-user': 'ann', 'x-forwarded-groups': 'dev' })).json()).error.code).toBe('NotOperator');
      const ok = await send({ 'x-forwarded-user': 'bob', 'x-forwarded-groups': 'dev, sre' });
      expect(ok.status).toBe(201);
      expect(queryAudit({ actor: 'bob', limit: 5, format: 'json' }).records[0]).toMatchObject({ status: 'succeeded', actorSource: 'proxy-header' });
    } finally {
      delete process.env.AUTH_USER_HEADER;
      delete process.env.AUTH_GROUPS_HEADER;
      delete process.env.OPERATOR_GROUPS;
    }
  });

  it('refuses requests without a same-origin Origin header', async () => {
    const nodes = await pick(1, () => true);
    const { preview: p } = { preview: await preview(request(nodes.map((r) => r.id))) };
    const body = { ...request(nodes.map((r) => r.id)), previewToken: p.previewToken };
    const cross = await runRoute(postRequest('/api/runs', body, { 'idempotency-key': freshKey(), origin: 'https://evil.example' }), undefined);
    expect(cross.status).toBe(403);
    expect((await cross.json()).error.message).toMatch(/cross-site/);
    const req = postRequest('/api/runs', body, { 'idempotency-key': freshKey() });
    req.headers.delete('origin');
    expect((await runRoute(req, undefined)).status).toBe(403);
    expect(sendCommands()).toBe(0);
  });

  it('asks for the typed confirmation when production nodes are targeted', async () => {
    const snap = await getFleetSnapshot();
    const prod = snap.nodes.filter((r) => r.managed && r.ping === 'Online' && r.tags.Environment === 'prod').slice(0, 2);
    const body = request(prod.map((r) => r.id), { operation: 'Scan' });
    const p = await preview(body);
    expect(p.confirmationPhrase).toBe('SCAN 2');
    const without = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken }, { 'idempotency-key': freshKey() }), undefined);
    expect(without.status).toBe(400);
    expect((await without.json()).error).toMatchObject({ code: 'ConfirmationRequired', message: expect.stringMatching(/SCAN 2/) });
    const wrong = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken, confirmation: 'scan 2' }, { 'idempotency-key': freshKey() }), undefined);
    expect(wrong.status).toBe(400);
    const right = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken, confirmation: 'SCAN 2' }, { 'idempotency-key': freshKey() }), undefined);
    expect(right.status).toBe(201);
    expect(sendCommands()).toBe(1);
  });

  it('refuses a run whose preview no longer matches the fleet', async () => {
    const nodes = await pick(3, () => true);
    const body = request(nodes.map((r) => r.id), { operation: 'Scan' });
    const p = await preview(body);
    const res = await runRoute(postRequest('/api/runs', { ...body, maxConcurrency: '1', previewToken: p.previewToken }, { 'idempotency-key': freshKey() }), undefined);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('PreviewStale');
    expect(sendCommands()).toBe(0);
  });

  it('answers bad input with a 400 that names it', async () => {
    const nodes = await pick(1, () => true);
    const cases: [object, RegExp][] = [
      [request(['i-0000000000000dead']), /unknown node: i-0000000000000dead/],
      [request([]), /select at least one node/],
      [request(nodes.map((r) => r.id), { maxConcurrency: '0' }), /MaxConcurrency/],
      [request(nodes.map((r) => r.id), { maxErrors: '110%' }), /MaxErrors/],
      [request(Array.from({ length: 2001 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`)), /at most 2000 nodes/],
      [{ ...request(nodes.map((r) => r.id)), targets: { mode: 'tag', key: 'Environment', value: 'nowhere' } }, /no managed node has tag Environment=nowhere/],
    ];
    for (const [body, message] of cases) {
      const res = await previewRoute(postRequest('/api/runs/preview', body), undefined);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    const notJson = new Request('http://dash.test/api/runs/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect((await (await previewRoute(notJson, undefined)).json()).error.message).toMatch(/not valid JSON/);
  });

  it('keeps the audit record across a restart', async () => {
    const nodes = await pick(1, () => true);
    const { body } = await execute(request(nodes.map((r) => r.id), { operation: 'Scan' }));
    closeDb(); // the process "dies"; the next access reopens the file
    const records = queryAudit({ runId: body.runId, limit: 5, format: 'json' }).records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'succeeded', action: 'patch:scan' });
    expect((await getRunDetail(body.runId, { refresh: true })).run.id).toBe(body.runId);
  });
});
