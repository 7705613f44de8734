/**
 * SendCommand's targets -> the region's managed nodes, resolved once at send time as AWS
 * does. InstanceIds (at most 50, validated by the model) must be registered nodes of the
 * region. Targets (at most 5, ANDed): `InstanceIds`, `tag:<Key>` (any of the values),
 * `tag-key` (any of the keys). They match every registered node, offline ones included.
 */
import { SimError } from '../errors';
import { nodeInRegion, regionFleet, type FleetStore } from '../store';
import type { SimNode } from '../types';
import type { TargetDef } from './types';

export interface TargetInput {
  instanceIds?: string[];
  targets?: TargetDef[];
}

function invalidInstances(ids: string[], accountId: string): SimError {
  return new SimError('InvalidInstanceId', `Instances [${ids.map((id) => `[${id}]`).join(', ')}] not in a valid state for account ${accountId}`);
}

function registered(store: FleetStore, region: string, ids: string[]): SimNode[] {
  const nodes: SimNode[] = [];
  const bad: string[] = [];
  for (const id of ids) {
    const node = nodeInRegion(store, region, id);
    if (node?.ssm) nodes.push(node);
    else bad.push(id);
  }
  if (bad.length > 0) throw invalidInstances(bad, store.accountId);
  return nodes;
}

type Match = (node: SimNode) => boolean;

function matcher(store: FleetStore, region: string, target: TargetDef): Match {
  const { Key: key, Values: values } = target;
  if (values.length === 0) throw new SimError('ValidationException', `Target ${key} has no values.`);
  if (key.toLowerCase() === 'instanceids') {
    const ids = new Set(registered(store, region, values).map((n) => n.id));
    return (n) => ids.has(n.id);
  }
  if (key.startsWith('tag:') && key.length > 4) {
    const tagKey = key.slice(4);
    const wanted = new Set(values);
    return (n) => n.tags.some((t) => t.Key === tagKey && wanted.has(t.Value));
  }
  if (key === 'tag-key') {
    const keys = new Set(values);
    return (n) => n.tags.some((t) => keys.has(t.Key));
  }
  throw new SimError('ValidationException', `Target key ${key} is not supported by the simulated AWS. Use InstanceIds, tag:<key> or tag-key.`);
}

/** The target nodes in order (InstanceIds as given, Targets in fleet order); may be empty for Targets. */
export function resolveTargets(store: FleetStore, region: string, input: TargetInput): SimNode[] {
  const ids = input.instanceIds ?? [];
  const targets = input.targets ?? [];
  if (ids.length > 0 && targets.length > 0) {
    throw new SimError('ValidationException', 'Specify either InstanceIds or Targets, not both.');
  }
  if (ids.length === 0 && targets.length === 0) {
    throw new SimError('ValidationException', 'Specify the managed nodes to run the command on with InstanceIds or Targets.');
  }
  if (ids.length > 0) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new SimError('DuplicateInstanceId', `Instance ID ${id} is listed more than once.`);
      seen.add(id);
    }
    return registered(store, region, ids);
  }
  const matches = targets.map((t) => matcher(store, region, t));
  return regionFleet(store, region).managed.filter((n) => matches.every((m) => m(n)));
}
