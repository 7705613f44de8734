import 'server-only';
import type { NodeRow, OpsItemRef } from '@/lib/contracts/node';
import { getFleetSnapshotCache } from './fleet';
import type { FleetSnapshot, RegionSnapshot } from './types';

export interface OpsItemChange {
  region: string;
  ref: OpsItemRef;
  /** Nodes it names now. */
  nodeIds: string[];
  /** Open or in progress: counted on its nodes. */
  open: boolean;
}

let seq = 0;

/**
 * The fleet with one OpsItem's change applied to its nodes' open OpsItems, without reading AWS again: an engineer who
 * resolves an OpsItem sees the node page and the table say so at once, not at the next refresh. Idempotent (applying
 * it to a fleet read after the change gives the same fleet). Pure.
 */
export function withOpsItemChange(snap: FleetSnapshot, change: OpsItemChange): FleetSnapshot {
  const region = snap.regions.find((r) => r.region === change.region);
  if (!region) return snap;
  const byNode = new Map(region.opsItems);
  const affected = new Set<string>();
  for (const [nodeId, refs] of byNode) {
    if (!refs.some((r) => r.id === change.ref.id)) continue;
    byNode.set(nodeId, refs.filter((r) => r.id !== change.ref.id));
    affected.add(nodeId);
  }
  if (change.open) {
    for (const nodeId of change.nodeIds) {
      byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), change.ref]);
      affected.add(nodeId);
    }
  }
  if (!affected.size) return snap;
  const replaced = new Map<NodeRow, NodeRow>();
  const nodes = region.nodes.map((row) => {
    if (!affected.has(row.id) || row.openOpsItems === null) return row;
    const next = { ...row, openOpsItems: byNode.get(row.id)?.length ?? 0 };
    replaced.set(row, next);
    return next;
  });
  const next: RegionSnapshot = { ...region, nodes, opsItems: byNode };
  const byId = new Map(snap.byId);
  for (const row of nodes) byId.set(row.id, { row, region: next });
  return {
    ...snap,
    version: `${snap.version}.o${++seq}`,
    regions: snap.regions.map((r) => (r === region ? next : r)),
    nodes: snap.nodes.map((row) => replaced.get(row) ?? row),
    byId,
  };
}

/** Apply a change this dashboard just made to the cached fleet (and to a fleet read under way). */
export function noteOpsItemChange(change: OpsItemChange): void {
  getFleetSnapshotCache().update((snap) => withOpsItemChange(snap, change));
}
