import 'server-only';
import { HISTORY_MIN_INTERVAL_MINUTES, type FleetHistoryPoint } from '@/lib/contracts/history';
import type { PatchStatus } from '@/lib/contracts/node';
import type { Db } from '@/lib/db/database';
import type { ChangeRecord, NodeState } from './changes';

/** The history tables (migration 3), behind prepared statements made once per open database. */

/** One kept summary per slot: the 5-minute window a refresh falls in, counted from the epoch. */
export const SLOT_MS = HISTORY_MIN_INTERVAL_MINUTES * 60_000;
export const slotOf = (ms: number) => Math.floor(ms / SLOT_MS);

type Count = Exclude<keyof FleetHistoryPoint, 'at' | 'partial' | 'simulated'>;

/** The point's counts and their columns, in one table: the SQL and both mappings are derived from it. */
const COUNTS: [Count, string][] = [
  ['total', 'total'], ['managed', 'managed'], ['online', 'online'], ['connectionLost', 'connection_lost'], ['inactive', 'inactive'],
  ['notManaged', 'not_managed'], ['notRunning', 'not_running'], ['compliant', 'compliant'], ['noncompliant', 'noncompliant'],
  ['notScanned', 'not_scanned'], ['patchUnknown', 'patch_unknown'], ['criticalNodes', 'critical_nodes'],
  ['agentLatest', 'agent_latest'], ['agentOutdated', 'agent_outdated'], ['openOpsItems', 'open_ops_items'],
];
const COUNT_COLUMNS = COUNTS.map(([, c]) => c).join(', ');

/** A stored point; `at` in ms. */
export interface StoredPoint extends Omit<FleetHistoryPoint, 'at'> {
  at: number;
}

export const pointParams = (p: StoredPoint) => [slotOf(p.at), p.at, ...COUNTS.map(([k]) => p[k]), p.partial ? 1 : 0, p.simulated ? 1 : 0];

export function pointFromRow(row: Record<string, number>, at: number): StoredPoint {
  const p = { at, partial: row.partial === 1, simulated: row.simulated === 1 } as StoredPoint;
  for (const [k, c] of COUNTS) p[k] = row[c];
  return p;
}

const changeParams = (c: ChangeRecord) => [
  c.nodeId, c.at, c.from, c.to, c.missing, c.failed, c.critical, c.pendingReboot, c.operation, c.baselineId, c.scannedAt,
  c.previousOperation, c.previousBaselineId, c.overwritten ? 1 : 0, c.simulated ? 1 : 0,
];

export interface ChangeRow {
  id: number; node_id: string; at: number; from_status: PatchStatus | null; to_status: PatchStatus | null;
  missing: number | null; failed: number | null; critical: number | null; pending_reboot: number | null;
  operation: string | null; baseline_id: string | null; scanned_at: number | null;
  previous_operation: string | null; previous_baseline_id: string | null; overwritten: number; simulated: number;
}

type StateTuple = [string, PatchStatus, number | null, number | null, number | null, string | null, string | null, number];

function prepare(d: Db) {
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  return {
    // The newest refresh of a slot replaces the kept one, except that a partial refresh never replaces a complete one.
    // A simulated point always gives way to a real one.
    upsertPoint: d.prepare(
      `INSERT INTO fleet_history (slot, at, ${COUNT_COLUMNS}, partial, simulated) VALUES (${placeholders(COUNTS.length + 4)})
       ON CONFLICT (slot) DO UPDATE SET at = excluded.at, ${COUNTS.map(([, c]) => `${c} = excluded.${c}`).join(', ')},
         partial = excluded.partial, simulated = excluded.simulated
       WHERE fleet_history.simulated = 1 OR (excluded.partial <= fleet_history.partial AND excluded.at >= fleet_history.at)`,
    ),
    insertChange: d.prepare(
      `INSERT INTO compliance_changes (node_id, at, from_status, to_status, missing, failed, critical, pending_reboot, operation,
         baseline_id, scanned_at, previous_operation, previous_baseline_id, overwritten, simulated) VALUES (${placeholders(15)})`,
    ),
    allStates: d.prepare('SELECT node_id, status, missing, failed, critical, operation, baseline_id, seen_at FROM node_compliance_state').raw(),
    upsertState: d.prepare(
      `INSERT INTO node_compliance_state (node_id, status, missing, failed, critical, operation, baseline_id, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (node_id) DO UPDATE SET status = excluded.status, missing = excluded.missing, failed = excluded.failed,
         critical = excluded.critical, operation = excluded.operation, baseline_id = excluded.baseline_id, seen_at = excluded.seen_at`,
    ),
    prunePoints: d.prepare('DELETE FROM fleet_history WHERE slot <= @slot AND at < @cutoff'),
    pruneChanges: d.prepare('DELETE FROM compliance_changes WHERE at < ?'),
    pruneStates: d.prepare('DELETE FROM node_compliance_state WHERE seen_at < ?'),
    getMeta: d.prepare('SELECT value FROM history_meta WHERE key = ?').pluck(),
    setMeta: d.prepare('INSERT INTO history_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    isEmpty: d.prepare('SELECT NOT EXISTS (SELECT 1 FROM fleet_history) AND NOT EXISTS (SELECT 1 FROM compliance_changes)').pluck(),
    // A bucket is `k` slots. SQLite takes the bare columns from the row holding the max(): the newest complete point
    // of the bucket, or its newest partial one when every point in it is partial.
    buckets: d.prepare(
      `SELECT slot / CAST(@k AS INTEGER) AS bucket, max((1 - partial) * 100000000000000 + at) AS pick, at, ${COUNT_COLUMNS}, partial, simulated
       FROM fleet_history WHERE slot >= @from AND slot <= @to GROUP BY bucket ORDER BY bucket`,
    ),
    // Slots grow with time: the first real row in slot order is the oldest, found without reading the rest.
    recordedSince: d.prepare('SELECT at FROM fleet_history WHERE simulated = 0 ORDER BY slot LIMIT 1').pluck(),
    // Simulated rows all precede the moment they were generated: callers bound the range by it.
    simulatedRange: d.prepare('SELECT min(at) AS "from", max(at) AS "to" FROM fleet_history WHERE slot >= ? AND slot <= ? AND simulated = 1'),
    nodeChanges: d.prepare('SELECT * FROM compliance_changes WHERE node_id = ? AND at >= ? ORDER BY at DESC, id DESC'),
  };
}

export type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Db, Statements>();

export function statements(d: Db): Statements {
  let s = cache.get(d);
  if (!s) cache.set(d, (s = prepare(d)));
  return s;
}

export function loadStates(s: Statements): Map<string, NodeState> {
  const out = new Map<string, NodeState>();
  for (const [id, status, missing, failed, critical, operation, baselineId, seenAt] of s.allStates.all() as StateTuple[]) {
    out.set(id, { status, missing, failed, critical, operation, baselineId, seenAt });
  }
  return out;
}

export const writeState = (s: Statements, nodeId: string, st: NodeState) =>
  s.upsertState.run(nodeId, st.status, st.missing, st.failed, st.critical, st.operation, st.baselineId, st.seenAt);

export const insertChange = (s: Statements, c: ChangeRecord) => s.insertChange.run(...changeParams(c));
