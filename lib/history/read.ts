import 'server-only';
import {
  HISTORY_MIN_INTERVAL_MINUTES, HISTORY_RETENTION_DAYS, type ComplianceChange, type FleetHistoryPoint, type HistoryResponse,
  type NodeHistoryResponse,
} from '@/lib/contracts/history';
import { db } from '@/lib/db/database';
import { invalid } from '@/lib/errors';
import { DEMO_SEEDED_KEY } from './demo/seed';
import { pointFromRow, slotOf, statements, type ChangeRow } from './store';

const DAY_MS = 86_400_000;
/** A chart gets at most about this many points. */
export const MAX_POINTS = 400;
/** Bucket sizes a chart reads well in (minutes); each a whole number of 5-minute slots. */
const RESOLUTIONS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/** The smallest resolution that keeps `days` within MAX_POINTS: 1 day → 5 min, 7 → 30 min, 30 → 2 h, 90 → 6 h. */
export function resolutionFor(days: number): number {
  return RESOLUTIONS.find((m) => (days * 1440) / m <= MAX_POINTS) ?? RESOLUTIONS[RESOLUTIONS.length - 1];
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/**
 * The fleet's history over the last `days`, downsampled into buckets aligned on the epoch (so a bucket's point does
 * not change as time moves on). A bucket shows its newest complete point (partial only if all in it are partial):
 * a point is a state the fleet was in, not a rate, and an average would invent fractional node counts that never
 * existed and blend incomplete refreshes into complete ones. The cost: a dip shorter than a bucket is not shown.
 */
export function readHistory(days: number, now = Date.now()): HistoryResponse {
  if (!Number.isInteger(days) || days < 1 || days > HISTORY_RETENTION_DAYS) {
    throw invalid('BadRequest', `days must be a whole number between 1 and ${HISTORY_RETENTION_DAYS}`);
  }
  const resolutionMinutes = resolutionFor(days);
  const bucketMs = resolutionMinutes * 60_000;
  const k = resolutionMinutes / HISTORY_MIN_INTERVAL_MINUTES;
  const from = Math.floor((now - days * DAY_MS) / bucketMs) * bucketMs;
  const s = statements(db());
  const range = { k, from: slotOf(from), to: slotOf(now) };
  const rows = s.buckets.all(range) as (Record<string, number> & { bucket: number })[];
  const points: FleetHistoryPoint[] = rows.map((r) => {
    const p = pointFromRow(r, k === 1 ? r.at : r.bucket * bucketMs);
    return { ...p, at: new Date(p.at).toISOString() };
  });
  const seededAt = s.getMeta.get(DEMO_SEEDED_KEY) as string | undefined;
  const sim = seededAt
    ? (s.simulatedRange.get(range.from, Math.min(range.to, slotOf(Date.parse(seededAt)))) as { from: number | null; to: number | null })
    : { from: null, to: null };
  return {
    days,
    from: iso(from)!,
    to: iso(now)!,
    resolutionMinutes,
    points,
    recordedSince: iso(s.recordedSince.get() as number | null),
    simulated: sim.from === null || sim.to === null ? null : { from: iso(sim.from)!, to: iso(sim.to)! },
  };
}

const toChange = (r: ChangeRow): ComplianceChange => ({
  nodeId: r.node_id,
  at: iso(r.at)!,
  from: r.from_status,
  to: r.to_status,
  missing: r.missing,
  failed: r.failed,
  critical: r.critical,
  pendingReboot: r.pending_reboot,
  operation: r.operation,
  baselineId: r.baseline_id,
  scannedAt: iso(r.scanned_at),
  overwritten: r.overwritten === 1,
  previousOperation: r.previous_operation,
  previousBaselineId: r.previous_baseline_id,
  simulated: r.simulated === 1,
});

/** A node's compliance changes over the whole retention, newest first. */
export function readNodeHistory(nodeId: string, now = Date.now()): NodeHistoryResponse {
  const s = statements(db());
  const rows = s.nodeChanges.all(nodeId, now - HISTORY_RETENTION_DAYS * DAY_MS) as ChangeRow[];
  return { nodeId, changes: rows.map(toChange), recordedSince: iso(s.recordedSince.get() as number | null) };
}
