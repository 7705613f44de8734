/** SSM DescribeInstanceInformation over the simulated fleet: filters and paging. */
import { LATEST_AGENT, platformSpec } from './catalog';
import { SimError } from './errors';
import { decodeToken, encodeToken, pageAfter } from './paging';
import { isListedBySsm, nodeInRegion, regionFleet, type FleetStore } from './store';
import type { SimNode } from './types';

export interface InstanceInformationQuery {
  /** Legacy InstanceInformationFilterList ({ key, valueSet }). */
  filterList?: Array<{ key: string; valueSet: string[] }>;
  /** Filters ({ Key, Values }), which also take tag:<Key> and tag-key. */
  filters?: Array<{ Key: string; Values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

export interface NodePage {
  nodes: SimNode[];
  nextToken?: string;
}

type Predicate = (node: SimNode) => boolean;

const NODE_ID = /^(i-(\w{8}|\w{17})|mi-\w{17})$/;
const ENUMS: Record<string, readonly string[]> = {
  PingStatus: ['Online', 'ConnectionLost', 'Inactive'],
  PlatformTypes: ['Windows', 'Linux', 'MacOS'],
  ResourceType: ['EC2Instance', 'ManagedInstance'],
  AssociationStatus: ['Success', 'Pending', 'Failed'],
  SourceTypes: ['AWS::EC2::Instance', 'AWS::SSM::ManagedInstance', 'AWS::IoT::Thing'],
};

export const isLatestAgent = (version: string) => version === LATEST_AGENT;

const hasTag = (node: SimNode, key: string, values?: readonly string[]) =>
  node.tags.some((t) => t.Key === key && (!values || values.includes(t.Value)));

function checkValues(key: string, values: string[]): void {
  const allowed = ENUMS[key];
  const bad = allowed && values.find((v) => !allowed.includes(v));
  if (bad) throw new SimError('InvalidInstanceInformationFilterValue', `${bad} is not a valid value for the ${key} filter. Valid values: ${allowed.join(', ')}.`);
  if (key === 'ResourceType' && values.length > 1) {
    throw new SimError('InvalidInstanceInformationFilterValue', 'ResourceType filter may contain only one value.');
  }
  if (key === 'InstanceIds') {
    const malformed = values.filter((v) => !NODE_ID.test(v));
    if (malformed.length > 0) throw new SimError('InvalidInstanceId', `Invalid instance id(s): ${malformed.join(', ')}`);
  }
}

function predicate(key: string, values: string[]): Predicate {
  const set = new Set(values);
  if (key.startsWith('tag:')) {
    const tagKey = key.slice(4);
    return (n) => hasTag(n, tagKey, values);
  }
  switch (key) {
    case 'tag-key': return (n) => n.tags.some((t) => set.has(t.Key));
    case 'InstanceIds': return (n) => set.has(n.id);
    case 'SourceIds': return (n) => set.has(n.id);
    case 'PingStatus': return (n) => set.has(n.ssm?.pingStatus ?? '');
    case 'AgentVersion': return (n) => set.has(n.ssm?.agentVersion ?? '');
    case 'AssociationStatus': return (n) => set.has(n.ssm?.associationStatus ?? '');
    case 'ActivationIds': return (n) => set.has(n.ssm?.activationId ?? '');
    case 'IamRole': return (n) => set.has(n.ssm?.iamRole ?? '');
    case 'PlatformTypes':
    case 'PlatformType': return (n) => set.has(platformSpec(n.platform).platformType);
    case 'ResourceType': return (n) => set.has(n.ec2 ? 'EC2Instance' : 'ManagedInstance');
    case 'SourceTypes': return (n) => set.has(n.ec2 ? 'AWS::EC2::Instance' : 'AWS::SSM::ManagedInstance');
    default: throw new SimError('InvalidFilterKey', `The filter key ${key} is not valid. Valid filter keys: ActivationIds, AgentVersion, AssociationStatus, IamRole, InstanceIds, PingStatus, PlatformTypes, ResourceType, SourceIds, SourceTypes, tag-key, tag:<key>.`);
  }
}

function normalize(query: InstanceInformationQuery): Array<{ key: string; values: string[] }> {
  const legacy = query.filterList ?? [];
  const filters = query.filters ?? [];
  if (legacy.length > 0 && filters.length > 0) {
    throw new SimError('InvalidInstanceInformationFilterValue', 'InstanceInformationFilterList and Filters cannot be used in the same request. Use Filters.');
  }
  if (legacy.length > 0) return legacy.map((f) => ({ key: f.key, values: f.valueSet }));
  const out = filters.map((f) => ({ key: f.Key, values: f.Values }));
  const isTag = (k: string) => k.startsWith('tag:') || k === 'tag-key';
  if (out.some((f) => isTag(f.key)) && out.some((f) => !isTag(f.key))) {
    throw new SimError('ValidationException', 'Cannot mix tag or inventory filter with any other filter.');
  }
  return out;
}

export function queryInstanceInformation(store: FleetStore, region: string, query: InstanceInformationQuery): NodePage {
  const filters = normalize(query);
  const predicates: Predicate[] = [];
  let candidates = regionFleet(store, region).managed;
  for (const { key, values } of filters) {
    checkValues(key, values);
    predicates.push(predicate(key, values));
    if (key === 'InstanceIds' || key === 'SourceIds') {
      candidates = values
        .map((id) => nodeInRegion(store, region, id))
        .filter((n): n is SimNode => !!n && !!n.ssm)
        .sort((a, b) => a.order - b.order);
    }
  }
  const scope = `DescribeInstanceInformation/${region}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
    after = cursor;
  }
  const accept = (n: SimNode) => isListedBySsm(n) && predicates.every((p) => p(n));
  const page = pageAfter(candidates, (n) => n.order, after, query.maxResults ?? 10, accept);
  return {
    nodes: page.items,
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}
