/**
 * SSM DescribeInstancePatches: one node's patch list (the same list its patch state
 * counts come from), filtered by Classification, KBId, Severity or State, paged.
 */
import { SimError } from './errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import { patchList } from './patches';
import { nodeInRegion, type FleetStore } from './store';
import type { PatchEntry, PatchState } from './types';

export interface InstancePatchesQuery {
  instanceId: string;
  filters?: Array<{ Key: string; Values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

const STATES: readonly PatchState[] = ['Installed', 'InstalledOther', 'InstalledPendingReboot', 'InstalledRejected', 'Missing', 'Failed', 'NotApplicable'];
const KEYS = ['Classification', 'KBId', 'Severity', 'State'];

function matcher(key: string, values: string[]): (e: PatchEntry) => boolean {
  if (!KEYS.includes(key)) throw new SimError('InvalidFilter', `The filter key ${key} is not valid. Valid filter keys: ${KEYS.join(', ')}.`);
  if (values.length === 0) throw new SimError('InvalidFilter', `The ${key} filter needs at least one value.`);
  const set = new Set(values);
  switch (key) {
    case 'Classification': return (e) => set.has(e.def.classification);
    case 'KBId': return (e) => set.has(e.def.kbId);
    case 'Severity': return (e) => set.has(e.def.severity);
    default: {
      const bad = values.find((v) => !STATES.includes(v as PatchState));
      if (bad) throw new SimError('InvalidFilter', `${bad} is not a valid State. Valid values: ${STATES.join(', ')}.`);
      return (e) => set.has(e.state);
    }
  }
}

export function queryInstancePatches(store: FleetStore, region: string, query: InstancePatchesQuery): { patches: PatchEntry[]; nextToken?: string } {
  const node = nodeInRegion(store, region, query.instanceId);
  if (!node?.ssm) throw new SimError('InvalidInstanceId', `The instance ID ${query.instanceId} is not valid. Verify the ID and try again.`);
  const matchers = (query.filters ?? []).map((f) => matcher(f.Key, f.Values ?? []));
  const scope = `DescribeInstancePatches/${region}/${query.instanceId}/${hashToken(JSON.stringify(query.filters ?? []))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
    after = cursor;
  }
  const entries = patchList(node) ?? [];
  const positions = entries.map((_, i) => i);
  const page = pageAfter(positions, (i) => i, after, query.maxResults ?? 50, (i) => matchers.every((m) => m(entries[i])));
  return {
    patches: page.items.map((i) => entries[i]),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}
