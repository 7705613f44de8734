/** EC2 network operations -> the simulated network layer, output typed by the SDK's own shapes. */
import type {
  DescribeIamInstanceProfileAssociationsRequest, DescribeIamInstanceProfileAssociationsResult, DescribeInstanceStatusRequest, DescribeInstanceStatusResult,
  DescribeNetworkAclsRequest, DescribeNetworkAclsResult, DescribeRouteTablesRequest, DescribeRouteTablesResult, DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult, DescribeSubnetsRequest, DescribeSubnetsResult, DescribeVpcAttributeRequest, DescribeVpcAttributeResult,
  DescribeVpcEndpointsRequest, DescribeVpcEndpointsResult, DescribeVpcsRequest, DescribeVpcsResult, InstanceStatus, InstanceStatusSummary, IpPermission,
  NetworkAcl, RouteTable, SecurityGroup, Subnet, Tag, Vpc, VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { stateCode, type Simulation, type SimNode } from '../fleet-sim';
import { hashSeed } from '../fleet-sim/prng';
import {
  associationIdOf, availableAddresses, checkStatuses, queryInstanceStatus, queryNetworkAcls, queryProfileAssociations, queryRouteTables,
  querySecurityGroups, querySubnets, queryVpcEndpoints, queryVpcs, regionNetwork, subnetArn, vpcAttribute, type CheckStatus, type Ec2ListQuery,
} from '../fleet-sim/network/query';
import type { SgRule, SimNetworkAcl, SimRouteTable, SimSecurityGroup, SimSubnet, SimTag, SimVpc, SimVpcEndpoint } from '../fleet-sim/network/types';
import type { Ec2Operation } from './ec2-operations';

const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Ec2Operation => fn as unknown as Ec2Operation;

/** EC2 leaves tagSet out when a resource has no tags. */
const tags = (t: readonly SimTag[]): Tag[] | undefined => (t.length > 0 ? t.map((x) => ({ Key: x.Key, Value: x.Value })) : undefined);

const listQuery = (ids: string[] | undefined, input: { Filters?: Ec2ListQuery['filters']; MaxResults?: number; NextToken?: string }): Ec2ListQuery => ({
  ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken,
});

function toVpc(v: SimVpc, account: string): Vpc {
  return {
    OwnerId: account,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: v.cidrBlocks.map((b) => ({ AssociationId: b.associationId, CidrBlock: b.cidr, CidrBlockState: { State: 'associated' } })),
    IsDefault: v.isDefault,
    Tags: tags(v.tags),
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    VpcId: v.id,
    State: 'available',
    CidrBlock: v.cidrBlocks[0].cidr,
    DhcpOptionsId: v.dhcpOptionsId,
  };
}

function describeVpcs(sim: Simulation, region: string, input: DescribeVpcsRequest): DescribeVpcsResult {
  const page = queryVpcs(sim.store, region, listQuery(input.VpcIds, input));
  return { Vpcs: page.items.map((v) => toVpc(v, sim.accountId)), NextToken: page.nextToken };
}

function describeVpcAttribute(sim: Simulation, region: string, input: DescribeVpcAttributeRequest): DescribeVpcAttributeResult {
  const { vpc, attribute, value } = vpcAttribute(sim.store, region, input.VpcId, input.Attribute);
  const key = `${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}` as 'EnableDnsSupport' | 'EnableDnsHostnames' | 'EnableNetworkAddressUsageMetrics';
  return { VpcId: vpc.id, [key]: { Value: value } };
}

function toSubnet(s: SimSubnet, region: string, account: string): Subnet {
  return {
    AvailabilityZoneId: s.availabilityZoneId,
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: account,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tags(s.tags),
    SubnetArn: subnetArn(region, account, s.id),
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    SubnetId: s.id,
    State: 'available',
    VpcId: s.vpcId,
    CidrBlock: s.cidr,
    AvailableIpAddressCount: availableAddresses(s),
    AvailabilityZone: s.availabilityZone,
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
  };
}

function describeSubnets(sim: Simulation, region: string, input: DescribeSubnetsRequest): DescribeSubnetsResult {
  const page = querySubnets(sim.store, region, listQuery(input.SubnetIds, input));
  return { Subnets: page.items.map((s) => toSubnet(s, region, sim.accountId)), NextToken: page.nextToken };
}

function toRouteTable(t: SimRouteTable, account: string): RouteTable {
  const associated = { State: 'associated' as const };
  return {
    Associations: [
      ...(t.main && t.mainAssociationId ? [{ Main: true, RouteTableAssociationId: t.mainAssociationId, RouteTableId: t.id, AssociationState: associated }] : []),
      ...[...t.associations].map(([subnetId, assocId]) => ({ Main: false, RouteTableAssociationId: assocId, RouteTableId: t.id, SubnetId: subnetId, AssociationState: associated })),
    ],
    PropagatingVgws: [],
    RouteTableId: t.id,
    Routes: t.routes.map((r) => ({
      DestinationCidrBlock: r.destination || undefined,
      DestinationPrefixListId: r.prefixListId,
      GatewayId: r.gatewayId,
      NatGatewayId: r.natGatewayId,
      Origin: r.origin,
      State: r.state,
    })),
    Tags: tags(t.tags),
    VpcId: t.vpcId,
    OwnerId: account,
  };
}

function describeRouteTables(sim: Simulation, region: string, input: DescribeRouteTablesRequest): DescribeRouteTablesResult {
  const page = queryRouteTables(sim.store, region, listQuery(input.RouteTableIds, input));
  return { RouteTables: page.items.map((t) => toRouteTable(t, sim.accountId)), NextToken: page.nextToken };
}

const DEFAULT_ENDPOINT_POLICY = JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });

function toEndpoint(e: SimVpcEndpoint, region: string, account: string, groupName: (id: string) => string, azOf: (subnetId: string) => string): VpcEndpoint {
  const iface = e.type === 'Interface';
  const service = e.serviceName.slice(e.serviceName.lastIndexOf('.') + 1);
  const token = (hashSeed('vpce-dns', e.id) >>> 0).toString(36).padStart(8, 'a').slice(0, 8);
  const zone = `Z${(hashSeed('vpce-zone', region) >>> 0).toString(16).toUpperCase().padStart(8, '0')}VPCE`;
  const privateZone = `Z${(hashSeed('private-zone', e.id) >>> 0).toString(16).toUpperCase().padStart(8, '0')}PRIVDNS`;
  const dns = iface
    ? [
      { DnsName: `${e.id}-${token}.${service}.${region}.vpce.amazonaws.com`, HostedZoneId: zone },
      ...e.subnetIds.map((sid) => ({ DnsName: `${e.id}-${token}-${azOf(sid)}.${service}.${region}.vpce.amazonaws.com`, HostedZoneId: zone })),
      ...(e.privateDnsEnabled ? [{ DnsName: `${service}.${region}.amazonaws.com`, HostedZoneId: privateZone }] : []),
    ]
    : [];
  return {
    VpcEndpointId: e.id,
    VpcEndpointType: e.type,
    VpcId: e.vpcId,
    ServiceName: e.serviceName,
    // The live API sends the state in lower case ("available") although the model's enum is PascalCase.
    State: e.state as VpcEndpoint['State'],
    PolicyDocument: DEFAULT_ENDPOINT_POLICY,
    RouteTableIds: e.routeTableIds,
    SubnetIds: e.subnetIds,
    Groups: e.groupIds.map((id) => ({ GroupId: id, GroupName: groupName(id) })),
    IpAddressType: iface ? 'ipv4' : undefined,
    DnsOptions: iface ? { DnsRecordIpType: 'ipv4' } : undefined,
    PrivateDnsEnabled: e.privateDnsEnabled,
    RequesterManaged: false,
    NetworkInterfaceIds: e.networkInterfaceIds,
    DnsEntries: dns,
    CreationTimestamp: new Date(e.createdTime),
    Tags: tags(e.tags),
    OwnerId: account,
  };
}

function describeVpcEndpoints(sim: Simulation, region: string, input: DescribeVpcEndpointsRequest): DescribeVpcEndpointsResult {
  const page = queryVpcEndpoints(sim.store, region, listQuery(input.VpcEndpointIds, input));
  const net = regionNetwork(sim.store, region);
  const groupName = (id: string) => net.securityGroups.find((g) => g.id === id)?.name ?? '';
  const azOf = (sid: string) => net.subnets.find((s) => s.id === sid)?.availabilityZone ?? region;
  return { VpcEndpoints: page.items.map((e) => toEndpoint(e, region, sim.accountId, groupName, azOf)), NextToken: page.nextToken };
}

function toPermission(r: SgRule, account: string): IpPermission {
  const all = r.protocol === '-1';
  return {
    IpProtocol: r.protocol,
    FromPort: all ? undefined : r.fromPort,
    ToPort: all ? undefined : r.toPort,
    UserIdGroupPairs: r.groupIds.map((g) => ({ UserId: account, GroupId: g, Description: r.description })),
    IpRanges: r.cidrs.map((c) => ({ CidrIp: c, Description: r.description })),
    Ipv6Ranges: [],
    PrefixListIds: [],
  };
}

function toSecurityGroup(g: SimSecurityGroup, region: string, account: string): SecurityGroup {
  return {
    GroupId: g.id,
    IpPermissionsEgress: g.egress.map((r) => toPermission(r, account)),
    Tags: tags(g.tags),
    VpcId: g.vpcId,
    SecurityGroupArn: `arn:aws:ec2:${region}:${account}:security-group/${g.id}`,
    OwnerId: account,
    GroupName: g.name,
    Description: g.description,
    IpPermissions: g.ingress.map((r) => toPermission(r, account)),
  };
}

function describeSecurityGroups(sim: Simulation, region: string, input: DescribeSecurityGroupsRequest): DescribeSecurityGroupsResult {
  const page = querySecurityGroups(sim.store, region, { ...listQuery(input.GroupIds, input), groupNames: input.GroupNames });
  return { SecurityGroups: page.items.map((g) => toSecurityGroup(g, region, sim.accountId)), NextToken: page.nextToken };
}

function toNetworkAcl(a: SimNetworkAcl, account: string): NetworkAcl {
  return {
    Associations: [...a.associations].map(([subnetId, assocId]) => ({ NetworkAclAssociationId: assocId, NetworkAclId: a.id, SubnetId: subnetId })),
    Entries: a.entries.map((e) => ({
      CidrBlock: e.cidr,
      Egress: e.egress,
      Protocol: e.protocol,
      RuleAction: e.action,
      RuleNumber: e.ruleNumber,
      PortRange: e.portFrom === undefined ? undefined : { From: e.portFrom, To: e.portTo },
    })),
    IsDefault: a.isDefault,
    NetworkAclId: a.id,
    Tags: tags(a.tags),
    VpcId: a.vpcId,
    OwnerId: account,
  };
}

function describeNetworkAcls(sim: Simulation, region: string, input: DescribeNetworkAclsRequest): DescribeNetworkAclsResult {
  const page = queryNetworkAcls(sim.store, region, listQuery(input.NetworkAclIds, input));
  return { NetworkAcls: page.items.map((a) => toNetworkAcl(a, sim.accountId)), NextToken: page.nextToken };
}

function summary(status: CheckStatus, impairedSince: number | undefined): InstanceStatusSummary {
  if (status === 'not-applicable') return { Status: 'not-applicable' };
  return {
    Status: status,
    Details: [{ Name: 'reachability', Status: status === 'ok' ? 'passed' : 'failed', ImpairedSince: status === 'impaired' && impairedSince !== undefined ? new Date(impairedSince) : undefined }],
  };
}

function toInstanceStatus(node: SimNode, azId: string | undefined): InstanceStatus {
  const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
  const checks = checkStatuses(node);
  const since = ec2.statusChecks?.impairedSince;
  const event = ec2.statusChecks?.event;
  const running = ec2.state === 'running';
  return {
    AvailabilityZone: ec2.availabilityZone,
    AvailabilityZoneId: azId,
    Operator: { Managed: false },
    Events: event && running
      ? [{ InstanceEventId: event.id, Code: event.code, Description: event.description, NotBefore: new Date(event.notBefore), NotAfter: event.notAfter === undefined ? undefined : new Date(event.notAfter) }]
      : undefined,
    InstanceId: node.id,
    InstanceState: { Code: stateCode(ec2.state), Name: ec2.state },
    InstanceStatus: summary(checks.instance, since),
    SystemStatus: summary(checks.system, since),
    AttachedEbsStatus: running ? { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] } : { Status: 'not-applicable' },
  };
}

function describeInstanceStatus(sim: Simulation, region: string, input: DescribeInstanceStatusRequest): DescribeInstanceStatusResult {
  const page = queryInstanceStatus(sim.store, region, {
    instanceIds: input.InstanceIds, filters: input.Filters, includeAllInstances: input.IncludeAllInstances, maxResults: input.MaxResults, nextToken: input.NextToken,
  });
  const net = regionNetwork(sim.store, region);
  const azIds = new Map(net.subnets.map((s) => [s.availabilityZone, s.availabilityZoneId]));
  return { InstanceStatuses: page.nodes.map((n) => toInstanceStatus(n, azIds.get(n.ec2?.availabilityZone ?? ''))), NextToken: page.nextToken };
}

function describeIamInstanceProfileAssociations(sim: Simulation, region: string, input: DescribeIamInstanceProfileAssociationsRequest): DescribeIamInstanceProfileAssociationsResult {
  const page = queryProfileAssociations(sim.store, region, { associationIds: input.AssociationIds, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
  return {
    IamInstanceProfileAssociations: page.nodes.map((n) => {
      const ec2 = n.ec2 as NonNullable<SimNode['ec2']>;
      const p = ec2.iamInstanceProfile as { arn: string; id: string };
      return { AssociationId: associationIdOf(n), InstanceId: n.id, IamInstanceProfile: { Arn: p.arn, Id: p.id }, State: 'associated', Timestamp: new Date(ec2.profileAssociatedTime ?? ec2.launchTime) };
    }),
    NextToken: page.nextToken,
  };
}

export const EC2_NETWORK_OPERATIONS: Record<string, Ec2Operation> = {
  DescribeInstanceStatus: operation(describeInstanceStatus),
  DescribeVpcs: operation(describeVpcs),
  DescribeVpcAttribute: operation(describeVpcAttribute),
  DescribeSubnets: operation(describeSubnets),
  DescribeRouteTables: operation(describeRouteTables),
  DescribeVpcEndpoints: operation(describeVpcEndpoints),
  DescribeSecurityGroups: operation(describeSecurityGroups),
  DescribeNetworkAcls: operation(describeNetworkAcls),
  DescribeIamInstanceProfileAssociations: operation(describeIamInstanceProfileAssociations),
};
