import 'server-only';
import type { NodeRow, PatchStatus } from '@/lib/contracts/node';

/**
 * Change detection, pure: what a refresh observed of one node against the node's last known state. The live recorder
 * and the demo history generator both go through `compare`, so simulated changes follow the same rules as real ones.
 */

/** A node's last known compliance, as kept in node_compliance_state. */
export interface NodeState {
  status: PatchStatus;
  missing: number | null;
  failed: number | null;
  critical: number | null;
  operation: string | null;
  baselineId: string | null;
  /** Last refresh (ms) that saw the node with a known patch state; refreshed at most daily (see SEEN_REFRESH_MS). */
  seenAt: number;
}

/** What one refresh observed of a node's patch compliance. */
export interface Observation {
  nodeId: string;
  at: number;
  status: PatchStatus;
  missing: number | null;
  failed: number | null;
  critical: number | null;
  pendingReboot: number | null;
  operation: string | null;
  baselineId: string | null;
  scannedAt: number | null;
}

/** A compliance change as stored (times in ms since the epoch). */
export interface ChangeRecord extends Omit<Observation, 'status'> {
  from: PatchStatus | null;
  to: PatchStatus;
  overwritten: boolean;
  previousOperation: string | null;
  previousBaselineId: string | null;
  simulated: boolean;
}

/** `seen_at` is rewritten at most once a day per node: it only decides when a vanished node's state is pruned. */
export const SEEN_REFRESH_MS = 86_400_000;

/** The node's patch compliance in a refresh, or null when it is unknown (unmanaged, or its patch source failed). */
export function observe(row: NodeRow, at: number): Observation | null {
  if (row.patchStatus === null) return null;
  const scanned = row.patchScannedAt === null ? NaN : Date.parse(row.patchScannedAt);
  return {
    nodeId: row.id,
    at,
    status: row.patchStatus,
    missing: row.patchMissing,
    failed: row.patchFailed,
    critical: row.patchCritical,
    pendingReboot: row.patchPendingReboot,
    operation: row.patchOperation,
    baselineId: row.baselineId,
    scannedAt: Number.isNaN(scanned) ? null : scanned,
  };
}

export const stateOf = (o: Observation): NodeState => ({
  status: o.status, missing: o.missing, failed: o.failed, critical: o.critical, operation: o.operation, baselineId: o.baselineId, seenAt: o.at,
});

/** Both known and different: a summary that merely gains a baseline or an operation was not overwritten. */
const replaced = (before: string | null, now: string | null) => before !== null && now !== null && before !== now;

export interface Comparison {
  /** A change worth recording: first seen, another status, or another missing/failed/critical count. */
  change: ChangeRecord | null;
  /** The state to keep: written when anything change detection reads differs (or to refresh `seenAt`). */
  write: NodeState | null;
}

const NOTHING: Comparison = Object.freeze({ change: null, write: null });

function record(prev: NodeState | undefined, o: Observation, simulated: boolean): ChangeRecord {
  return {
    nodeId: o.nodeId, at: o.at, from: prev?.status ?? null, to: o.status, missing: o.missing, failed: o.failed, critical: o.critical,
    pendingReboot: o.pendingReboot, operation: o.operation, baselineId: o.baselineId, scannedAt: o.scannedAt,
    overwritten: !!prev && (replaced(prev.operation, o.operation) || replaced(prev.baselineId, o.baselineId)),
    previousOperation: prev?.operation ?? null, previousBaselineId: prev?.baselineId ?? null, simulated,
  };
}

export function compare(prev: NodeState | undefined, o: Observation, simulated = false): Comparison {
  const same = prev !== undefined && prev.status === o.status && prev.missing === o.missing && prev.failed === o.failed && prev.critical === o.critical;
  if (!same) return { change: record(prev, o, simulated), write: stateOf(o) };
  if (prev.operation !== o.operation || prev.baselineId !== o.baselineId || o.at - prev.seenAt >= SEEN_REFRESH_MS) return { change: null, write: stateOf(o) };
  return NOTHING;
}

/** The common case of a live refresh, checked on the row itself without building anything: nothing to do. */
export function unchanged(prev: NodeState | undefined, row: NodeRow, at: number): boolean {
  return (
    prev !== undefined && prev.status === row.patchStatus && prev.missing === row.patchMissing && prev.failed === row.patchFailed &&
    prev.critical === row.patchCritical && prev.operation === row.patchOperation && prev.baselineId === row.baselineId &&
    at - prev.seenAt < SEEN_REFRESH_MS
  );
}
