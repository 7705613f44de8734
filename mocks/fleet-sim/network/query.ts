/**
 * The Describe* queries over the network layer (EC2), IAM lookups and SSM's activations and service settings:
 * ID lists (unknown IDs fail the call as EC2 does), filters (names as EC2 documents them; values ORed, filters
 * ANDed, `*` and `?` wildcards, `tag:<key>`, `tag-key`, `tag-value`), paging with signed NextTokens bound to the query.
 */
import { SimError } from '../errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from '../paging';
import { matcher, stateCode } from '../query-ec2-instances';
import { nodeInRegion, regionFleet, type FleetStore } from '../store';
import type { SimNode } from '../types';
import { hashSeed } from '../prng';
import type {
  AccountIam, RegionNetwork, SimActivation, SimInstanceProfile, SimNetworkAcl, SimRole, SimRouteTable, SimSecurityGroup, SimSubnet, SimTag, SimVpc, SimVpcEndpoint,
} from './types';

export interface Ec2Filter {
  Name?: string;
  Values?: string[];
}

export interface Ec2ListQuery {
  ids?: string[];
  filters?: Ec2Filter[];
  maxResults?: number;
  nextToken?: string;
}

type Field<T> = (item: T) => string | readonly string[] | undefined;

interface ListSpec<T> {
  operation: string;
  idOf: (item: T) => string;
  idPattern: RegExp;
  malformed: string;
  notFound: string;
  notFoundMessage: (ids: string[]) => string;
  fields: Record<string, Field<T>>;
  tags?: (item: T) => readonly SimTag[];
  /** The model's MaxResults range (absent: any positive number, at most 1000 returned). */
  maxRange?: readonly [number, number];
}

const EMPTY: RegionNetwork = {
  region: '', index: -1, azs: [], vpcs: [], subnets: [], routeTables: [], internetGateways: [], natGateways: [], endpoints: [], securityGroups: [],
  networkAcls: [], activations: [], dhmcModifiedTime: 0,
};

export function regionNetwork(store: FleetStore, region: string): RegionNetwork {
  return store.network.regions.get(region) ?? { ...EMPTY, region };
}

export function checkMaxResults(max: number | undefined, range: readonly [number, number] | undefined): void {
  if (max === undefined) return;
  const [min, hi] = range ?? [1, Number.MAX_SAFE_INTEGER];
  if (max < min) throw new SimError('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value greater than ${min}.`);
  if (max > hi) throw new SimError('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value less than ${hi}.`);
}

function compileFilter<T>(spec: ListSpec<T>, filter: Ec2Filter): (item: T) => boolean {
  const name = filter.Name ?? '';
  const match = matcher(filter.Values ?? []);
  const any = (v: string | readonly string[] | undefined) => (typeof v === 'string' || v === undefined ? match(v) : v.some((x) => match(x)));
  if (spec.tags) {
    const tags = spec.tags;
    if (name.startsWith('tag:')) {
      const key = name.slice(4);
      return (item) => tags(item).some((t) => t.Key === key && match(t.Value));
    }
    if (name === 'tag-key') return (item) => tags(item).some((t) => match(t.Key));
    if (name === 'tag-value') return (item) => tags(item).some((t) => match(t.Value));
  }
  const field = Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
  if (!field) throw new SimError('InvalidParameterValue', `The filter '${name}' is invalid`);
  return (item) => any(field(item));
}

function checkIds<T>(spec: ListSpec<T>, items: readonly T[], ids: readonly string[]): Set<string> {
  const malformed = ids.find((id) => !spec.idPattern.test(id));
  if (malformed !== undefined) throw new SimError(spec.malformed, `Invalid id: "${malformed}"`);
  const known = new Set(items.map(spec.idOf));
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) throw new SimError(spec.notFound, spec.notFoundMessage(missing));
  return new Set(unique);
}

/** One page of `items` (in their stable order) after IDs and filters. */
function list<T>(store: FleetStore, region: string, items: readonly T[], spec: ListSpec<T>, query: Ec2ListQuery): { items: T[]; nextToken?: string } {
  checkMaxResults(query.maxResults, spec.maxRange);
  const ids = query.ids ?? [];
  const wanted = ids.length > 0 ? checkIds(spec, items, ids) : null;
  const predicates = (query.filters ?? []).map((f) => compileFilter(spec, f));
  const accept = (item: T) => (!wanted || wanted.has(spec.idOf(item))) && predicates.every((p) => p(item));
  const scope = `${spec.operation}/${region}/${hashToken(JSON.stringify([ids, query.filters ?? []]))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
    after = cursor;
  }
  const max = Math.min(query.maxResults ?? 1000, 1000);
  const positions = items.map((_, i) => i);
  const page = pageAfter(positions, (i) => i, after, max, (i) => accept(items[i]));
  return {
    items: page.items.map((i) => items[i]),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}

const bool = (b: boolean) => (b ? 'true' : 'false');
const idPattern = (prefix: string) => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

// --- VPCs

const VPC_SPEC: ListSpec<SimVpc> = {
  operation: 'DescribeVpcs', idOf: (v) => v.id, idPattern: idPattern('vpc'), malformed: 'InvalidVpcID.Malformed', notFound: 'InvalidVpcID.NotFound',
  notFoundMessage: (ids) => `The vpc ID '${ids.join(', ')}' does not exist`, tags: (v) => v.tags, maxRange: [5, 1000],
  fields: {
    'vpc-id': (v) => v.id,
    cidr: (v) => v.cidrBlocks[0].cidr,
    'cidr-block-association.cidr-block': (v) => v.cidrBlocks.map((b) => b.cidr),
    'cidr-block-association.association-id': (v) => v.cidrBlocks.map((b) => b.associationId),
    'cidr-block-association.state': () => 'associated',
    'dhcp-options-id': (v) => v.dhcpOptionsId,
    'is-default': (v) => bool(v.isDefault),
    state: () => 'available',
  },
};

export function queryVpcs(store: FleetStore, region: string, query: Ec2ListQuery) {
  return list(store, region, regionNetwork(store, region).vpcs, withOwner(VPC_SPEC, store), query);
}

function withOwner<T>(spec: ListSpec<T>, store: FleetStore): ListSpec<T> {
  return { ...spec, fields: { ...spec.fields, 'owner-id': () => store.accountId } };
}

export function vpcAttribute(store: FleetStore, region: string, vpcId: string | undefined, attribute: string | undefined): { vpc: SimVpc; attribute: string; value: boolean } {
  if (!vpcId) throw new SimError('MissingParameter', 'The request must contain the parameter vpcId');
  if (!attribute) throw new SimError('MissingParameter', 'The request must contain the parameter attribute');
  if (!idPattern('vpc').test(vpcId)) throw new SimError('InvalidVpcID.Malformed', `Invalid id: "${vpcId}"`);
  const vpc = regionNetwork(store, region).vpcs.find((v) => v.id === vpcId);
  if (!vpc) throw new SimError('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  switch (attribute) {
    case 'enableDnsSupport': return { vpc, attribute, value: vpc.enableDnsSupport };
    case 'enableDnsHostnames': return { vpc, attribute, value: vpc.enableDnsHostnames };
    case 'enableNetworkAddressUsageMetrics': return { vpc, attribute, value: false };
    default: throw new SimError('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
  }
}

// --- subnets

const SUBNET_SPEC: ListSpec<SimSubnet> = {
  operation: 'DescribeSubnets', idOf: (s) => s.id, idPattern: idPattern('subnet'), malformed: 'InvalidSubnetID.Malformed', notFound: 'InvalidSubnetID.NotFound',
  notFoundMessage: (ids) => `The subnet ID '${ids.join(', ')}' does not exist`, tags: (s) => s.tags, maxRange: [5, 1000],
  fields: {
    'subnet-id': (s) => s.id,
    'vpc-id': (s) => s.vpcId,
    'availability-zone': (s) => s.availabilityZone,
    'availability-zone-id': (s) => s.availabilityZoneId,
    'cidr-block': (s) => s.cidr,
    cidr: (s) => s.cidr,
    cidrBlock: (s) => s.cidr,
    'default-for-az': (s) => bool(s.defaultForAz),
    'map-public-ip-on-launch': (s) => bool(s.mapPublicIpOnLaunch),
    state: () => 'available',
  },
};

export function querySubnets(store: FleetStore, region: string, query: Ec2ListQuery) {
  const spec = withOwner(SUBNET_SPEC, store);
  spec.fields['subnet-arn'] = (s) => subnetArn(region, store.accountId, s.id);
  return list(store, region, regionNetwork(store, region).subnets, spec, query);
}

export const subnetArn = (region: string, account: string, id: string) => `arn:aws:ec2:${region}:${account}:subnet/${id}`;

/** Free addresses: the block minus AWS's five and what the simulation handed out. */
export function availableAddresses(s: SimSubnet): number {
  const prefix = Number(s.cidr.split('/')[1]);
  return Math.max(0, 2 ** (32 - prefix) - 5 - s.used);
}

// --- route tables

const ROUTE_TABLE_SPEC: ListSpec<SimRouteTable> = {
  operation: 'DescribeRouteTables', idOf: (t) => t.id, idPattern: idPattern('rtb'), malformed: 'InvalidRouteTableId.Malformed', notFound: 'InvalidRouteTableID.NotFound',
  notFoundMessage: (ids) => `The routeTable ID '${ids.join(', ')}' does not exist`, tags: (t) => t.tags, maxRange: [5, 100],
  fields: {
    'route-table-id': (t) => t.id,
    'vpc-id': (t) => t.vpcId,
    'association.main': (t) => (t.main ? 'true' : t.associations.size > 0 ? 'false' : undefined),
    'association.subnet-id': (t) => [...t.associations.keys()],
    'association.route-table-association-id': (t) => [...(t.mainAssociationId ? [t.mainAssociationId] : []), ...t.associations.values()],
    'association.route-table-id': (t) => (t.main || t.associations.size > 0 ? t.id : undefined),
    'route.destination-cidr-block': (t) => t.routes.flatMap((r) => (r.destination ? [r.destination] : [])),
    'route.destination-prefix-list-id': (t) => t.routes.flatMap((r) => (r.prefixListId ? [r.prefixListId] : [])),
    'route.gateway-id': (t) => t.routes.flatMap((r) => (r.gatewayId ? [r.gatewayId] : [])),
    'route.nat-gateway-id': (t) => t.routes.flatMap((r) => (r.natGatewayId ? [r.natGatewayId] : [])),
    'route.state': (t) => t.routes.map((r) => r.state),
    'route.origin': (t) => t.routes.map((r) => r.origin),
  },
};

export function queryRouteTables(store: FleetStore, region: string, query: Ec2ListQuery) {
  return list(store, region, regionNetwork(store, region).routeTables, withOwner(ROUTE_TABLE_SPEC, store), query);
}

// --- VPC endpoints

const ENDPOINT_SPEC: ListSpec<SimVpcEndpoint> = {
  operation: 'DescribeVpcEndpoints', idOf: (e) => e.id, idPattern: idPattern('vpce'), malformed: 'InvalidVpcEndpointId.Malformed', notFound: 'InvalidVpcEndpointId.NotFound',
  notFoundMessage: (ids) => `The Vpc Endpoint Id '${ids.join(', ')}' does not exist`, tags: (e) => e.tags,
  fields: {
    'vpc-endpoint-id': (e) => e.id,
    'vpc-id': (e) => e.vpcId,
    'service-name': (e) => e.serviceName,
    'vpc-endpoint-type': (e) => e.type,
    'vpc-endpoint-state': (e) => e.state,
    'ip-address-type': (e) => (e.type === 'Interface' ? 'ipv4' : undefined),
  },
};

export function queryVpcEndpoints(store: FleetStore, region: string, query: Ec2ListQuery) {
  return list(store, region, regionNetwork(store, region).endpoints, ENDPOINT_SPEC, query);
}

// --- security groups

const ruleField = (sel: 'ingress' | 'egress', get: (r: SimSecurityGroup['ingress'][number]) => Array<string | number | undefined>): Field<SimSecurityGroup> =>
  (g) => g[sel].flatMap((r) => get(r).filter((v) => v !== undefined).map(String));

const SG_SPEC: ListSpec<SimSecurityGroup> = {
  operation: 'DescribeSecurityGroups', idOf: (g) => g.id, idPattern: idPattern('sg'), malformed: 'InvalidGroupId.Malformed', notFound: 'InvalidGroup.NotFound',
  notFoundMessage: (ids) => `The security group '${ids.join(', ')}' does not exist`, tags: (g) => g.tags, maxRange: [5, 1000],
  fields: {
    'group-id': (g) => g.id,
    'group-name': (g) => g.name,
    'vpc-id': (g) => g.vpcId,
    description: (g) => g.description,
    'ip-permission.protocol': ruleField('ingress', (r) => [r.protocol]),
    'ip-permission.from-port': ruleField('ingress', (r) => [r.fromPort]),
    'ip-permission.to-port': ruleField('ingress', (r) => [r.toPort]),
    'ip-permission.cidr': ruleField('ingress', (r) => r.cidrs),
    'ip-permission.group-id': ruleField('ingress', (r) => r.groupIds),
    'egress.ip-permission.protocol': ruleField('egress', (r) => [r.protocol]),
    'egress.ip-permission.from-port': ruleField('egress', (r) => [r.fromPort]),
    'egress.ip-permission.to-port': ruleField('egress', (r) => [r.toPort]),
    'egress.ip-permission.cidr': ruleField('egress', (r) => r.cidrs),
    'egress.ip-permission.group-id': ruleField('egress', (r) => r.groupIds),
  },
};

export function querySecurityGroups(store: FleetStore, region: string, query: Ec2ListQuery & { groupNames?: string[] }) {
  const net = regionNetwork(store, region);
  let items = net.securityGroups;
  if (query.groupNames?.length) {
    // GroupNames name groups of the default VPC only (other VPCs: the group-name filter), as EC2 documents.
    const defaultVpc = net.vpcs.find((v) => v.isDefault);
    const inDefault = items.filter((g) => g.vpcId === defaultVpc?.id);
    const missing = query.groupNames.find((n) => !inDefault.some((g) => g.name === n));
    if (missing !== undefined) throw new SimError('InvalidGroup.NotFound', `The security group '${missing}' does not exist in default VPC '${defaultVpc?.id ?? 'none'}'`);
    items = inDefault.filter((g) => query.groupNames?.includes(g.name));
  }
  return list(store, region, items, withOwner(SG_SPEC, store), query);
}

// --- network ACLs

const entryField = (get: (e: SimNetworkAcl['entries'][number]) => Array<string | number | boolean | undefined>): Field<SimNetworkAcl> =>
  (a) => a.entries.flatMap((e) => get(e).filter((v) => v !== undefined).map(String));

const ACL_SPEC: ListSpec<SimNetworkAcl> = {
  operation: 'DescribeNetworkAcls', idOf: (a) => a.id, idPattern: idPattern('acl'), malformed: 'InvalidNetworkAclId.Malformed', notFound: 'InvalidNetworkAclID.NotFound',
  notFoundMessage: (ids) => `The networkAcl ID '${ids.join(', ')}' does not exist`, tags: (a) => a.tags, maxRange: [5, 1000],
  fields: {
    'network-acl-id': (a) => a.id,
    'vpc-id': (a) => a.vpcId,
    default: (a) => bool(a.isDefault),
    'association.subnet-id': (a) => [...a.associations.keys()],
    'association.association-id': (a) => [...a.associations.values()],
    'association.network-acl-id': (a) => (a.associations.size > 0 ? a.id : undefined),
    'entry.rule-number': entryField((e) => [e.ruleNumber]),
    'entry.protocol': entryField((e) => [e.protocol]),
    'entry.rule-action': entryField((e) => [e.action]),
    'entry.egress': entryField((e) => [e.egress]),
    'entry.cidr': entryField((e) => [e.cidr]),
    'entry.port-range.from': entryField((e) => [e.portFrom]),
    'entry.port-range.to': entryField((e) => [e.portTo]),
  },
};

export function queryNetworkAcls(store: FleetStore, region: string, query: Ec2ListQuery) {
  return list(store, region, regionNetwork(store, region).networkAcls, withOwner(ACL_SPEC, store), query);
}

// --- instance status

export interface InstanceStatusQuery {
  instanceIds?: string[];
  filters?: Ec2Filter[];
  includeAllInstances?: boolean;
  maxResults?: number;
  nextToken?: string;
}

export type CheckStatus = 'ok' | 'impaired' | 'not-applicable';

export function checkStatuses(node: SimNode): { system: CheckStatus; instance: CheckStatus } {
  const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
  if (ec2.state !== 'running') return { system: 'not-applicable', instance: 'not-applicable' };
  return { system: ec2.statusChecks?.system ?? 'ok', instance: ec2.statusChecks?.instance ?? 'ok' };
}

const reachability = (s: CheckStatus) => (s === 'ok' ? 'passed' : s === 'impaired' ? 'failed' : undefined);

const STATUS_FIELDS: Record<string, (n: SimNode) => string | undefined> = {
  'availability-zone': (n) => n.ec2?.availabilityZone,
  'instance-state-name': (n) => n.ec2?.state,
  'instance-state-code': (n) => (n.ec2 ? String(stateCode(n.ec2.state)) : undefined),
  'instance-status.status': (n) => checkStatuses(n).instance,
  'instance-status.reachability': (n) => reachability(checkStatuses(n).instance),
  'system-status.status': (n) => checkStatuses(n).system,
  'system-status.reachability': (n) => reachability(checkStatuses(n).system),
  'event.code': (n) => n.ec2?.statusChecks?.event?.code,
  'event.instance-event-id': (n) => n.ec2?.statusChecks?.event?.id,
  'event.description': (n) => n.ec2?.statusChecks?.event?.description,
};

const EC2_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** DescribeInstanceStatus: running instances (all with includeAllInstances), in fleet order; at most 100 IDs, no MaxResults with IDs. */
export function queryInstanceStatus(store: FleetStore, region: string, query: InstanceStatusQuery): { nodes: SimNode[]; nextToken?: string } {
  const ids = query.instanceIds ?? [];
  if (query.maxResults !== undefined && ids.length > 0) {
    throw new SimError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  checkMaxResults(query.maxResults, [5, 1000]);
  if (ids.length > 100) throw new SimError('InvalidParameterValue', `The maximum number of instance IDs is 100 (got ${ids.length})`);
  const predicates = (query.filters ?? []).map((f) => {
    const field = Object.hasOwn(STATUS_FIELDS, f.Name ?? '') ? STATUS_FIELDS[f.Name as string] : undefined;
    if (!field) throw new SimError('InvalidParameterValue', `The filter '${f.Name ?? ''}' is invalid`);
    const match = matcher(f.Values ?? []);
    return (n: SimNode) => match(field(n));
  });
  const all = query.includeAllInstances === true;
  const accept = (n: SimNode) => (all || n.ec2?.state === 'running') && predicates.every((p) => p(n));
  if (ids.length > 0) {
    const malformed = ids.find((id) => !EC2_ID.test(id));
    if (malformed !== undefined) throw new SimError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
    const unique = [...new Set(ids)];
    const found = unique.map((id) => nodeInRegion(store, region, id));
    const missing = unique.filter((_, i) => !found[i]?.ec2);
    if (missing.length === 1) throw new SimError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
    if (missing.length > 1) throw new SimError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
    return { nodes: (found as SimNode[]).filter(accept).sort((a, b) => a.order - b.order) };
  }
  const scope = `DescribeInstanceStatus/${region}/${hashToken(JSON.stringify([all, query.filters ?? []]))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
    after = cursor;
  }
  const page = pageAfter(regionFleet(store, region).ec2, (n) => n.order, after, query.maxResults ?? 1000, accept);
  return { nodes: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

// --- instance profile associations

export function associationIdOf(node: SimNode): string {
  const p = node.ec2?.iamInstanceProfile;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `iip-assoc-0${hex(hashSeed('iip-assoc', node.id, p?.arn ?? ''))}${hex(hashSeed('iip-assoc-low', node.id, p?.arn ?? '')).slice(0, 8)}`;
}

export interface ProfileAssociationsQuery {
  associationIds?: string[];
  filters?: Ec2Filter[];
  maxResults?: number;
  nextToken?: string;
}

/** DescribeIamInstanceProfileAssociations: one `associated` association per instance with a profile (running or stopped). */
export function queryProfileAssociations(store: FleetStore, region: string, query: ProfileAssociationsQuery): { nodes: SimNode[]; nextToken?: string } {
  checkMaxResults(query.maxResults, [5, 1000]);
  const nodes = regionFleet(store, region).ec2;
  const fields: Record<string, (n: SimNode) => string | undefined> = {
    'instance-id': (n) => n.id,
    state: () => 'associated',
  };
  const predicates = (query.filters ?? []).map((f) => {
    const field = Object.hasOwn(fields, f.Name ?? '') ? fields[f.Name as string] : undefined;
    if (!field) throw new SimError('InvalidParameterValue', `The filter '${f.Name ?? ''}' is invalid`);
    const match = matcher(f.Values ?? []);
    return (n: SimNode) => match(field(n));
  });
  const ids = query.associationIds ?? [];
  let wanted: Set<string> | null = null;
  if (ids.length > 0) {
    const known = new Set(nodes.filter((n) => n.ec2?.iamInstanceProfile).map(associationIdOf));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw new SimError('InvalidAssociationID.NotFound', `The association ID '${missing}' does not exist`);
    wanted = new Set(ids);
  }
  const accept = (n: SimNode) => !!n.ec2?.iamInstanceProfile && (!wanted || wanted.has(associationIdOf(n))) && predicates.every((p) => p(n));
  const scope = `DescribeIamInstanceProfileAssociations/${region}/${hashToken(JSON.stringify([ids, query.filters ?? []]))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
    after = cursor;
  }
  const page = pageAfter(nodes, (n) => n.order, after, query.maxResults ?? 1000, accept);
  return { nodes: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

// --- IAM (account-wide)

export class IamError extends Error {
  constructor(
    readonly code: 'NoSuchEntity' | 'ValidationError' | 'InvalidInput',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export function instanceProfileByName(iam: AccountIam, name: string): SimInstanceProfile {
  const p = iam.profiles.get(name);
  if (!p) throw new IamError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
  return p;
}

export function roleByName(iam: AccountIam, name: string): SimRole {
  const r = iam.roles.get(name);
  if (!r) throw new IamError('NoSuchEntity', `The role with name ${name} cannot be found.`);
  return r;
}

/** IAM's Marker paging: MaxItems 1-1000 (default 100), the marker a signed position bound to the list. */
export function pageIam<T>(store: FleetStore, scope: string, items: readonly T[], marker: string | undefined, maxItems: number | undefined): { items: T[]; isTruncated: boolean; marker?: string } {
  let start = 0;
  if (marker !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, marker);
    if (cursor === null || cursor < 0 || cursor > items.length) throw new IamError('InvalidInput', 'Invalid Marker.');
    start = cursor;
  }
  const max = maxItems ?? 100;
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return end < items.length ? { items: page, isTruncated: true, marker: encodeToken(store.tokenSecret, scope, end) } : { items: page, isTruncated: false };
}

// --- SSM: activations and service settings

export interface ActivationsQuery {
  filters?: Array<{ FilterKey?: string; FilterValues?: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

/** DescribeActivations: newest first; filters ActivationIds, DefaultInstanceName, IamRole (exact values; keys ANDed, values ORed). */
export function queryActivations(store: FleetStore, region: string, query: ActivationsQuery): { activations: SimActivation[]; nextToken?: string } {
  const items = regionNetwork(store, region).activations;
  const fields: Record<string, (a: SimActivation) => string> = {
    ActivationIds: (a) => a.id,
    DefaultInstanceName: (a) => a.defaultInstanceName,
    IamRole: (a) => a.iamRole,
  };
  const predicates = (query.filters ?? []).map((f) => {
    const field = fields[f.FilterKey ?? ''];
    if (!field) throw new SimError('InvalidFilter', `The filter key ${f.FilterKey ?? ''} is not valid.`);
    const values = new Set(f.FilterValues ?? []);
    return (a: SimActivation) => values.has(field(a));
  });
  const scope = `DescribeActivations/${region}/${hashToken(JSON.stringify(query.filters ?? []))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
    after = cursor;
  }
  const positions = items.map((_, i) => i);
  const page = pageAfter(positions, (i) => i, after, query.maxResults ?? 50, (i) => predicates.every((p) => p(items[i])));
  return { activations: page.items.map((i) => items[i]), nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

export const DHMC_SETTING_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

/** Settings the simulation answers with their AWS defaults (AWS CLI examples and user guide). */
const SETTING_DEFAULTS: Record<string, string> = {
  [DHMC_SETTING_ID]: '$None',
  '/ssm/managed-instance/activation-tier': 'standard',
  '/ssm/parameter-store/high-throughput-enabled': 'false',
  '/ssm/parameter-store/default-parameter-tier': 'Standard',
  '/ssm/documents/console/public-sharing-permission': 'Enable',
};

export interface ServiceSettingView {
  settingId: string;
  value: string;
  status: 'Default' | 'Customized';
  lastModifiedTime: number;
  lastModifiedUser: string;
  arn: string;
}

/**
 * GetServiceSetting by ID or ARN. The DHMC setting when not set answers its default: SettingValue `$None`, Status
 * `Default`, LastModifiedUser `System` (what accounts without DHMC show); set, the role with its path and Status
 * `Customized`. Unknown IDs (or an ARN of another region or account): ServiceSettingNotFound.
 */
export function serviceSetting(store: FleetStore, region: string, settingId: string): ServiceSettingView {
  const arnPrefix = `arn:aws:ssm:${region}:${store.accountId}:servicesetting`;
  const id = settingId.startsWith('arn:') ? (settingId.startsWith(`${arnPrefix}/`) ? settingId.slice(arnPrefix.length) : '') : settingId;
  if (!Object.hasOwn(SETTING_DEFAULTS, id)) throw new SimError('ServiceSettingNotFound', `No setting found for SettingId: ${settingId}`);
  const net = regionNetwork(store, region);
  const arn = `${arnPrefix}${id}`;
  if (id === DHMC_SETTING_ID && net.dhmcRole) {
    return { settingId: id, value: net.dhmcRole, status: 'Customized', lastModifiedTime: net.dhmcModifiedTime, lastModifiedUser: `arn:aws:sts::${store.accountId}:assumed-role/Administrator/platform-admin`, arn };
  }
  return { settingId: id, value: SETTING_DEFAULTS[id], status: 'Default', lastModifiedTime: net.dhmcModifiedTime || store.generatedAt, lastModifiedUser: 'System', arn };
}
