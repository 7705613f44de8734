/**
 * One region's network: five VPCs shared by every instance of the region, with a few planted misconfigurations.
 *
 * | VPC | subnets | path to SSM | planted |
 * | --- | --- | --- | --- |
 * | prod (the region's original VPC ID) | public + private per AZ, `prod-batch`, `prod-restricted` | public: internet gateway; private: a NAT gateway per AZ | `prod-batch` routes 0.0.0.0/0 to a deleted NAT gateway (blackhole); `prod-restricted` has a network ACL that drops return traffic; security group `prod-db-locked-down` allows no 443 out |
 * | shared-services | private per AZ (main route table) | interface endpoints ssm, ssmmessages, ec2messages (+ logs, S3 gateway) | - |
 * | analytics | private in two AZs | the three endpoints | the endpoints' security group admits 443 only from another group, 80 from the VPC |
 * | legacy | private in two AZs | the three endpoints with private DNS | DNS hostnames (even regions) or DNS support (odd) turned off |
 * | dev | public in two AZs, private per AZ, `dev-sandbox` | internet gateway / one NAT gateway | `dev-sandbox` has only the local route; `dev-locked-down` allows only 80 out |
 *
 * CIDR blocks are sized once the instances are placed (see sizeAndAddress).
 */
import type { Rng } from '../prng';
import { formatCidr, intToIp, parseCidr, prefixFor } from './cidr';
import type {
  NaclEntry, RegionNetwork, SgRule, SimNatGateway, SimNetworkAcl, SimRoute, SimRouteTable, SimSecurityGroup, SimSubnet, SimTag, SimVpc, SimVpcEndpoint, SubnetTier,
} from './types';

export const SSM_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages'] as const;

/** Where return traffic from the internet comes from in the simulation (a public SSM endpoint address). */
export const PUBLIC_SSM_IP = '52.46.145.10';
const CORP_CIDR = '203.0.113.0/24';
const ALL = '0.0.0.0/0';

export interface VpcHandle {
  vpc: SimVpc;
  /** First octet pair of the primary block: 10.<octet>.0.0/16. */
  octet: number;
  public: Map<string, SimSubnet>;
  private: Map<string, SimSubnet>;
  sg: Record<string, SimSecurityGroup>;
  mainRouteTable: SimRouteTable;
  defaultAcl: SimNetworkAcl;
}

export interface RegionLayout {
  net: RegionNetwork;
  prod: VpcHandle & { batch: SimSubnet; restricted: SimSubnet };
  shared: VpcHandle;
  analytics: VpcHandle;
  legacy: VpcHandle;
  dev: VpcHandle & { sandbox: SimSubnet };
  /** The next free second octet for secondary CIDR blocks. */
  nextOctet: number;
  /** Security group rules and ACL entries that name "the VPC's CIDR blocks", filled in once the blocks are known. */
  vpcCidrRules: Array<{ vpc: SimVpc; rule?: SgRule; entry?: NaclEntry; entries?: NaclEntry[] }>;
}

const REGION_WORDS: Record<string, string> = { east: 'e', west: 'w', north: 'n', south: 's', central: 'c', southeast: 'se', southwest: 'sw', northeast: 'ne', northwest: 'nw' };

/** The AZ ID (`use1-az2`) of the n-th AZ of a region. */
export function azIdOf(region: string, n: number): string {
  const [geo, dir = '', num = ''] = region.split('-');
  return `${geo}${REGION_WORDS[dir] ?? dir.charAt(0)}${num}-az${n + 1}`;
}

const nameTag = (name: string, extra: SimTag[] = []): SimTag[] => [{ Key: 'Name', Value: name }, ...extra];

export function buildLayout(rng: Rng, region: string, index: number, azs: string[], existing: { vpcId: string; privateSubnets: string[]; groups: Array<{ id: string; name: string }> }, now: number): RegionLayout {
  const id = (prefix: string) => `${prefix}-0${rng.hex(16)}`;
  const net: RegionNetwork = {
    region, index, azs, vpcs: [], subnets: [], routeTables: [], internetGateways: [], natGateways: [], endpoints: [], securityGroups: [],
    networkAcls: [], activations: [], dhmcRole: undefined, dhmcModifiedTime: now,
  };
  const base = 10 + index * 10;
  const vpcCidrRules: RegionLayout['vpcCidrRules'] = [];
  const dhcp = id('dopt');

  function vpc(name: string, octet: number, vpcId: string, dns = { support: true, hostnames: true }, isDefault = false): VpcHandle {
    const v: SimVpc = {
      id: vpcId, name, cidrBlocks: [{ cidr: isDefault ? '172.31.0.0/16' : `10.${octet}.0.0/16`, associationId: id('vpc-cidr-assoc') }], enableDnsSupport: dns.support,
      enableDnsHostnames: dns.hostnames, isDefault, dhcpOptionsId: dhcp, tags: isDefault ? [] : nameTag(name, [{ Key: 'Environment', Value: name.split('-')[0] }]),
    };
    net.vpcs.push(v);
    const mainRouteTable: SimRouteTable = {
      id: id('rtb'), vpcId: v.id, name: `${name}-main`, main: true, mainAssociationId: id('rtbassoc'), associations: new Map(),
      routes: [{ destination: '', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }], tags: [],
    };
    net.routeTables.push(mainRouteTable);
    const defaultAcl: SimNetworkAcl = {
      id: id('acl'), vpcId: v.id, name: '', isDefault: true, associations: new Map(), tags: [],
      entries: [
        { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: ALL },
        { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: ALL },
        { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: ALL },
        { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: ALL },
      ],
    };
    net.networkAcls.push(defaultAcl);
    const handle: VpcHandle = { vpc: v, octet, public: new Map(), private: new Map(), sg: {}, mainRouteTable, defaultAcl };
    handle.sg.default = group(handle, 'default', 'default VPC security group', [{ protocol: '-1', cidrs: [], groupIds: [] }], [{ protocol: '-1', cidrs: [ALL], groupIds: [] }]);
    handle.sg.default.ingress[0].groupIds.push(handle.sg.default.id);
    return handle;
  }

  function subnet(h: VpcHandle, name: string, tier: SubnetTier, az: number, subnetId = id('subnet')): SimSubnet {
    const s: SimSubnet = {
      id: subnetId, vpcId: h.vpc.id, name, tier, availabilityZone: azs[az], availabilityZoneId: azIdOf(region, az), cidr: '', used: 0,
      mapPublicIpOnLaunch: tier === 'public', defaultForAz: h.vpc.isDefault, minPrefixLength: h.vpc.isDefault ? 20 : 24,
      tags: h.vpc.isDefault ? [] : nameTag(name, [{ Key: 'Tier', Value: tier }]),
    };
    net.subnets.push(s);
    h.defaultAcl.associations.set(s.id, id('aclassoc'));
    return s;
  }

  function routeTable(h: VpcHandle, name: string, routes: SimRouteTable['routes'], subnets: SimSubnet[]): SimRouteTable {
    const rt: SimRouteTable = {
      id: id('rtb'), vpcId: h.vpc.id, name, main: false, associations: new Map(subnets.map((s) => [s.id, id('rtbassoc')])),
      routes: [{ destination: '', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }, ...routes], tags: nameTag(name),
    };
    net.routeTables.push(rt);
    return rt;
  }

  /** `cidrs: ['vpc']` stands for every CIDR block of the VPC (filled in later). */
  function group(h: VpcHandle, name: string, description: string, ingress: SgRule[], egress: SgRule[], groupId = id('sg')): SimSecurityGroup {
    const sg: SimSecurityGroup = { id: groupId, name, description, vpcId: h.vpc.id, ingress, egress, tags: name === 'default' ? [] : nameTag(name) };
    for (const list of [ingress, egress]) {
      for (const rule of list) {
        if (rule.cidrs.includes('vpc')) {
          rule.cidrs = rule.cidrs.filter((c) => c !== 'vpc');
          vpcCidrRules.push({ vpc: h.vpc, rule });
        }
      }
    }
    net.securityGroups.push(sg);
    return sg;
  }

  function igw(h: VpcHandle): string {
    const gw = { id: id('igw'), vpcId: h.vpc.id };
    net.internetGateways.push(gw);
    return gw.id;
  }

  function nat(h: VpcHandle, s: SimSubnet, state: SimNatGateway['state'] = 'available'): SimNatGateway {
    const n: SimNatGateway = {
      id: id('nat'), vpcId: h.vpc.id, subnetId: s.id, state, privateIp: '', publicIp: `${rng.pick([3, 18, 34, 52, 54])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`,
    };
    net.natGateways.push(n);
    return n;
  }

  function endpoint(h: VpcHandle, service: string, subnets: SimSubnet[], groups: SimSecurityGroup[], privateDns = true): SimVpcEndpoint {
    const e: SimVpcEndpoint = {
      id: id('vpce'), vpcId: h.vpc.id, serviceName: `com.amazonaws.${region}.${service}`, type: 'Interface', subnetIds: subnets.map((s) => s.id),
      networkInterfaceIds: subnets.map(() => id('eni')), ips: [], groupIds: groups.map((g) => g.id), routeTableIds: [], privateDnsEnabled: privateDns,
      state: 'available', createdTime: Math.floor(now - rng.range(60, 500) * 86_400_000), tags: nameTag(`${h.vpc.name}-${service}`),
    };
    net.endpoints.push(e);
    return e;
  }

  function s3Gateway(h: VpcHandle, tables: SimRouteTable[]): void {
    const e: SimVpcEndpoint = {
      id: id('vpce'), vpcId: h.vpc.id, serviceName: `com.amazonaws.${region}.s3`, type: 'Gateway', subnetIds: [], networkInterfaceIds: [], ips: [],
      groupIds: [], routeTableIds: tables.map((t) => t.id), privateDnsEnabled: false, state: 'available',
      createdTime: Math.floor(now - rng.range(100, 700) * 86_400_000), tags: nameTag(`${h.vpc.name}-s3`),
    };
    net.endpoints.push(e);
    const prefixListId = `pl-${rng.hex(8)}`;
    for (const t of tables) t.routes.push({ prefixListId, gatewayId: e.id, state: 'active', origin: 'CreateRoute' });
  }

  const allAzs = azs.map((_, i) => i);
  const twoAzs = allAzs.slice(0, Math.min(2, azs.length));
  const letter = (az: number) => azs[az].slice(-1);
  const tcp = (port: number, cidrs: string[], groupIds: string[] = [], description?: string): SgRule => ({ protocol: 'tcp', fromPort: port, toPort: port, cidrs, groupIds, description });
  const allOut = (): SgRule[] => [{ protocol: '-1', cidrs: [ALL], groupIds: [] }];

  // --- the region's default VPC: default subnets per AZ, internet gateway, nothing of the fleet in it.
  const defaultH = vpc('default', 0, id('vpc'), { support: true, hostnames: true }, true);
  const defaultIgw = igw(defaultH);
  for (const az of allAzs) defaultH.public.set(azs[az], subnet(defaultH, '', 'public', az));
  defaultH.mainRouteTable.routes.push({ destination: ALL, gatewayId: defaultIgw, state: 'active', origin: 'CreateRoute' });

  // --- prod: public and private subnets per AZ, NAT per AZ; the planted batch and restricted subnets.
  const prodH = vpc('prod-vpc', base, existing.vpcId);
  const prodIgw = igw(prodH);
  for (const az of allAzs) prodH.public.set(azs[az], subnet(prodH, `prod-public-${letter(az)}`, 'public', az));
  allAzs.forEach((az) => prodH.private.set(azs[az], subnet(prodH, `prod-private-${letter(az)}`, 'private', az, existing.privateSubnets[az])));
  const batch = subnet(prodH, `prod-batch-${letter(0)}`, 'private', 0);
  const restrictedAz = azs.length > 1 ? 1 : 0;
  const restricted = subnet(prodH, `prod-restricted-${letter(restrictedAz)}`, 'private', restrictedAz);
  routeTable(prodH, 'prod-public-rt', [{ destination: ALL, gatewayId: prodIgw, state: 'active', origin: 'CreateRoute' }], [...prodH.public.values()]);
  const prodPrivateTables = allAzs.map((az) => {
    const n = nat(prodH, prodH.public.get(azs[az]) as SimSubnet);
    const members = [prodH.private.get(azs[az]) as SimSubnet, ...(az === restrictedAz ? [restricted] : [])];
    return routeTable(prodH, `prod-private-${letter(az)}-rt`, [{ destination: ALL, natGatewayId: n.id, state: 'active', origin: 'CreateRoute' }], members);
  });
  // The batch subnet's NAT gateway was deleted to save costs; its route is a blackhole now.
  const deletedNat = nat(prodH, prodH.public.get(azs[0]) as SimSubnet, 'deleted');
  routeTable(prodH, 'prod-batch-rt', [{ destination: ALL, natGatewayId: deletedNat.id, state: 'blackhole', origin: 'CreateRoute' }], [batch]);
  s3Gateway(prodH, prodPrivateTables);
  const [app, web, data] = existing.groups;
  prodH.sg.bastion = group(prodH, 'bastion', 'SSH from the corporate network', [tcp(22, [CORP_CIDR], [], 'corp VPN')], allOut());
  prodH.sg.web = group(prodH, web.name, 'Public web servers', [tcp(80, [ALL]), tcp(443, [ALL]), tcp(22, [], [prodH.sg.bastion.id])], allOut(), web.id);
  prodH.sg.app = group(prodH, app.name, 'Application servers', [tcp(8080, [], [prodH.sg.web.id]), tcp(22, [], [prodH.sg.bastion.id])], allOut(), app.id);
  prodH.sg.data = group(prodH, data.name, 'Databases and caches', [tcp(5432, [], [app.id]), tcp(6379, [], [app.id]), tcp(1433, [], [app.id])], allOut(), data.id);
  // Locked down by a security review: database traffic inside the VPC only (no 443 out, so no SSM either).
  prodH.sg.lockedDown = group(prodH, 'prod-db-locked-down', 'Database hosts: egress restricted to the VPC',
    [tcp(5432, [], [app.id])], [tcp(5432, ['vpc'], [], 'PostgreSQL replication'), tcp(6379, ['vpc'], [], 'Redis'), { protocol: 'udp', fromPort: 53, toPort: 53, cidrs: ['vpc'], groupIds: [], description: 'DNS' }]);
  const restrictedAcl: SimNetworkAcl = {
    id: id('acl'), vpcId: prodH.vpc.id, name: 'prod-restricted-nacl', isDefault: false, associations: new Map(), tags: nameTag('prod-restricted-nacl'),
    entries: [
      { ruleNumber: 100, egress: false, protocol: '6', action: 'allow', cidr: 'vpc', portFrom: 443, portTo: 443 },
      { ruleNumber: 110, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/8', portFrom: 22, portTo: 22 },
      { ruleNumber: 120, egress: false, protocol: '6', action: 'allow', cidr: 'vpc', portFrom: 5432, portTo: 5432 },
      { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: ALL },
      { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: ALL },
      { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: ALL },
    ],
  };
  // Move the restricted subnet from the default ACL to its own (AWS keeps the association ID).
  restrictedAcl.associations.set(restricted.id, prodH.defaultAcl.associations.get(restricted.id) as string);
  prodH.defaultAcl.associations.delete(restricted.id);
  net.networkAcls.push(restrictedAcl);
  for (const entry of restrictedAcl.entries) if (entry.cidr === 'vpc') vpcCidrRules.push({ vpc: prodH.vpc, entry, entries: restrictedAcl.entries });

  // --- shared services: private subnets on the main route table, SSM through interface endpoints.
  const sharedH = vpc('shared-services-vpc', base + 1, id('vpc'));
  for (const az of allAzs) sharedH.private.set(azs[az], subnet(sharedH, `shared-private-${letter(az)}`, 'private', az));
  sharedH.sg.servers = group(sharedH, 'shared-servers', 'Directory, file and monitoring servers', [tcp(3389, ['10.0.0.0/8']), tcp(445, ['10.0.0.0/8']), tcp(9090, ['10.0.0.0/8'])], allOut());
  sharedH.sg.vpce = group(sharedH, 'vpce-https', 'Interface endpoints: HTTPS from the VPC', [tcp(443, ['vpc'])], allOut());
  const sharedSubnets = [...sharedH.private.values()];
  for (const svc of [...SSM_ENDPOINT_SERVICES, 'logs']) endpoint(sharedH, svc, sharedSubnets, [sharedH.sg.vpce]);
  s3Gateway(sharedH, [sharedH.mainRouteTable]);

  // --- analytics: endpoints whose security group does not admit the workers on 443.
  const analyticsH = vpc('analytics-vpc', base + 2, id('vpc'));
  for (const az of twoAzs) analyticsH.private.set(azs[az], subnet(analyticsH, `analytics-private-${letter(az)}`, 'private', az));
  analyticsH.sg.workers = group(analyticsH, 'analytics-workers', 'Analytics worker nodes', [tcp(22, ['10.0.0.0/8'])], allOut());
  analyticsH.sg.emr = group(analyticsH, 'analytics-emr', 'EMR cluster nodes', [], allOut());
  analyticsH.sg.vpce = group(analyticsH, 'analytics-vpce', 'Interface endpoints', [tcp(80, ['vpc'], [], 'HTTP from the VPC'), tcp(443, [], [analyticsH.sg.emr.id], 'HTTPS from EMR')], allOut());
  for (const svc of SSM_ENDPOINT_SERVICES) endpoint(analyticsH, svc, [...analyticsH.private.values()], [analyticsH.sg.vpce]);

  // --- legacy: endpoints with private DNS in a VPC whose DNS hostnames (or support) were turned off.
  const legacyH = vpc('legacy-vpc', base + 3, id('vpc'), index % 2 === 0 ? { support: true, hostnames: false } : { support: false, hostnames: true });
  for (const az of twoAzs) legacyH.private.set(azs[az], subnet(legacyH, `legacy-private-${letter(az)}`, 'private', az));
  legacyH.sg.servers = group(legacyH, 'legacy-servers', 'Legacy application servers', [tcp(22, ['10.0.0.0/8'])], allOut());
  legacyH.sg.vpce = group(legacyH, 'legacy-vpce', 'Interface endpoints: HTTPS from the VPC', [tcp(443, ['vpc'])], allOut());
  for (const svc of SSM_ENDPOINT_SERVICES) endpoint(legacyH, svc, [...legacyH.private.values()], [legacyH.sg.vpce]);

  // --- dev: one NAT gateway; the sandbox subnet was never given a route out.
  const devH = vpc('dev-vpc', base + 4, id('vpc'));
  const devIgw = igw(devH);
  for (const az of twoAzs) devH.public.set(azs[az], subnet(devH, `dev-public-${letter(az)}`, 'public', az));
  for (const az of allAzs) devH.private.set(azs[az], subnet(devH, `dev-private-${letter(az)}`, 'private', az));
  const sandbox = subnet(devH, `dev-sandbox-${letter(0)}`, 'private', 0);
  routeTable(devH, 'dev-public-rt', [{ destination: ALL, gatewayId: devIgw, state: 'active', origin: 'CreateRoute' }], [...devH.public.values()]);
  const devNat = nat(devH, devH.public.get(azs[0]) as SimSubnet);
  routeTable(devH, 'dev-private-rt', [{ destination: ALL, natGatewayId: devNat.id, state: 'active', origin: 'CreateRoute' }], [...devH.private.values()]);
  routeTable(devH, 'dev-sandbox-rt', [], [sandbox]);
  devH.sg.servers = group(devH, 'dev-servers', 'Development servers', [tcp(22, ['10.0.0.0/8'])], allOut());
  devH.sg.web = group(devH, 'dev-web', 'Development web servers', [tcp(80, [ALL]), tcp(443, [ALL])], allOut());
  devH.sg.lockedDown = group(devH, 'dev-locked-down', 'Egress limited to HTTP (package mirrors)', [tcp(22, ['10.0.0.0/8'])], [tcp(80, [ALL], [], 'package mirrors')]);

  return {
    net, prod: { ...prodH, batch, restricted }, shared: sharedH, analytics: analyticsH, legacy: legacyH, dev: { ...devH, sandbox },
    nextOctet: base + 5, vpcCidrRules,
  };
}

/** One local route per CIDR block of the VPC (set once the VPC's blocks are known), first in every table. */
function setLocalRoutes(net: RegionNetwork): void {
  for (const rt of net.routeTables) {
    const blocks = net.vpcs.find((v) => v.id === rt.vpcId)?.cidrBlocks ?? [];
    const local = blocks.map((b): SimRoute => ({ destination: b.cidr, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }));
    rt.routes = [...local, ...rt.routes.filter((r) => r.gatewayId !== 'local')];
  }
}

/**
 * Gives every subnet a CIDR block that holds what was placed in it (at least a /24), packing the VPC's subnets
 * (largest first) into its /16 blocks and adding secondary /16 blocks when they are full; then addresses the NAT
 * gateways and endpoint interfaces, and fills in the rules that name the VPC's blocks.
 */
export function sizeAndAddress(layout: RegionLayout, counts: ReadonlyMap<SimSubnet, number>, rng: Rng): void {
  const { net } = layout;
  for (const v of net.vpcs) {
    const subnets = net.subnets.filter((s) => s.vpcId === v.id);
    const need = (s: SimSubnet) => (counts.get(s) ?? 0)
      + net.natGateways.filter((n) => n.subnetId === s.id).length
      + net.endpoints.filter((e) => e.subnetIds.includes(s.id)).length;
    const sized = subnets.map((s) => ({ s, prefix: prefixFor(need(s), s.minPrefixLength) })).sort((a, b) => a.prefix - b.prefix);
    let block = 0;
    let cursor = (parseCidr(v.cidrBlocks[0].cidr) as { base: number }).base;
    for (const { s, prefix } of sized) {
      const size = 2 ** (32 - prefix);
      let start = Math.ceil(cursor / size) * size;
      const blockCidr = parseCidr(v.cidrBlocks[block].cidr) as { base: number; size: number };
      if (start + size > blockCidr.base + blockCidr.size) {
        if (layout.nextOctet > 255 || v.isDefault) throw new RangeError(`no room left for ${v.name}'s subnets in ${net.region}`);
        v.cidrBlocks.push({ cidr: `10.${layout.nextOctet++}.0.0/16`, associationId: `vpc-cidr-assoc-0${rng.hex(16)}` });
        block = v.cidrBlocks.length - 1;
        start = (parseCidr(v.cidrBlocks[block].cidr) as { base: number }).base;
      }
      s.cidr = formatCidr(start, prefix);
      cursor = start + size;
    }
  }
  // NAT gateways and endpoint interfaces take the first addresses of their subnets.
  const byId = new Map(net.subnets.map((s) => [s.id, s]));
  for (const n of net.natGateways) n.privateIp = nextAddress(byId.get(n.subnetId) as SimSubnet);
  for (const e of net.endpoints) e.ips = e.subnetIds.map((sid) => nextAddress(byId.get(sid) as SimSubnet));
  for (const { vpc, rule, entry, entries } of layout.vpcCidrRules) {
    if (rule) rule.cidrs = [...vpc.cidrBlocks.map((b) => b.cidr), ...rule.cidrs];
    if (entry && entries) {
      // One ACL entry per block, numbered from the entry's rule number.
      const copies = vpc.cidrBlocks.map((b, i) => ({ ...entry, cidr: b.cidr, ruleNumber: entry.ruleNumber + i }));
      entries.splice(entries.indexOf(entry), 1, ...copies);
    }
  }
  setLocalRoutes(net);
}

/** The next free host address of a subnet as a number (AWS reserves the first four and the last). */
const parsed = new Map<string, { base: number; size: number }>();
export function nextAddressInt(s: SimSubnet): number {
  let c = parsed.get(s.cidr);
  if (!c) {
    c = parseCidr(s.cidr) as { base: number; size: number };
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(s.cidr, c);
  }
  if (s.used + 5 >= c.size) throw new RangeError(`subnet ${s.name} (${s.cidr}) is full`);
  return c.base + 4 + s.used++;
}

export function nextAddress(s: SimSubnet): string {
  return intToIp(nextAddressInt(s));
}
