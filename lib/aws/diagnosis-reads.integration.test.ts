/**
 * The diagnosis's gateway reads (EC2 network, IAM, SSM settings) through the real SDK against the simulated AWS:
 * the fields arrive (a wrong wire shape parses to empty with no error), page sizes are within the model's ranges,
 * filters batch by VPC and instance, and "not found" answers are null rather than errors.
 */
import { describe, expect, it } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { regionFleet } from '@/mocks/fleet-sim';
import type { AwsScope } from './scope';
import { describeVpcs } from './ec2/describe-vpcs';
import { describeVpcAttribute } from './ec2/describe-vpc-attribute';
import { describeSubnets } from './ec2/describe-subnets';
import { describeRouteTables } from './ec2/describe-route-tables';
import { describeVpcEndpoints } from './ec2/describe-vpc-endpoints';
import { describeSecurityGroups } from './ec2/describe-security-groups';
import { describeNetworkAcls } from './ec2/describe-network-acls';
import { describeInstanceStatus } from './ec2/describe-instance-status';
import { describeInstancesByFilter } from './ec2/describe-instances-by-filter';
import { describeIamInstanceProfileAssociations } from './ec2/describe-iam-instance-profile-associations';
import { getInstanceProfile } from './iam/get-instance-profile';
import { listAttachedRolePolicies } from './iam/list-attached-role-policies';
import { listRolePolicies } from './iam/list-role-policies';
import { getRolePolicy } from './iam/get-role-policy';
import { getServiceSetting, DHMC_SETTING_ID } from './ssm/get-service-setting';
import { listActivations } from './ssm/describe-activations';

const mock = installMockAws({ nodes: 120, regions: ['us-east-1'] });
const scope: AwsScope = { account: '', region: 'us-east-1' };
const net = () => mock.sim.network.region(scope.region)!;

describe('EC2 network reads', () => {
  it('every VPC-scoped listing answers what the simulated region holds, one call each for all its VPCs', async () => {
    const vpcIds = net().vpcs.map((v) => v.id);
    const [vpcs, subnets, tables, endpoints, groups, acls] = await Promise.all([
      describeVpcs(scope, vpcIds), describeSubnets(scope, vpcIds), describeRouteTables(scope, vpcIds),
      describeVpcEndpoints(scope, vpcIds), describeSecurityGroups(scope, vpcIds), describeNetworkAcls(scope, vpcIds),
    ]);
    expect(vpcs.map((v) => v.VpcId).sort()).toEqual([...vpcIds].sort());
    expect(vpcs.every((v) => v.CidrBlock && (v.CidrBlockAssociationSet ?? []).length > 0)).toBe(true);
    expect(subnets).toHaveLength(net().subnets.length);
    expect(subnets.every((s) => s.SubnetId && s.CidrBlock && s.VpcId && s.AvailabilityZone)).toBe(true);
    expect(tables).toHaveLength(net().routeTables.length);
    expect(tables.some((t) => t.Associations?.some((a) => a.Main))).toBe(true);
    expect(tables.some((t) => t.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && (r.NatGatewayId || r.GatewayId?.startsWith('igw-'))))).toBe(true);
    expect(tables.some((t) => t.Routes?.some((r) => r.State === 'blackhole'))).toBe(true);
    const iface = endpoints.filter((e) => e.VpcEndpointType === 'Interface');
    expect(iface.length).toBeGreaterThan(0);
    expect(iface.every((e) => e.ServiceName && e.SubnetIds?.length && e.Groups?.[0]?.GroupId && typeof e.PrivateDnsEnabled === 'boolean' && e.State)).toBe(true);
    expect(groups).toHaveLength(net().securityGroups.length);
    expect(groups.some((g) => g.IpPermissionsEgress?.some((p) => p.IpProtocol === '-1' && p.IpRanges?.[0]?.CidrIp === '0.0.0.0/0'))).toBe(true);
    expect(groups.some((g) => g.IpPermissions?.some((p) => p.UserIdGroupPairs?.[0]?.GroupId))).toBe(true);
    expect(acls).toHaveLength(net().networkAcls.length);
    expect(acls.every((a) => a.Entries?.some((e) => e.RuleNumber === 32767 && e.RuleAction === 'deny'))).toBe(true);
    expect(acls.some((a) => a.Entries?.some((e) => e.PortRange?.From === 443))).toBe(true);
    const calls = mock.stats.snapshot().byOperation;
    for (const op of ['DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls']) expect(calls[`ec2:${op}`], op).toBe(1);
  });

  it('DNS attributes, one VPC and attribute a call', async () => {
    const v = net().vpcs[0];
    expect(await describeVpcAttribute(scope, v.id, 'enableDnsSupport')).toBe(v.enableDnsSupport);
    expect(await describeVpcAttribute(scope, v.id, 'enableDnsHostnames')).toBe(v.enableDnsHostnames);
  });

  it('instances, status checks and profile associations by ID, in batches; unknown IDs are left out', async () => {
    const ids = regionFleet(mock.sim.store, scope.region).nodes.filter((n) => n.ec2).map((n) => n.id);
    const gone = 'i-0fffffffffffffff0';
    const [instances, statuses, assocs] = await Promise.all([
      describeInstancesByFilter(scope, [...ids, gone]),
      describeInstanceStatus(scope, [...ids, gone]),
      describeIamInstanceProfileAssociations(scope, ids),
    ]);
    expect(instances.map((i) => i.InstanceId).sort()).toEqual([...ids].sort());
    expect(instances.every((i) => i.SubnetId && i.SecurityGroups?.[0]?.GroupId && i.PrivateIpAddress)).toBe(true);
    expect(statuses.map((s) => s.InstanceId).sort()).toEqual([...ids].sort());
    expect(statuses.some((s) => s.InstanceState?.Name === 'stopped')).toBe(true);
    expect(statuses.every((s) => s.InstanceState?.Name !== 'running' || s.InstanceStatus?.Status)).toBe(true);
    expect(assocs.length).toBeGreaterThan(0);
    expect(assocs.every((a) => a.InstanceId && a.IamInstanceProfile?.Arn && a.State)).toBe(true);
    const calls = mock.stats.snapshot().byOperation;
    expect(calls['ec2:DescribeInstanceStatus']).toBeGreaterThanOrEqual(Math.ceil((ids.length + 1) / 100));
    expect(calls['ec2:DescribeInstances']).toBe(Math.ceil((ids.length + 1) / 200));
  });
});

describe('IAM and SSM reads', () => {
  it('a profile with its role, the role’s policies (inline ones decoded); an unknown profile is null', async () => {
    const role = [...mock.sim.network.iam.roles.values()].find((r) => r.inlinePolicies.size > 0)!;
    const profile = [...mock.sim.network.iam.profiles.values()].find((p) => p.roleNames.includes(role.name))!;
    const p = await getInstanceProfile(scope, profile.name);
    expect(p?.Roles?.[0]?.RoleName).toBe(role.name);
    expect(await getInstanceProfile(scope, 'no-such-profile')).toBeNull();
    expect((await listAttachedRolePolicies(scope, role.name)).map((a) => a.PolicyArn)).toEqual(role.attachedPolicies);
    const names = await listRolePolicies(scope, role.name);
    expect(names.sort()).toEqual([...role.inlinePolicies.keys()].sort());
    expect(JSON.parse((await getRolePolicy(scope, role.name, names[0]))!)).toEqual(JSON.parse(role.inlinePolicies.get(names[0])!));
  });

  it('the DHMC setting and the activations', async () => {
    const s = await getServiceSetting(scope, DHMC_SETTING_ID);
    expect(s?.SettingValue).toBe(net().dhmcRole ?? '$None');
    const acts = await listActivations(scope);
    expect(acts).toHaveLength(net().activations.length);
    expect(acts.every((a) => a.ActivationId && a.ExpirationDate instanceof Date && typeof a.Expired === 'boolean' && typeof a.RegistrationLimit === 'number')).toBe(true);
  });
});
