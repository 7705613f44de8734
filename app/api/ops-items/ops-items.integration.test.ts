/** OpsCenter end to end through the routes, the real SDK and the simulated AWS: list, read, create, update, bulk, audit. */
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import { queryAudit } from '@/lib/actions/audit';
import { getFleetSnapshot, getNodeDetail } from '@/lib/fleet/fleet';
import { freshKey } from '@/lib/testing/actions';
import { installRunTestEnv } from '@/app/api/runs/test-helpers';
import { create, detail, errorOf, getRaw, list, patch } from './test-helpers';

const mock = installRunTestEnv();
const calls = (op: string) => mock.stats.snapshot().byOperation[`ssm:${op}`] ?? 0;

async function onlineNode(skip = 0, f: (r: NodeRow) => boolean = () => true): Promise<NodeRow> {
  const snap = await getFleetSnapshot();
  const nodes = snap.nodes.filter((r) => r.managed && r.ping === 'Online' && r.openOpsItems === 0 && f(r));
  expect(nodes.length).toBeGreaterThan(skip);
  return nodes[skip];
}

const newItem = (over: object = {}) => ({ title: 'Disk filling up on web tier', description: 'Investigate /var growth.', severity: '2', priority: 2, category: 'Performance', ...over });

describe('OpsItems list', () => {
  it('lists open and in-progress OpsItems of every region by default, and applies the filters at DescribeOpsItems', async () => {
    const open = await list();
    expect(open.complete).toBe(true);
    expect(open.regions.map((r) => r.region).sort()).toEqual(['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    expect(open.items.length).toBeGreaterThan(0);
    expect(new Set(open.items.map((i) => i.status))).toEqual(new Set(['Open', 'InProgress']));
    const all = await list('status=all');
    expect(all.items.length).toBeGreaterThan(open.items.length);
    expect(all.items.some((i) => i.status === 'Resolved')).toBe(true);

    const sev = await list('severity=1&severity=2');
    expect(sev.items.length).toBeGreaterThan(0);
    expect(sev.items.every((i) => ['1', '2'].includes(i.severity ?? ''))).toBe(true);
    expect(sev.items.length).toBe(open.items.filter((i) => ['1', '2'].includes(i.severity ?? '')).length);

    const withNode = open.items.find((i) => i.nodeIds.length)!;
    const byNode = await list(`node=${withNode.nodeIds[0]}&status=all`);
    expect(byNode.items.map((i) => i.id)).toContain(withNode.id);
    expect(byNode.items.every((i) => i.nodeIds.includes(withNode.nodeIds[0]))).toBe(true);

    const word = withNode.title.split(' ').find((w) => w.length > 5)!;
    const byTitle = await list(`title=${encodeURIComponent(word)}`);
    expect(byTitle.items.length).toBeGreaterThan(0);
    expect(byTitle.items.every((i) => i.title.includes(word))).toBe(true);
  });

  it('says which region is missing when one cannot be read, and still lists the others', async () => {
    mock.scenario.failRegions = ['eu-west-1'];
    const r = await list('refresh=1');
    mock.scenario.failRegions = [];
    expect(r.complete).toBe(false);
    const eu = r.regions.find((x) => x.region === 'eu-west-1')!;
    expect(eu.ok).toBe(false);
    expect(eu.error).toMatch(/DescribeOpsItems/);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.region !== 'eu-west-1')).toBe(true);
  });

  it('answers bad filters with a 400 that names them', async () => {
    const { GET } = await import('./route');
    const bad = async (q: string) => errorOf(await GET(new Request(`http://dash.test/api/ops-items?${q}`), undefined), 400);
    expect((await bad('status=Done')).message).toMatch(/status/);
    expect((await bad('severity=5')).message).toMatch(/severity/);
    expect((await bad('node=i-xyz')).message).toMatch(/node/);
    expect((await bad('createdAfter=yesterday')).message).toMatch(/createdAfter/);
    expect((await bad('colour=red')).message).toMatch(/unknown query parameter: colour/);
  });
});

describe('one OpsItem', () => {
  it('is a 400 for a malformed ID and a 404 for an unknown one', async () => {
    expect((await errorOf(await getRaw('oi-XYZ'), 400)).message).toMatch(/oi-.*12 hexadecimal/);
    expect((await errorOf(await getRaw('oi-0123456789ab'), 404)).code).toBe('OpsItemNotFound');
  });

  it('shows all operational data and its related nodes with their current state', async () => {
    const withNode = (await list()).items.find((i) => i.nodeIds.length)!;
    const d = await detail(withNode.id);
    expect(d.item).toMatchObject({ id: withNode.id, region: withNode.region, title: withNode.title });
    expect(d.item.description).toBeTruthy();
    expect(d.operationalData.length).toBeGreaterThan(0);
    const node = d.related.find((r) => r.nodeId === withNode.nodeIds[0])!;
    expect(node.node?.id).toBe(withNode.nodeIds[0]);
    expect(node.node?.ping).toBeTruthy();
    expect(d.settableStatuses).toEqual(['Open', 'InProgress', 'Resolved']);
  });
});

describe('creating OpsItems', () => {
  it('creates one from a node: the node is its related resource, the node page lists it, the audit has it', async () => {
    const node = await onlineNode();
    const res = await create(newItem({ from: { kind: 'node', nodeId: node.id } }));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.created).toHaveLength(1);
    const made = body.created[0];
    expect(made).toMatchObject({ region: node.region, deduplicated: false, nodeIds: [node.id] });
    expect(calls('CreateOpsItem')).toBe(1);

    const d = await detail(made.id);
    expect(d.item).toMatchObject({ title: 'Disk filling up on web tier', status: 'Open', severity: '2', priority: 2, category: 'Performance', source: 'ssm-fleet-dashboard', nodeIds: [node.id] });
    expect(d.related.map((r) => r.nodeId)).toEqual([node.id]);
    expect(d.related[0].uri).toMatch(new RegExp(`^arn:aws:ec2:${node.region}:\\d{12}:instance/${node.id}$`));
    expect(d.operationalData.find((e) => e.key === '/aws/dedup')?.value).toMatch(/dedupString/);
    expect(d.operationalData.find((e) => e.key === 'RequestedBy')?.value).toBe('demo-operator');

    // The node page and the table count it at once, without waiting for the next fleet refresh.
    const nodeDetail = await getNodeDetail(node.id);
    expect(nodeDetail?.opsItems.map((o) => o.id)).toContain(made.id);
    expect(nodeDetail?.node.openOpsItems).toBe(1);
    expect((await list(`node=${node.id}`)).items.map((i) => i.id)).toEqual([made.id]);

    const audit = queryAudit({ limit: 5, format: 'json' }).records.find((r) => r.action === 'opsitem:create')!;
    expect(audit).toMatchObject({ status: 'succeeded', actor: 'demo-operator', targets: [node.id], commandIds: [made.id] });
  });

  it('makes no second OpsItem when a creation is repeated: same key replays, a new key meets AWS deduplication', async () => {
    const node = await onlineNode(1);
    const req = newItem({ title: 'Agent restarts every hour', from: { kind: 'node', nodeId: node.id } });
    const key = freshKey();
    const first = await (await create(req, key)).json();
    const replay = await create(req, key);
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect(await replay.json()).toEqual(first);
    const again = await (await create(req)).json();
    expect(again.created[0]).toMatchObject({ id: first.created[0].id, deduplicated: true });
    expect(calls('CreateOpsItem')).toBe(1);
    const found = await list(`node=${node.id}&status=all`);
    expect(found.items.filter((i) => i.title === 'Agent restarts every hour')).toHaveLength(1);

    // Resolved no longer blocks: the same problem coming back is a new OpsItem.
    expect((await patch(first.created[0].id, { status: 'Resolved' })).status).toBe(200);
    const reopened = await (await create(req)).json();
    expect(reopened.created[0].deduplicated).toBe(false);
    expect(reopened.created[0].id).not.toBe(first.created[0].id);
  });

  it('makes one OpsItem whichever way AWS answers a deduplicated create (its ID, or OpsItemAlreadyExistsException)', async () => {
    const node = await onlineNode(2);
    const req = newItem({ title: 'Kernel panic loop', from: { kind: 'node', nodeId: node.id } });
    const first = (await (await create(req)).json()).created[0];
    // The dashboard cannot look for the open one first: AWS's answer to CreateOpsItem decides.
    mock.scenario.denyOperations = ['ssm:DescribeOpsItems'];
    mock.sim.opsCenter.dedup = 'already-exists';
    const viaError = (await (await create(req)).json()).created[0];
    expect(viaError).toMatchObject({ id: first.id, deduplicated: true });
    mock.sim.opsCenter.dedup = 'return-existing';
    const viaId = await create(req);
    expect(viaId.status).toBe(201);
    expect((await viaId.json()).created[0].id).toBe(first.id);
    mock.scenario.denyOperations = [];
    expect(calls('CreateOpsItem')).toBe(3);
    expect((await list(`node=${node.id}&status=all&refresh=1`)).items.filter((i) => i.title === 'Kernel panic loop')).toHaveLength(1);
  });

  it("passes AWS's quota refusal on as a 409 that names it, and audits the failure", async () => {
    mock.sim.opsCenter.openLimit = 0;
    const e = await errorOf(await create({ ...newItem({ title: 'Over quota' }), region: 'us-east-1' }), 409);
    mock.sim.opsCenter.openLimit = 10_000;
    expect(e.code).toBe('OpsItemLimitExceededException');
    expect(e.message).toMatch(/CreateOpsItem in us-east-1/);
    const audit = queryAudit({ limit: 1, format: 'json', action: 'opsitem:create' }).records[0];
    expect(audit).toMatchObject({ status: 'failed', errorCode: 'OpsItemLimitExceededException' });
  });

  it('refuses what AWS would refuse, with a 400 that names the rule, and sends nothing', async () => {
    const cases: [object, RegExp][] = [
      [{ title: '' }, /title must not be empty/],
      [{ title: 'x'.repeat(1025) }, /title must be at most 1024/],
      [{ description: 'd'.repeat(2049) }, /description must be at most 2048/],
      [{ source: 'aws-health' }, /source may not contain "aws"/],
      [{ source: 'AmazonInspector' }, /source may not contain/],
      [{ severity: '5' }, /severity must be "1", "2", "3" or "4"/],
      [{ priority: 6 }, /priority must be from 1 to 5/],
      [{ priority: 2.5 }, /whole number/],
      [{ category: 'Outage' }, /category must be one of Availability, Cost, Performance, Recovery, Security/],
      [{ operationalData: [{ key: '/aws/custom', value: 'x' }] }, /may not begin with amazon, aws, amzn or ssm/],
      [{ operationalData: [{ key: 'ssmThing', value: 'x' }] }, /may not begin with/],
      [{ operationalData: [{ key: 'Notes', value: 'n'.repeat(20 * 1024 + 1) }] }, /at most 20 KB/],
      [{ region: 'mars-1' }, /region/],
      [{ colour: 'red' }, /colour/],
    ];
    for (const [over, message] of cases) {
      const e = await errorOf(await create({ ...newItem(), region: 'us-east-1', ...over }), 400);
      expect(e.message, JSON.stringify(over)).toMatch(message);
    }
    expect(calls('CreateOpsItem')).toBe(0);
  });

  it('is refused in read-only mode and from another origin, with the refusal audited and nothing sent', async () => {
    process.env.DASHBOARD_MODE = 'read-only';
    const ro = await errorOf(await create({ ...newItem(), region: 'us-east-1' }), 403);
    expect(ro.code).toBe('ReadOnlyMode');
    process.env.DASHBOARD_MODE = 'operator';
    const cross = await errorOf(await create({ ...newItem(), region: 'us-east-1' }, freshKey(), { origin: 'https://evil.example' }), 403);
    expect(cross.code).toBe('BadOrigin');
    const node = (await list()).items[0];
    process.env.DASHBOARD_MODE = 'read-only';
    expect((await errorOf(await patch(node.id, { status: 'Resolved' }), 403)).code).toBe('ReadOnlyMode');
    expect(calls('CreateOpsItem') + calls('UpdateOpsItem')).toBe(0);
    const refused = queryAudit({ limit: 10, format: 'json', status: 'refused' }).records;
    expect(refused.map((r) => r.action).sort()).toEqual(['opsitem:create', 'opsitem:create', 'opsitem:update']);
  });
});
