import 'server-only';
import type { FleetHistoryPoint } from '@/lib/contracts/history';
import type { FleetSummary } from '@/lib/contracts/summary';
import { summarize } from '@/lib/fleet/summary';
import type { FleetSnapshot } from '@/lib/fleet/types';

/** A refresh is partial when any region's node list or any source failed: some of its figures are missing or stale. */
export const isPartial = (snap: FleetSnapshot) => snap.regions.some((r) => !r.ok || r.errors.length > 0);

/**
 * One refresh, summarized with the overview's own figures (lib/fleet/summary), so the chart's newest point and the
 * overview's cards never disagree.
 */
export function pointOf(snap: FleetSnapshot, s: FleetSummary = summarize(snap, Date.parse(snap.generatedAt))): FleetHistoryPoint {
  return {
    at: snap.generatedAt,
    total: snap.nodes.length,
    managed: s.managed,
    online: s.byPing.Online,
    connectionLost: s.byPing.ConnectionLost,
    inactive: s.byPing.Inactive,
    notManaged: s.byPing.NotManaged,
    notRunning: s.byPing.NotRunning,
    compliant: s.patch.compliant,
    noncompliant: s.patch.noncompliant,
    notScanned: s.patch.notScanned,
    patchUnknown: s.patch.unknown,
    criticalNodes: s.patch.criticalNodes,
    agentLatest: s.agents.latest,
    agentOutdated: s.agents.outdated,
    openOpsItems: s.opsItems.items,
    partial: isPartial(snap),
    simulated: false,
  };
}
