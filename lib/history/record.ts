import 'server-only';
import { HISTORY_RETENTION_DAYS } from '@/lib/contracts/history';
import type { FleetSummary } from '@/lib/contracts/summary';
import { awsSettings } from '@/lib/aws/config';
import { db, type Db } from '@/lib/db/database';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { compare, observe, unchanged, type NodeState } from './changes';
import { seedDemoHistory } from './demo/seed';
import { pointOf } from './point';
import { insertChange, loadStates, pointParams, slotOf, statements, writeState, type Statements } from './store';

const DAY_MS = 86_400_000;

export interface RecordResult {
  /** The refresh is now its slot's kept summary (false: a kept one was better, or nothing was read). */
  kept: boolean;
  /** Compliance changes recorded. */
  changes: number;
  /** The demo history was generated in this call. */
  seeded: boolean;
}

const isDemo = () => {
  try {
    return awsSettings().demo;
  } catch {
    return false;
  }
};

/**
 * The nodes' last known states, kept in memory between refreshes so a refresh of 10,000 unchanged nodes reads nothing
 * from disk. Valid while no other connection wrote (PRAGMA data_version); taken out during a transaction and put back
 * only after its commit, so a rolled-back refresh never leaves the memory ahead of the disk.
 */
const g = globalThis as unknown as { __historyStates?: WeakMap<Db, { version: number; states: Map<string, NodeState> }> };
const stateCache = () => (g.__historyStates ??= new WeakMap());
const dataVersion = (d: Db) => d.pragma('data_version', { simple: true }) as number;

/**
 * Records one successful fleet build, in one transaction: the fleet summary (one kept per 5-minute slot: the newest,
 * but a partial refresh never replaces a complete one), each node's compliance changes against its last known state,
 * and pruning past the retention. In demo mode, the very first call generates 30 days of simulated history first.
 * `summary`: the snapshot's overview figures, when the caller has them already.
 */
export function recordRefresh(snap: FleetSnapshot, summary?: FleetSummary): RecordResult {
  // Every region failed: nothing was read, and a row of zeros (or of carried-over figures) would be a lie in a chart.
  if (!snap.regions.some((r) => r.ok)) return { kept: false, changes: 0, seeded: false };
  const at = Date.parse(snap.generatedAt);
  const d = db();
  const s = statements(d);
  const cached = stateCache().get(d);
  stateCache().delete(d);
  let keep: { version: number; states: Map<string, NodeState> } | undefined;
  const result = d.transaction((): RecordResult => {
    const point = { ...pointOf(snap, summary), at };
    const seeded = isDemo() && seedDemoHistory(s, snap, point);
    const kept = s.upsertPoint.run(...pointParams(point)).changes > 0;
    // Read after the first write: this connection holds the write lock, so no other can change the states meanwhile.
    const version = dataVersion(d);
    const states = cached && cached.version === version && !seeded ? cached.states : loadStates(s);
    const changes = recordChanges(s, snap, at, states);
    prune(s, at, states);
    keep = { version, states };
    return { kept, changes, seeded };
  })();
  if (keep) stateCache().set(d, keep);
  return result;
}

/**
 * The same, for the fleet's load path: a history failure (even in `summaryOf`, the caller's cached overview figures)
 * is logged, never passed on to the fleet read.
 */
export function recordRefreshSafely(snap: FleetSnapshot, summaryOf?: (snap: FleetSnapshot) => FleetSummary): FleetSnapshot {
  try {
    recordRefresh(snap, summaryOf?.(snap));
  } catch (err) {
    console.error('[history] could not record the fleet refresh (the fleet is served regardless):', err);
  }
  return snap;
}

function recordChanges(s: Statements, snap: FleetSnapshot, at: number, states: Map<string, NodeState>): number {
  let n = 0;
  for (const region of snap.regions) {
    // A region whose node list failed shows nodes carried over from an earlier refresh: nothing new was observed.
    if (!region.ok) continue;
    for (const row of region.nodes) {
      const prev = states.get(row.id);
      if (unchanged(prev, row, at)) continue;
      // Unknown patch state (unmanaged, or the patch source failed) is not a change: the last known state stands.
      const o = observe(row, at);
      if (!o) continue;
      const { change, write } = compare(prev, o);
      if (change) {
        insertChange(s, change);
        n++;
      }
      if (write) {
        writeState(s, row.id, write);
        states.set(row.id, write);
      }
    }
  }
  return n;
}

function prune(s: Statements, at: number, states: Map<string, NodeState>): void {
  const cutoff = at - HISTORY_RETENTION_DAYS * DAY_MS;
  s.prunePoints.run({ slot: slotOf(cutoff), cutoff });
  s.pruneChanges.run(cutoff);
  // A node not seen for the whole retention is forgotten: should it come back, it is "first seen" again.
  if (s.pruneStates.run(cutoff).changes > 0) for (const [id, st] of states) if (st.seenAt < cutoff) states.delete(id);
}
