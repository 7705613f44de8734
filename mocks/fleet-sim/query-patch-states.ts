/** SSM DescribeInstancePatchStates: the scanned nodes among the given IDs, with their counts. */
import { SimError } from './errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import { nodePatchCounts, type PatchCounts } from './patches';
import { nodeInRegion, type FleetStore } from './store';
import type { PatchScan, SimNode } from './types';

export interface PatchStateRecord {
  node: SimNode;
  scan: PatchScan;
  counts: PatchCounts;
}

export interface PatchStatesQuery {
  instanceIds: string[];
  maxResults?: number;
  nextToken?: string;
}

export function queryPatchStates(
  store: FleetStore,
  region: string,
  query: PatchStatesQuery,
): { states: PatchStateRecord[]; nextToken?: string } {
  const seen = new Set<string>();
  const nodes: SimNode[] = [];
  for (const id of query.instanceIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodeInRegion(store, region, id);
    if (node?.patch) nodes.push(node);
  }
  const scope = `DescribeInstancePatchStates/${region}/${hashToken(query.instanceIds.join(','))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
    after = cursor;
  }
  // Page over positions in the request's order.
  const positions = nodes.map((_, i) => i);
  const page = pageAfter(positions, (i) => i, after, query.maxResults ?? 50);
  const states = page.items.map((i) => {
    const node = nodes[i];
    const scan = node.patch as PatchScan;
    return { node, scan, counts: nodePatchCounts(node) as PatchCounts };
  });
  return {
    states,
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}
