import 'server-only';
import pLimit from 'p-limit';
import { describeVpcs, type Vpc } from '@/lib/aws/ec2/describe-vpcs';
import { describeVpcAttribute } from '@/lib/aws/ec2/describe-vpc-attribute';
import { describeSubnets, type Subnet } from '@/lib/aws/ec2/describe-subnets';
import { describeRouteTables, type RouteTable } from '@/lib/aws/ec2/describe-route-tables';
import { describeVpcEndpoints, type VpcEndpoint } from '@/lib/aws/ec2/describe-vpc-endpoints';
import { describeSecurityGroups, type SecurityGroup } from '@/lib/aws/ec2/describe-security-groups';
import { describeNetworkAcls, type NetworkAcl } from '@/lib/aws/ec2/describe-network-acls';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import { createBatchCache, getScoped } from './batch-cache';
import { factOf, factsTtlMs, globalCache, mapFact } from './collect-fact';
import type { EndpointFact, NaclFact, RouteTableFact, SecurityGroupFact, SgRule, SubnetFact, VpcFacts } from './facts';

/**
 * A VPC's network facts (subnets, route tables, endpoints, security groups, network ACLs, DNS attributes), cached per
 * VPC for 5 minutes. The VPCs a diagnosis needs and has not cached are read together: six listings filtered by
 * `vpc-id` (200 VPCs a call) plus the two DNS attributes of each VPC (one VPC and one attribute a call).
 * Subnet facts are part of their VPC's: one read serves every subnet of it.
 */
const cache = () => globalCache('vpcs', () => createBatchCache<VpcFacts>({
  ttlMs: factsTtlMs,
  maxKeys: 10_000,
  keep: (v) => [v.cidrs, v.dnsSupport, v.dnsHostnames, v.subnets, v.routeTables, v.endpoints, v.securityGroups, v.nacls].every((f) => f.ok),
}));

const ids = (xs: (string | undefined)[] | undefined) => (xs ?? []).filter((x): x is string => !!x);

const toSubnet = (s: Subnet): SubnetFact => ({ id: s.SubnetId ?? '', cidr: s.CidrBlock ?? '', az: s.AvailabilityZone ?? null });

const toRouteTable = (t: RouteTable): RouteTableFact => ({
  id: t.RouteTableId ?? '',
  main: (t.Associations ?? []).some((a) => a.Main),
  subnetIds: ids((t.Associations ?? []).map((a) => a.SubnetId)),
  routes: (t.Routes ?? []).map((r) => ({
    destination: r.DestinationCidrBlock ?? r.DestinationPrefixListId ?? r.DestinationIpv6CidrBlock ?? '',
    target: r.NatGatewayId ?? r.GatewayId ?? r.TransitGatewayId ?? r.NetworkInterfaceId ?? r.InstanceId ?? r.VpcPeeringConnectionId
      ?? r.EgressOnlyInternetGatewayId ?? r.LocalGatewayId ?? r.CarrierGatewayId ?? r.CoreNetworkArn ?? 'unknown',
    state: r.State ?? 'active',
  })),
});

const toEndpoint = (e: VpcEndpoint): EndpointFact => ({
  id: e.VpcEndpointId ?? '',
  serviceName: e.ServiceName ?? '',
  type: e.VpcEndpointType ?? '',
  state: String(e.State ?? ''),
  subnetIds: ids(e.SubnetIds),
  securityGroupIds: ids((e.Groups ?? []).map((g) => g.GroupId)),
  privateDns: e.PrivateDnsEnabled ?? false,
});

type Permission = NonNullable<SecurityGroup['IpPermissions']>[number];
const toRule = (p: Permission): SgRule => ({
  protocol: p.IpProtocol ?? '-1',
  fromPort: p.FromPort ?? null,
  toPort: p.ToPort ?? null,
  cidrs: ids((p.IpRanges ?? []).map((r) => r.CidrIp)),
  groupIds: ids((p.UserIdGroupPairs ?? []).map((g) => g.GroupId)),
  prefixListIds: ids((p.PrefixListIds ?? []).map((x) => x.PrefixListId)),
});

const toGroup = (g: SecurityGroup): SecurityGroupFact => ({
  id: g.GroupId ?? '', name: g.GroupName ?? '', ingress: (g.IpPermissions ?? []).map(toRule), egress: (g.IpPermissionsEgress ?? []).map(toRule),
});

const toNacl = (n: NetworkAcl): NaclFact => ({
  id: n.NetworkAclId ?? '',
  isDefault: n.IsDefault ?? false,
  subnetIds: ids((n.Associations ?? []).map((a) => a.SubnetId)),
  entries: (n.Entries ?? []).map((e) => ({
    ruleNumber: e.RuleNumber ?? 32767, egress: e.Egress ?? false, protocol: e.Protocol ?? '-1',
    action: e.RuleAction === 'allow' ? 'allow' : 'deny', cidr: e.CidrBlock ?? null,
    fromPort: e.PortRange?.From ?? null, toPort: e.PortRange?.To ?? null,
  })),
});

const cidrsOf = (v: Vpc | undefined): string[] => {
  const assoc = (v?.CidrBlockAssociationSet ?? []).filter((a) => !a.CidrBlockState?.State || a.CidrBlockState.State === 'associated').map((a) => a.CidrBlock);
  return [...new Set(ids([v?.CidrBlock, ...assoc]))];
};

async function load(scope: AwsScope, vpcIds: string[]): Promise<Map<string, VpcFacts>> {
  const limit = pLimit(8);
  const attr = (id: string, a: 'enableDnsSupport' | 'enableDnsHostnames') =>
    limit(() => factOf('ec2:DescribeVpcAttribute', describeVpcAttribute(scope, id, a).then((v) => v ?? null)));
  const [vpcs, subnets, tables, endpoints, groups, nacls, dns] = await Promise.all([
    factOf('ec2:DescribeVpcs', describeVpcs(scope, vpcIds)),
    factOf('ec2:DescribeSubnets', describeSubnets(scope, vpcIds)),
    factOf('ec2:DescribeRouteTables', describeRouteTables(scope, vpcIds)),
    factOf('ec2:DescribeVpcEndpoints', describeVpcEndpoints(scope, vpcIds)),
    factOf('ec2:DescribeSecurityGroups', describeSecurityGroups(scope, vpcIds)),
    factOf('ec2:DescribeNetworkAcls', describeNetworkAcls(scope, vpcIds)),
    Promise.all(vpcIds.map(async (id) => [id, ...(await Promise.all([attr(id, 'enableDnsSupport'), attr(id, 'enableDnsHostnames')]))] as const)),
  ]);
  const fetchedAt = Date.now();
  const dnsOf = new Map(dns.map(([id, support, hostnames]) => [id, { support, hostnames }]));
  return new Map(vpcIds.map((vpcId) => [vpcId, {
    vpcId,
    cidrs: mapFact(vpcs, (xs) => cidrsOf(xs.find((v) => v.VpcId === vpcId))),
    dnsSupport: dnsOf.get(vpcId)!.support,
    dnsHostnames: dnsOf.get(vpcId)!.hostnames,
    subnets: mapFact(subnets, (xs) => xs.filter((s) => s.VpcId === vpcId).map(toSubnet)),
    routeTables: mapFact(tables, (xs) => xs.filter((t) => t.VpcId === vpcId).map(toRouteTable)),
    endpoints: mapFact(endpoints, (xs) => xs.filter((e) => e.VpcId === vpcId).map(toEndpoint)),
    securityGroups: mapFact(groups, (xs) => xs.filter((g) => g.VpcId === vpcId).map(toGroup)),
    nacls: mapFact(nacls, (xs) => xs.filter((n) => n.VpcId === vpcId).map(toNacl)),
    fetchedAt,
  }]));
}

/** The network facts of a region's VPCs, from the cache or read together. */
export function collectVpcs(scope: AwsScope, vpcIds: string[], opts: { refresh?: boolean } = {}): Promise<Map<string, VpcFacts>> {
  return getScoped(cache(), scopeKey(scope), vpcIds, (missing) => load(scope, missing), opts);
}

export function resetVpcCache(): void {
  cache().clear();
}
