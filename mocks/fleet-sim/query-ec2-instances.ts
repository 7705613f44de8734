/** EC2 DescribeInstances over the simulated fleet: IDs, filters (with wildcards), reservation paging. */
import { platformSpec } from './catalog';
import { SimError } from './errors';
import { decodeToken, encodeToken, pageAfter } from './paging';
import { nodeInRegion, regionFleet, type FleetStore } from './store';
import type { SimNode } from './types';

export interface Ec2InstancesQuery {
  instanceIds?: string[];
  filters?: Array<{ Name?: string; Values?: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

export interface ReservationGroup {
  reservationId: string;
  instances: SimNode[];
}

const EC2_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
const STATE_CODES = { running: 16, stopped: 80 } as const;
export const stateCode = (state: keyof typeof STATE_CODES) => STATE_CODES[state];

type Field = (node: SimNode) => string | undefined;
const FIELDS: Record<string, Field> = {
  'instance-id': (n) => n.id,
  'instance-state-name': (n) => n.ec2?.state,
  'instance-state-code': (n) => (n.ec2 ? String(stateCode(n.ec2.state)) : undefined),
  'availability-zone': (n) => n.ec2?.availabilityZone,
  'instance-type': (n) => n.ec2?.instanceType,
  'image-id': (n) => n.ec2?.imageId,
  'vpc-id': (n) => n.ec2?.vpcId,
  'subnet-id': (n) => n.ec2?.subnetId,
  'reservation-id': (n) => n.ec2?.reservationId,
  'private-ip-address': (n) => n.ec2?.privateIp,
  architecture: (n) => n.ec2?.architecture,
  platform: (n) => (platformSpec(n.platform).platformType === 'Windows' ? 'windows' : undefined),
};

/** EC2 filter values accept * and ? wildcards. */
export function matcher(values: string[]): (actual: string | undefined) => boolean {
  const exact = new Set(values.filter((v) => !/[*?]/.test(v)));
  const patterns = values
    .filter((v) => /[*?]/.test(v))
    .map((v) => new RegExp(`^${v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, 's'));
  return (actual) => actual !== undefined && (exact.has(actual) || patterns.some((p) => p.test(actual)));
}

function compile(filter: { Name?: string; Values?: string[] }): (node: SimNode) => boolean {
  const name = filter.Name ?? '';
  const match = matcher(filter.Values ?? []);
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return (n) => n.tags.some((t) => t.Key === key && match(t.Value));
  }
  if (name === 'tag-key') return (n) => n.tags.some((t) => match(t.Key));
  if (name === 'tag-value') return (n) => n.tags.some((t) => match(t.Value));
  const field = FIELDS[name];
  if (!field) throw new SimError('InvalidParameterValue', `The filter '${name}' is invalid`);
  return (n) => match(field(n));
}

function byInstanceIds(store: FleetStore, region: string, ids: string[]): SimNode[] {
  const malformed = ids.find((id) => !EC2_ID.test(id));
  if (malformed !== undefined) throw new SimError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
  const unique = [...new Set(ids)];
  const found = unique.map((id) => nodeInRegion(store, region, id));
  const missing = unique.filter((_, i) => !found[i]?.ec2);
  if (missing.length === 1) throw new SimError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1) throw new SimError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  return (found as SimNode[]).sort((a, b) => a.order - b.order);
}

/** Consecutive instances of one reservation form one group. */
function groupReservations(nodes: readonly SimNode[]): ReservationGroup[] {
  const groups: ReservationGroup[] = [];
  for (const node of nodes) {
    const id = node.ec2?.reservationId as string;
    const last = groups[groups.length - 1];
    if (last && last.reservationId === id) last.instances.push(node);
    else groups.push({ reservationId: id, instances: [node] });
  }
  return groups;
}

export function queryEc2Instances(store: FleetStore, region: string, query: Ec2InstancesQuery): { reservations: ReservationGroup[]; nextToken?: string } {
  const ids = query.instanceIds ?? [];
  const max = query.maxResults;
  if (max !== undefined && ids.length > 0) {
    throw new SimError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  if (max !== undefined && max < 5) throw new SimError('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value greater than 5.`);
  if (max !== undefined && max > 1000) throw new SimError('InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value less than 1000.`);
  const predicates = (query.filters ?? []).map(compile);
  const accept = (n: SimNode) => predicates.every((p) => p(n));
  if (ids.length > 0) return { reservations: groupReservations(byInstanceIds(store, region, ids).filter(accept)) };
  const scope = `DescribeInstances/${region}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
    after = cursor;
  }
  const groups = groupReservations(regionFleet(store, region).ec2.filter(accept));
  const lastOrder = (g: ReservationGroup) => g.instances[g.instances.length - 1].order;
  const page = pageAfter(groups, lastOrder, after, max ?? Number.MAX_SAFE_INTEGER, undefined, (g) => g.instances.length);
  return {
    reservations: page.items,
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}
