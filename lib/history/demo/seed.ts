import 'server-only';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { compare, type NodeState } from '../changes';
import { insertChange, pointParams, writeState, type Statements, type StoredPoint } from '../store';
import { demoCalendar, demoSteps } from './calendar';
import { demoPoints, type NodePast } from './fleet-points';
import { countedFrom, nodeObservations } from './node-trajectory';

/** Set once the demo history was generated: it survives restarts, so the past is never generated twice. */
export const DEMO_SEEDED_KEY = 'demo_history_seeded_at';

/**
 * Demo mode, first start: 30 days of simulated history that ends in today's fleet (`current`, the first real
 * refresh), every row marked simulated. Only into an empty history, only once. Runs inside the caller's transaction.
 */
export function seedDemoHistory(s: Statements, snap: FleetSnapshot, current: StoredPoint): boolean {
  if (s.getMeta.get(DEMO_SEEDED_KEY) !== undefined) return false;
  // A history recorded before demo mode was switched on is real: never invent a past in front of it.
  if (!s.isEmpty.get()) return false;
  const cal = demoCalendar(current.at);
  const pasts: NodePast[] = snap.nodes.map((row) => ({ row, counted: countedFrom(row, cal), observations: nodeObservations(row, cal) }));
  for (const p of demoPoints(cal, demoSteps(cal), pasts, current)) s.upsertPoint.run(...pointParams(p));
  for (const { row, observations } of pasts) {
    let state: NodeState | undefined;
    for (const o of observations) {
      const { change, write } = compare(state, o, true);
      if (change) insertChange(s, change);
      if (write) state = write;
    }
    // The node's last known state is its current one, so the first real refresh records no change for it.
    if (state) writeState(s, row.id, { ...state, seenAt: current.at });
  }
  s.setMeta.run(DEMO_SEEDED_KEY, new Date(current.at).toISOString());
  return true;
}
