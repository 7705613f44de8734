import { describe, expect, it } from 'vitest';
import { FleetDiagnosisSchema } from '@/lib/contracts/diagnosis';
import { diagnose } from './diagnose';
import { known } from './facts';
import { facts, instance, row, vpc, withoutProfile, SUBNET } from './fixtures';
import { groupFleet } from './group';

const d = (f: Parameters<typeof diagnose>[0]) => diagnose(f, { calls: { total: 0, byOperation: {} } });
const ids = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `i-0${prefix}${String(i).padStart(15, '0')}`);
const noRoute = vpc({ routeTables: known([{ id: 'rtb-0priv', main: false, subnetIds: [SUBNET, 'subnet-0b'], routes: [] }]), subnets: known([{ id: SUBNET, cidr: '10.0.1.0/24', az: 'us-east-1a' }, { id: 'subnet-0b', cidr: '10.0.2.0/24', az: 'us-east-1b' }, { id: 'subnet-0c', cidr: '10.0.3.0/24', az: 'us-east-1a' }]) });

describe('groupFleet', () => {
  it('one line per top cause and VPC, with every node and one fix for all of them', () => {
    const routeless = ids(23).map((id, i) => d(facts({ row: row({ id }), vpc: noRoute, instance: known(instance({ id, subnetId: [SUBNET, 'subnet-0b', 'subnet-0c'][i % 3] })) })));
    const profileless = ids(3, 'b').map((id) => d(withoutProfile(facts({ row: row({ id }), instance: known(instance({ id })) }), null)));
    const healthy = d(facts({ row: row({ id: 'i-0ccccccccccccccc1' }) }));
    const g = groupFleet([...routeless, ...profileless, healthy]);
    expect(g.groups.map((x) => [x.code, x.count, x.vpcId, x.region])).toEqual([
      ['no-instance-profile', 3, null, 'us-east-1'],
      ['no-route-to-ssm', 23, 'vpc-0aaa', 'us-east-1'],
    ]);
    const route = g.groups[1];
    expect(route.sentence).toBe('23 instances in vpc-0aaa have no route to SSM');
    expect(route.nodeIds).toHaveLength(23);
    // One endpoint per service, in one subnet per Availability Zone of the instances.
    expect(route.fix.text).toContain(`--subnet-ids ${SUBNET} subnet-0b `);
    expect(route.fix.text.match(/create-vpc-endpoint/g)).toHaveLength(1);
    expect(g.groups[0].sentence).toBe('3 instances in us-east-1 have no instance profile');
    expect(g.groups[0].fix.text).toContain(`for id in ${ids(3, 'b').join(' ')}; do`);
    expect(g.noCause).toEqual({ count: 1, nodeIds: ['i-0ccccccccccccccc1'] });
    expect(g.incomplete).toEqual([]);
  });

  it('lists nodes with unchecked steps and failed diagnoses', () => {
    const f = facts({ vpc: vpc({ nacls: { ok: false, action: 'ec2:DescribeNetworkAcls', denied: true, message: 'no' } }) });
    const g = groupFleet([d(f)], [{ nodeId: 'i-0ddddddddddddddd1', region: 'us-east-1', ping: 'NotManaged', unchecked: [], missingPermissions: [], error: 'boom' }]);
    expect(g.incomplete.map((n) => [n.nodeId, n.unchecked, n.missingPermissions, n.error])).toEqual([
      ['i-0ddddddddddddddd1', [], [], 'boom'],
      [f.row.id, ['network'], ['ec2:DescribeNetworkAcls'], null],
    ]);
    const dto = { checkedAt: '2025-01-01T00:00:00.000Z', fleetGeneratedAt: '2025-01-01T00:00:00.000Z', considered: 2, ...g, notDiagnosed: [], missingPermissions: [], calls: { total: 0, byOperation: {} }, durationMs: 1 };
    expect(FleetDiagnosisSchema.parse(dto)).toEqual(dto);
  });
});
