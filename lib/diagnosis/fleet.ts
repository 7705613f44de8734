import 'server-only';
import type { CallCounts, FleetDiagnosis, IncompleteNode } from '@/lib/contracts/diagnosis';
import type { NodeRow, PingStatus } from '@/lib/contracts/node';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { collectFacts, suggestedProfiles, type NodeInput } from './collect';
import { diagnose, type Diagnosed } from './diagnose';
import { groupFleet } from './group';
import { countCalls } from './meter';

/** The pings the fleet view diagnoses: every node that is not Online and whose SSM state is known. */
export const DIAGNOSED_PINGS: ReadonlySet<PingStatus> = new Set(['NotManaged', 'ConnectionLost', 'Inactive', 'NotRunning']);

export interface Batch {
  diagnosed: Diagnosed[];
  failed: IncompleteNode[];
  calls: CallCounts;
  /** When the oldest fact used was read (epoch ms). */
  oldest: number;
}

/** The snapshot's rows as collector inputs (hybrid nodes carry their activation). */
export function inputsOf(snap: FleetSnapshot, rows: NodeRow[]): NodeInput[] {
  return rows.map((row) => ({ row, activationId: snap.byId.get(row.id)?.region.extras.get(row.id)?.activationId ?? null }));
}

/** Diagnose many nodes at once: facts read in batches per region, counted. */
export async function diagnoseRows(snap: FleetSnapshot, rows: NodeRow[], opts: { refresh?: boolean } = {}): Promise<Batch> {
  const { value, calls } = await countCalls(() => collectFacts(inputsOf(snap, rows), { refresh: opts.refresh, suggestedProfiles: suggestedProfiles(snap.nodes) }));
  return {
    diagnosed: value.facts.map((f) => diagnose(f, { calls: { total: 0, byOperation: {} } })),
    failed: value.failed.map(({ row, error }) => ({ nodeId: row.id, region: row.region, ping: row.ping, unchecked: [], missingPermissions: [], error })),
    calls,
    oldest: value.facts.reduce((m, f) => Math.min(m, f.fetchedAt), Date.now()),
  };
}

/**
 * Every node of the cached fleet that is not Online, diagnosed and grouped by top cause ("23 instances in vpc-0abc
 * have no route to SSM"). Facts are read in batches per region and cached per VPC, profile, role and region, so the
 * calls grow with the VPCs and profiles involved, not with the nodes (see scripts/bench-diagnosis.ts).
 * Nodes with ping Unknown (their region's SSM list could not be read) are listed as not diagnosed: whether they are
 * managed is not known until SSM answers (diagnoseNode still diagnoses one from EC2's facts).
 */
export async function diagnoseFleet(opts: { refresh?: boolean } = {}): Promise<FleetDiagnosis> {
  const started = Date.now();
  const snap = await getFleetSnapshot();
  const rows = snap.nodes.filter((r) => DIAGNOSED_PINGS.has(r.ping));
  const notDiagnosed = snap.nodes
    .filter((r) => r.ping === 'Unknown')
    .map((r) => ({ nodeId: r.id, region: r.region, reason: `Systems Manager's node list for ${r.region} could not be read.` }));
  const batch = await diagnoseRows(snap, rows, opts);
  const grouped = groupFleet(batch.diagnosed, batch.failed);
  return {
    checkedAt: new Date(batch.oldest).toISOString(),
    fleetGeneratedAt: snap.generatedAt,
    considered: rows.length,
    ...grouped,
    notDiagnosed,
    missingPermissions: [...new Set(grouped.incomplete.flatMap((n) => n.missingPermissions))].sort(),
    calls: batch.calls,
    durationMs: Date.now() - started,
  };
}
