import {
  DescribeIamInstanceProfileAssociationsCommand, DescribeInstanceStatusCommand, DescribeInstancesCommand, DescribeNetworkAclsCommand, DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcAttributeCommand, DescribeVpcEndpointsCommand, DescribeVpcsCommand, EC2Client,
  paginateDescribeIamInstanceProfileAssociations, paginateDescribeInstanceStatus, paginateDescribeSubnets, paginateDescribeVpcs, type InstanceStatus, type Subnet,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { network as net, type RegionNetwork, type SimNode } from '../../fleet-sim';
import { defaultScenario } from '../../scenarios';
import { FAKE_CREDENTIALS, checkEveryExchange, errorOf, startContractMock } from './harness';

let mock: ReturnType<typeof startContractMock>;
const client = new EC2Client({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const region = () => mock.sim.network.region('us-east-1') as RegionNetwork;
const vpcNamed = (name: string) => region().vpcs.find((v) => v.name === name) as RegionNetwork['vpcs'][number];
const ec2Nodes = () => [...mock.sim.store.byId.values()].filter((n): n is SimNode & { ec2: NonNullable<SimNode['ec2']> } => n.region === 'us-east-1' && !!n.ec2);
const planted = (cause: string) => ec2Nodes().filter((n) => mock.sim.network.plantedCause(n.id) === cause);

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 23 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
checkEveryExchange(() => mock);

describe('ec2 DescribeVpcs / DescribeVpcAttribute', () => {
  it('lists the region\'s VPCs with their CIDR blocks, default flag and Name tags, page by page', async () => {
    const all = [];
    let pages = 0;
    for await (const page of paginateDescribeVpcs({ client, pageSize: 5 }, {})) {
      pages++;
      all.push(...(page.Vpcs ?? []));
    }
    expect(pages).toBe(2);
    expect(all.map((v) => v.VpcId)).toEqual(region().vpcs.map((v) => v.id));
    const prod = all.find((v) => v.Tags?.some((t) => t.Key === 'Name' && t.Value === 'prod-vpc'));
    expect(prod).toMatchObject({ CidrBlock: '10.10.0.0/16', IsDefault: false, State: 'available', InstanceTenancy: 'default', OwnerId: mock.sim.accountId });
    expect(prod?.CidrBlockAssociationSet?.[0]).toMatchObject({ CidrBlock: '10.10.0.0/16', CidrBlockState: { State: 'associated' } });
    expect(all.filter((v) => v.IsDefault).map((v) => v.CidrBlock)).toEqual(['172.31.0.0/16']);
    const byFilter = await client.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['legacy-*'] }, { Name: 'is-default', Values: ['false'] }] }));
    expect(byFilter.Vpcs?.map((v) => v.VpcId)).toEqual([vpcNamed('legacy-vpc').id]);
  });

  it('answers enableDnsSupport and enableDnsHostnames as the VPC has them', async () => {
    for (const v of region().vpcs) {
      const support = await client.send(new DescribeVpcAttributeCommand({ VpcId: v.id, Attribute: 'enableDnsSupport' }));
      const hostnames = await client.send(new DescribeVpcAttributeCommand({ VpcId: v.id, Attribute: 'enableDnsHostnames' }));
      expect(support).toMatchObject({ VpcId: v.id, EnableDnsSupport: { Value: v.enableDnsSupport } });
      expect(support.EnableDnsHostnames).toBeUndefined();
      expect(hostnames.EnableDnsHostnames?.Value).toBe(v.enableDnsHostnames);
    }
    expect(vpcNamed('legacy-vpc').enableDnsHostnames).toBe(false);
  });

  it('reports unknown and malformed IDs and bad page sizes as EC2 does', async () => {
    const missing = await errorOf(client.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })));
    expect(missing.name).toBe('InvalidVpcID.NotFound');
    expect(missing.message).toBe("The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expect((await errorOf(client.send(new DescribeVpcsCommand({ VpcIds: ['vpc-1'] })))).name).toBe('InvalidVpcID.Malformed');
    expect((await errorOf(client.send(new DescribeVpcsCommand({ MaxResults: 4 })))).name).toBe('InvalidParameterValue');
    expect((await errorOf(client.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })))).message).toBe("The filter 'colour' is invalid");
    expect((await errorOf(client.send(new DescribeVpcAttributeCommand({ VpcId: 'vpc-0123456789abcdef0', Attribute: 'enableDnsSupport' })))).name).toBe('InvalidVpcID.NotFound');
    expect((await errorOf(client.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: 'bm90LWEtdG9rZW4=' })))).name).toBe('InvalidPaginationToken');
  });
});

describe('ec2 DescribeSubnets / DescribeRouteTables', () => {
  it('gives every subnet its VPC, AZ (and AZ ID), CIDR, free addresses and public-IP flag; every instance sits in one', async () => {
    const subnets: Subnet[] = [];
    for await (const page of paginateDescribeSubnets({ client, pageSize: 6 }, {})) subnets.push(...(page.Subnets ?? []));
    expect(subnets.map((s) => s.SubnetId)).toEqual(region().subnets.map((s) => s.id));
    for (const s of subnets) {
      expect(s.CidrBlock).toMatch(/^(10|172)\.\d+\.\d+\.\d+\/(1[6-9]|2[0-8])$/);
      expect(s.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);
      expect(s.AvailabilityZoneId).toMatch(/^use1-az\d$/);
      expect(s.AvailableIpAddressCount).toBeGreaterThan(0);
      expect(s.SubnetArn).toBe(`arn:aws:ec2:us-east-1:${mock.sim.accountId}:subnet/${s.SubnetId}`);
    }
    const byId = new Map(subnets.map((s) => [s.SubnetId, s]));
    for (const n of ec2Nodes()) {
      const s = byId.get(n.ec2.subnetId) as Subnet;
      expect(s.VpcId).toBe(n.ec2.vpcId);
      expect(net.cidrContains(s.CidrBlock as string, n.ec2.privateIp)).toBe(true);
    }
    const legacy = await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcNamed('legacy-vpc').id] }] }));
    expect(legacy.Subnets).toHaveLength(2);
    expect((await errorOf(client.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })))).name).toBe('InvalidSubnetID.NotFound');
  });

  it('finds a subnet\'s route table by association, else the VPC\'s main table (association.main), with its NAT, gateway and blackhole routes', async () => {
    const privateNode = ec2Nodes().find((n) => n.ec2.vpcId === vpcNamed('prod-vpc').id && mock.sim.network.plantedCause(n.id) === null && !n.ec2.publicIp) as SimNode;
    const explicit = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [privateNode.ec2?.subnetId as string] }] }));
    expect(explicit.RouteTables).toHaveLength(1);
    const routes = explicit.RouteTables?.[0].Routes ?? [];
    expect(routes[0]).toMatchObject({ DestinationCidrBlock: '10.10.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
    expect(routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toMatchObject({ NatGatewayId: expect.stringMatching(/^nat-/), State: 'active', Origin: 'CreateRoute' });
    expect(routes.find((r) => r.DestinationPrefixListId)).toMatchObject({ GatewayId: expect.stringMatching(/^vpce-/) });
    expect(explicit.RouteTables?.[0].Associations?.find((a) => a.SubnetId === privateNode.ec2?.subnetId)).toMatchObject({ Main: false, AssociationState: { State: 'associated' } });

    const shared = vpcNamed('shared-services-vpc');
    const sharedSubnet = region().subnets.find((s) => s.vpcId === shared.id) as RegionNetwork['subnets'][number];
    const none = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [sharedSubnet.id] }] }));
    expect(none.RouteTables).toEqual([]);
    const main = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [shared.id] }, { Name: 'association.main', Values: ['true'] }] }));
    expect(main.RouteTables).toHaveLength(1);
    expect(main.RouteTables?.[0].Associations).toEqual([expect.objectContaining({ Main: true })]);
    expect(main.RouteTables?.[0].Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toBe(false);

    const batch = planted('no-route').find((n) => n.ec2.vpcId === vpcNamed('prod-vpc').id) as SimNode;
    const blackhole = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [batch.ec2?.subnetId as string] }] }));
    expect(blackhole.RouteTables?.[0].Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toMatchObject({ State: 'blackhole', NatGatewayId: expect.stringMatching(/^nat-/) });
    expect((await errorOf(client.send(new DescribeRouteTablesCommand({ MaxResults: 101 })))).name).toBe('InvalidParameterValue');
    const paged = await client.send(new DescribeRouteTablesCommand({ MaxResults: 5 }));
    expect(paged.RouteTables).toHaveLength(5);
    expect(paged.NextToken).toBeDefined();
  });
});

describe('ec2 DescribeVpcEndpoints / DescribeSecurityGroups / DescribeNetworkAcls', () => {
  it('lists the SSM interface endpoints of a VPC with subnets, groups, private DNS and DNS names', async () => {
    const vpc = vpcNamed('analytics-vpc');
    const out = await client.send(new DescribeVpcEndpointsCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpc.id] }, { Name: 'vpc-endpoint-type', Values: ['Interface'] }, { Name: 'service-name', Values: net.SSM_ENDPOINT_SERVICES.map((s) => `com.amazonaws.us-east-1.${s}`) }],
    }));
    expect(out.VpcEndpoints?.map((e) => e.ServiceName)).toEqual(['com.amazonaws.us-east-1.ssm', 'com.amazonaws.us-east-1.ssmmessages', 'com.amazonaws.us-east-1.ec2messages']);
    for (const e of out.VpcEndpoints ?? []) {
      expect(e).toMatchObject({ VpcId: vpc.id, VpcEndpointType: 'Interface', State: 'available', PrivateDnsEnabled: true, IpAddressType: 'ipv4', RequesterManaged: false });
      expect(e.SubnetIds).toHaveLength(2);
      expect(e.NetworkInterfaceIds).toHaveLength(2);
      expect(e.Groups).toEqual([{ GroupId: expect.stringMatching(/^sg-/), GroupName: 'analytics-vpce' }]);
      expect(e.DnsEntries?.map((d) => d.DnsName)).toContain(`${(e.ServiceName as string).split('.').pop()}.us-east-1.amazonaws.com`);
      expect(e.CreationTimestamp).toBeInstanceOf(Date);
    }
    const gateways = await client.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-endpoint-type', Values: ['Gateway'] }] }));
    expect(gateways.VpcEndpoints?.every((e) => e.ServiceName === 'com.amazonaws.us-east-1.s3' && (e.RouteTableIds?.length ?? 0) > 0)).toBe(true);
    expect((await errorOf(client.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ['vpce-0123456789abcdef0'] })))).name).toBe('InvalidVpcEndpointId.NotFound');
  });

  it('gives security groups their ingress and egress rules: ports, CIDRs and referenced groups', async () => {
    const endpointGroup = region().securityGroups.find((g) => g.name === 'analytics-vpce') as RegionNetwork['securityGroups'][number];
    const locked = region().securityGroups.find((g) => g.name === 'prod-db-locked-down') as RegionNetwork['securityGroups'][number];
    const out = await client.send(new DescribeSecurityGroupsCommand({ GroupIds: [endpointGroup.id, locked.id] }));
    const [vpce, db] = [endpointGroup, locked].map((g) => out.SecurityGroups?.find((x) => x.GroupId === g.id));
    expect(vpce?.IpPermissions).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.12.0.0/16', Description: 'HTTP from the VPC' }] }),
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [], UserIdGroupPairs: [expect.objectContaining({ GroupId: expect.stringMatching(/^sg-/), UserId: mock.sim.accountId })] }),
    ]);
    expect(vpce?.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })]);
    expect(db?.IpPermissionsEgress?.map((p) => [p.IpProtocol, p.FromPort])).toEqual([['tcp', 5432], ['tcp', 6379], ['udp', 53]]);
    expect(db).toMatchObject({ GroupName: 'prod-db-locked-down', VpcId: vpcNamed('prod-vpc').id, Description: expect.any(String), OwnerId: mock.sim.accountId });
    const named = await client.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
    expect(named.SecurityGroups).toHaveLength(region().vpcs.length);
    const byDefaultName = await client.send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
    expect(byDefaultName.SecurityGroups?.map((g) => g.VpcId)).toEqual([region().vpcs.find((v) => v.isDefault)?.id]);
    expect((await errorOf(client.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0123456789abcdef0'] })))).name).toBe('InvalidGroup.NotFound');
  });

  it('gives network ACLs their entries (rule number, action, direction, ports) and subnet associations', async () => {
    const node = planted('nacl-blocks-ephemeral')[0];
    const out = await client.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [node.ec2.subnetId] }] }));
    expect(out.NetworkAcls).toHaveLength(1);
    const acl = out.NetworkAcls?.[0];
    expect(acl?.IsDefault).toBe(false);
    expect(acl?.Associations).toEqual([expect.objectContaining({ SubnetId: node.ec2.subnetId, NetworkAclAssociationId: expect.stringMatching(/^aclassoc-/) })]);
    const inbound = acl?.Entries?.filter((e) => !e.Egress) ?? [];
    expect(inbound[0]).toMatchObject({ RuleNumber: 100, Protocol: '6', RuleAction: 'allow', PortRange: { From: 443, To: 443 } });
    expect(inbound.at(-1)).toMatchObject({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' });
    expect(inbound.some((e) => e.RuleAction === 'allow' && (e.PortRange?.To ?? 0) >= 32768)).toBe(false);
    const defaults = await client.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'default', Values: ['true'] }] }));
    expect(defaults.NetworkAcls).toHaveLength(region().vpcs.length);
    expect(defaults.NetworkAcls?.[0].Entries).toEqual(expect.arrayContaining([expect.objectContaining({ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true })]));
  });
});

describe('ec2 DescribeInstanceStatus / DescribeIamInstanceProfileAssociations', () => {
  it('answers running instances by default and every instance with IncludeAllInstances; impaired checks where planted', async () => {
    const statuses: InstanceStatus[] = [];
    for await (const page of paginateDescribeInstanceStatus({ client, pageSize: 200 }, { IncludeAllInstances: true })) statuses.push(...(page.InstanceStatuses ?? []));
    expect(statuses.map((s) => s.InstanceId)).toEqual(ec2Nodes().map((n) => n.id));
    const running = await client.send(new DescribeInstanceStatusCommand({ MaxResults: 1000 }));
    expect(running.InstanceStatuses?.length).toBe(ec2Nodes().filter((n) => n.ec2.state === 'running').length);
    for (const s of statuses) {
      const n = mock.sim.store.byId.get(s.InstanceId as string) as SimNode;
      expect(s.InstanceState).toEqual({ Code: n.ec2?.state === 'running' ? 16 : 80, Name: n.ec2?.state });
      expect(s.AvailabilityZone).toBe(n.ec2?.availabilityZone);
      if (n.ec2?.state === 'stopped') {
        expect(s.InstanceStatus).toEqual({ Status: 'not-applicable' });
        continue;
      }
      const impaired = mock.sim.network.plantedCause(n.id) === 'status-impaired';
      expect(s.InstanceStatus?.Status).toBe(impaired ? 'impaired' : 'ok');
      expect(s.InstanceStatus?.Details?.[0]).toMatchObject({ Name: 'reachability', Status: impaired ? 'failed' : 'passed' });
      if (impaired) expect(s.InstanceStatus?.Details?.[0].ImpairedSince).toBeInstanceOf(Date);
    }
    const filtered = await client.send(new DescribeInstanceStatusCommand({ Filters: [{ Name: 'instance-status.status', Values: ['impaired'] }] }));
    expect(filtered.InstanceStatuses?.map((s) => s.InstanceId).sort()).toEqual(planted('status-impaired').map((n) => n.id).sort());
    expect(statuses.some((s) => s.SystemStatus?.Status === 'impaired' && s.Events?.[0]?.Code === 'instance-retirement')).toBe(true);
    const stopped = planted('instance-stopped')[0];
    const byId = await client.send(new DescribeInstanceStatusCommand({ InstanceIds: [stopped.id] }));
    expect(byId.InstanceStatuses).toEqual([]);
    const byIdAll = await client.send(new DescribeInstanceStatusCommand({ InstanceIds: [stopped.id], IncludeAllInstances: true }));
    expect(byIdAll.InstanceStatuses?.[0].InstanceState?.Name).toBe('stopped');
    expect((await errorOf(client.send(new DescribeInstanceStatusCommand({ InstanceIds: [stopped.id], MaxResults: 5 })))).name).toBe('InvalidParameterCombination');
    expect((await errorOf(client.send(new DescribeInstanceStatusCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).name).toBe('InvalidInstanceID.NotFound');
  });

  it('lists an association for every instance with a profile, by instance or association ID', async () => {
    const all = [];
    for await (const page of paginateDescribeIamInstanceProfileAssociations({ client, pageSize: 300 }, {})) all.push(...(page.IamInstanceProfileAssociations ?? []));
    const withProfile = ec2Nodes().filter((n) => n.ec2.iamInstanceProfile);
    expect(all.map((a) => a.InstanceId)).toEqual(withProfile.map((n) => n.id));
    for (const a of all) {
      const n = mock.sim.store.byId.get(a.InstanceId as string) as SimNode;
      expect(a).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: n.ec2?.iamInstanceProfile?.arn, Id: n.ec2?.iamInstanceProfile?.id } });
      expect(a.AssociationId).toMatch(/^iip-assoc-0[0-9a-f]{16}$/);
      expect(a.Timestamp).toBeInstanceOf(Date);
    }
    const noProfile = planted('no-instance-profile')[0];
    const none = await client.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters: [{ Name: 'instance-id', Values: [noProfile.id] }] }));
    expect(none.IamInstanceProfileAssociations).toEqual([]);
    const one = await client.send(new DescribeIamInstanceProfileAssociationsCommand({ AssociationIds: [all[0].AssociationId as string] }));
    expect(one.IamInstanceProfileAssociations?.map((a) => a.InstanceId)).toEqual([all[0].InstanceId]);
    expect((await errorOf(client.send(new DescribeIamInstanceProfileAssociationsCommand({ AssociationIds: ['iip-assoc-0123456789abcdef0'] })))).name).toBe('InvalidAssociationID.NotFound');
  });

  it('describes instances with the subnet, VPC, security group, profile and public IP of the network model', async () => {
    const { Reservations = [] } = await client.send(new DescribeInstancesCommand({}));
    const groups = new Map(region().securityGroups.map((g) => [g.id, g]));
    for (const i of Reservations.flatMap((r) => r.Instances ?? [])) {
      const n = mock.sim.store.byId.get(i.InstanceId as string) as SimNode;
      const subnet = region().subnets.find((s) => s.id === i.SubnetId);
      expect(subnet?.vpcId).toBe(i.VpcId);
      expect(i.SecurityGroups).toEqual([{ GroupId: n.ec2?.securityGroup.id, GroupName: groups.get(n.ec2?.securityGroup.id ?? '')?.name }]);
      expect(groups.get(i.SecurityGroups?.[0].GroupId ?? '')?.vpcId).toBe(i.VpcId);
      expect(i.IamInstanceProfile).toEqual(n.ec2?.iamInstanceProfile ? { Arn: n.ec2.iamInstanceProfile.arn, Id: n.ec2.iamInstanceProfile.id } : undefined);
      expect(i.PublicIpAddress).toBe(n.ec2?.state === 'running' ? n.ec2.publicIp : undefined);
      if (i.PublicIpAddress) expect(subnet?.tier).toBe('public');
    }
  });

  it('meets the scenario\'s faults like every other operation', async () => {
    mock.scenario.denyOperations = ['ec2:DescribeVpcEndpoints'];
    const denied = await errorOf(client.send(new DescribeVpcEndpointsCommand({})));
    expect(denied.name).toBe('UnauthorizedOperation');
    expect(denied.message).toContain('ec2:DescribeVpcEndpoints');
    expect((await client.send(new DescribeVpcsCommand({}))).Vpcs?.length).toBeGreaterThan(0);
  });
});
