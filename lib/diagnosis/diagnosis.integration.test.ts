/**
 * The diagnosis through the real SDK against the simulated AWS, whose generator plants one misconfiguration behind every
 * node that is not Online (`sim.network.plantedCause`, the ground truth): the diagnosis must name it first, find nothing
 * wrong with Online nodes, report denied permissions as unchecked steps, and cost calls per VPC, not per instance.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CauseCode, NodeDiagnosis } from '@/lib/contracts/diagnosis';
import type { NodeRow } from '@/lib/contracts/node';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { installMockAws, TEST_REGIONS } from '@/lib/testing/mock-aws';
import type { PlantedCause } from '@/mocks/fleet-sim';
import { diagnoseFleet, diagnoseRows, DIAGNOSED_PINGS } from './fleet';
import { diagnoseNode } from './node';
import { resetDiagnosisCaches } from './reset';

const mock = installMockAws({ nodes: 300 });
beforeEach(() => resetDiagnosisCaches());

/** The simulated AWS's cause codes and the diagnosis's. */
const ENGINE_CODE: Record<PlantedCause, CauseCode> = {
  'instance-stopped': 'instance-not-running',
  'status-impaired': 'status-check-failed',
  'no-instance-profile': 'no-instance-profile',
  'role-missing-core-policy': 'role-missing-ssm-permissions',
  'no-route': 'no-route-to-ssm',
  'no-public-ip': 'no-public-ip-for-igw',
  'endpoint-sg-blocks-443': 'endpoint-sg-blocks-443',
  'instance-sg-blocks-443-egress': 'sg-egress-blocks-443',
  'nacl-blocks-ephemeral': 'nacl-blocks-ephemeral-in',
  'vpc-dns-disabled': 'vpc-dns-disabled',
  'agent-not-installed': 'agent-not-installed',
  'activation-limit-reached': 'activation-limit-reached',
  'activation-expired': 'activation-expired',
};

const planted = (r: NodeRow) => mock.sim.network.plantedCause(r.id);
const stepOf = (d: NodeDiagnosis, step: string) => d.steps.find((s) => s.step === step)!;

const HYBRID: PlantedCause[] = ['activation-limit-reached', 'activation-expired'];

/**
 * A node with this planted cause. The generator plants the hybrid causes only on hybrid nodes that lost their
 * connection, which a 300-node fleet may not have: then an Online hybrid node is made to lose it (pinging stops, its
 * activation expires or fills up), and put back after the test.
 */
async function nodeWith(cause: PlantedCause): Promise<NodeRow> {
  const row = (await getFleetSnapshot()).nodes.find((r) => planted(r) === cause);
  if (row) return row;
  if (!HYBRID.includes(cause)) throw new Error(`the simulated fleet has no node with ${cause}`);
  const online = (await getFleetSnapshot()).nodes.find((r) => r.id.startsWith('mi-') && r.ping === 'Online');
  const node = online && mock.sim.node(online.region, online.id);
  const activation = node?.ssm?.activationId ? mock.sim.network.region(online!.region)?.activations.find((a) => a.id === node.ssm!.activationId) : undefined;
  if (!node?.ssm || !activation) throw new Error('the simulated fleet has no Online hybrid node with an activation');
  const saved = { ssm: { ...node.ssm }, activation: { ...activation } };
  node.ssm.pingStatus = 'ConnectionLost';
  node.ssm.lastPingTime = mock.sim.clock.now() - 3_600_000;
  activation.expirationTime = mock.sim.clock.now() - 86_400_000;
  activation.registrationsCount = cause === 'activation-limit-reached' ? activation.registrationLimit : Math.min(activation.registrationsCount, activation.registrationLimit - 1);
  restore.push(() => {
    Object.assign(node.ssm!, saved.ssm);
    Object.assign(activation, saved.activation);
  });
  return (await getFleetSnapshot({ refresh: true })).byId.get(online!.id)!.row;
}
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

describe('planted misconfigurations', () => {
  it('the fleet view names every node’s planted cause as its top cause', async () => {
    const snap = await getFleetSnapshot();
    const fleet = await diagnoseFleet();
    const diagnosedRows = snap.nodes.filter((r) => DIAGNOSED_PINGS.has(r.ping));
    expect(fleet.considered).toBe(diagnosedRows.length);
    const top = new Map(fleet.groups.flatMap((g) => g.nodeIds.map((id) => [id, g.code] as const)));
    const wrong = diagnosedRows.filter((r) => top.get(r.id) !== ENGINE_CODE[planted(r)!]).map((r) => `${r.id} (${r.ping}): planted ${planted(r)}, diagnosed ${top.get(r.id) ?? 'no cause'}`);
    expect(wrong).toEqual([]);
    // Every kind of EC2 misconfiguration is in the simulated fleet (hybrid ones may not be: see nodeWith).
    const kinds = new Set(diagnosedRows.map((r) => planted(r)));
    expect(Object.keys(ENGINE_CODE).filter((c) => !kinds.has(c as PlantedCause) && !HYBRID.includes(c as PlantedCause))).toEqual([]);
    expect(fleet.noCause.count).toBe(0);
    expect(fleet.incomplete).toEqual([]);
    expect(fleet.missingPermissions).toEqual([]);
    for (const g of fleet.groups) {
      expect(g.sentence).toMatch(/^\d+ (hybrid nodes?|instances?) in (vpc-|[a-z]{2}-)/);
      expect(g.fix.text.length).toBeGreaterThan(10);
    }
  });

  it.each(Object.keys(ENGINE_CODE) as PlantedCause[])('one node at a time: %s comes first, with evidence and a fix', async (cause) => {
    const row = await nodeWith(cause);
    const d = await diagnoseNode(row.id);
    expect(d.causes[0]).toMatchObject({ rank: 1, code: ENGINE_CODE[cause] });
    expect(d.causes[0].evidence.length).toBeGreaterThan(0);
    expect(d.causes[0].fix.text).not.toBe('');
    expect(d.steps.map((s) => s.step)).toEqual(['ec2', 'iam', 'network', 'agent', 'hybrid']);
    expect(d.missingPermissions).toEqual([]);
  });
});

describe('healthy nodes', () => {
  it('no Online node has a cause', async () => {
    const snap = await getFleetSnapshot();
    const online = snap.nodes.filter((r) => r.ping === 'Online');
    expect(online.length).toBeGreaterThan(100);
    const batch = await diagnoseRows(snap, online);
    const withCauses = batch.diagnosed.filter((d) => d.dto.causes.length).map((d) => `${d.dto.nodeId}: ${d.dto.causes.map((c) => c.code).join(', ')}`);
    expect(withCauses).toEqual([]);
    expect(batch.diagnosed.every((d) => d.dto.noCauseFound?.startsWith('Nothing wrong found.'))).toBe(true);
  });

  it('one healthy EC2 node: every step passes or is skipped', async () => {
    const row = (await getFleetSnapshot()).nodes.find((r) => r.ping === 'Online' && r.id.startsWith('i-'))!;
    const d = await diagnoseNode(row.id);
    expect(d.causes).toEqual([]);
    expect(d.steps.map((s) => s.status).every((s) => s === 'pass' || s === 'skipped')).toBe(true);
  });
});

describe('diagnoseNode', () => {
  it('refuses a malformed ID and says when no region has the node', async () => {
    await expect(diagnoseNode('i-nope')).rejects.toMatchObject({ kind: 'invalid', code: 'InvalidNodeId' });
    await expect(diagnoseNode('i-0fffffffffffffff0')).rejects.toMatchObject({ kind: 'not-found', code: 'NodeNotFound' });
  });

  it('counts the calls it made; refresh reads the facts again', async () => {
    const row = await nodeWith('no-route');
    const first = await diagnoseNode(row.id);
    expect(first.calls.total).toBeGreaterThan(0);
    expect(first.calls.byOperation['ec2:DescribeRouteTables']).toBe(1);
    expect((await diagnoseNode(row.id)).calls.total).toBe(0);
    expect((await diagnoseNode(row.id, { refresh: true })).calls.total).toBe(first.calls.total);
  });
});

describe('missing permissions', () => {
  it('IAM denied: the instance profile step is unchecked and names the action; no cause from it', async () => {
    const row = await nodeWith('role-missing-core-policy');
    mock.scenario.denyOperations = ['iam:*'];
    const d = await diagnoseNode(row.id);
    expect(stepOf(d, 'iam')).toMatchObject({ status: 'unchecked', missingPermissions: ['iam:GetInstanceProfile'] });
    expect(d.causes.map((c) => c.step)).not.toContain('iam');
    expect(d.missingPermissions).toEqual(['iam:GetInstanceProfile']);
  });

  it('ssm:GetServiceSetting denied: whether DHMC covers a profileless instance is unchecked', async () => {
    const row = await nodeWith('no-instance-profile');
    mock.scenario.denyOperations = ['ssm:GetServiceSetting'];
    const d = await diagnoseNode(row.id);
    expect(stepOf(d, 'iam')).toMatchObject({ status: 'unchecked', missingPermissions: ['ssm:GetServiceSetting'] });
    expect(d.causes[0]).toMatchObject({ code: 'no-instance-profile', confidence: 'medium' });
  });

  it('ssm:DescribeActivations denied: the hybrid step is unchecked', async () => {
    const row = await nodeWith('activation-expired');
    mock.scenario.denyOperations = ['ssm:DescribeActivations'];
    const d = await diagnoseNode(row.id);
    expect(stepOf(d, 'hybrid')).toMatchObject({ status: 'unchecked', missingPermissions: ['ssm:DescribeActivations'] });
    expect(d.causes).toEqual([]);
  });

  it('EC2 network reads denied: the network step is unchecked, no network cause', async () => {
    const row = await nodeWith('no-route');
    mock.scenario.denyOperations = ['ec2:DescribeRouteTables', 'ec2:DescribeNetworkAcls'];
    const d = await diagnoseNode(row.id);
    expect(stepOf(d, 'network')).toMatchObject({ status: 'unchecked', missingPermissions: ['ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables'] });
    expect(d.causes.filter((c) => c.step === 'network')).toEqual([]);
  });

  it('the fleet view lists the nodes it could not fully check', async () => {
    await getFleetSnapshot();
    mock.scenario.denyOperations = ['iam:*'];
    const fleet = await diagnoseFleet();
    expect(fleet.missingPermissions).toContain('iam:GetInstanceProfile');
    expect(fleet.incomplete.length).toBeGreaterThan(0);
    expect(fleet.incomplete.every((n) => n.unchecked.includes('iam'))).toBe(true);
  });
});

describe('AWS calls', () => {
  it('costs calls per region, VPC and role, not per instance; a second look costs none', async () => {
    const snap = await getFleetSnapshot();
    mock.stats.reset();
    const fleet = await diagnoseFleet();
    const calls = mock.stats.snapshot().byOperation;
    const rows = snap.nodes.filter((r) => DIAGNOSED_PINGS.has(r.ping));
    const ec2 = rows.filter((r) => r.id.startsWith('i-'));
    const regions = TEST_REGIONS.length;
    const vpcs = new Set(ec2.map((r) => `${r.region}|${r.vpcId}`)).size;
    const perRegion = Math.max(...TEST_REGIONS.map((g) => ec2.filter((r) => r.region === g).length));
    expect(perRegion).toBeLessThanOrEqual(100); // one batch per region below
    for (const op of ['DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls', 'DescribeInstances', 'DescribeInstanceStatus', 'DescribeIamInstanceProfileAssociations']) {
      expect(calls[`ec2:${op}`], op).toBe(regions);
    }
    expect(calls['ec2:DescribeVpcAttribute']).toBe(2 * vpcs);
    const { iam } = mock.sim.network;
    const roles = iam.roles.size;
    const inline = [...iam.roles.values()].reduce((n, r) => n + r.inlinePolicies.size, 0);
    const iamCalls = Object.entries(calls).filter(([op]) => op.startsWith('iam:')).reduce((n, [, c]) => n + c, 0);
    expect(iamCalls).toBeLessThanOrEqual(iam.profiles.size + 2 * roles + inline);
    const bound = regions * (9 + 2 + 1) + 2 * vpcs + iam.profiles.size + 2 * roles + inline;
    expect(fleet.calls.total).toBe(mock.stats.snapshot().total);
    expect(fleet.calls.total).toBeLessThanOrEqual(bound);
    mock.stats.reset();
    const again = await diagnoseFleet();
    expect(again.calls.total).toBe(0);
    expect((await diagnoseNode(rows[0].id)).calls.total).toBe(0);
  });
});
