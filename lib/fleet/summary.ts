import 'server-only';
import { PING_STATUSES, type NodeRow } from '@/lib/contracts/node';
import { STALE_SCAN_DAYS } from '@/lib/contracts/node-view';
import type { FleetSummary } from '@/lib/contracts/summary';
import { regionStatus, type FleetSnapshot } from './types';

const DAY_MS = 86_400_000;

/** The overview's figures, computed once per snapshot. */
export function summarize(snap: FleetSnapshot, now = Date.now()): FleetSummary {
  const managed = snap.nodes.filter((n) => n.managed);
  const byPing = Object.fromEntries(PING_STATUSES.map((p) => [p, 0])) as FleetSummary['byPing'];
  for (const n of snap.nodes) byPing[n.ping]++;

  const platforms = new Map<string, number>();
  for (const n of managed) platforms.set(n.platformName ?? 'Unknown', (platforms.get(n.platformName ?? 'Unknown') ?? 0) + 1);

  const count = (f: (n: NodeRow) => boolean) => managed.reduce((acc, n) => acc + (f(n) ? 1 : 0), 0);
  const openItems = new Set<string>();
  for (const r of snap.regions) for (const list of r.opsItems.values()) for (const i of list) openItems.add(i.id);

  return {
    version: snap.version,
    generatedAt: snap.generatedAt,
    managed: managed.length,
    byPing,
    byPlatform: [...platforms].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count),
    agents: {
      latest: count((n) => n.agentLatest === true),
      outdated: count((n) => n.agentLatest === false),
    },
    patch: {
      compliant: count((n) => n.patchStatus === 'compliant'),
      noncompliant: count((n) => n.patchStatus === 'noncompliant'),
      notScanned: count((n) => n.patchStatus === 'notScanned'),
      unknown: count((n) => n.patchStatus === null),
      missing: count((n) => (n.patchMissing ?? 0) > 0),
      failed: count((n) => (n.patchFailed ?? 0) > 0),
      pendingReboot: count((n) => (n.patchPendingReboot ?? 0) > 0),
      criticalNodes: count((n) => (n.patchCritical ?? 0) > 0),
      staleScan: count((n) => n.patchScannedAt !== null && now - Date.parse(n.patchScannedAt) > STALE_SCAN_DAYS * DAY_MS),
    },
    opsItems: {
      nodes: snap.nodes.filter((n) => (n.openOpsItems ?? 0) > 0).length,
      items: openItems.size,
      known: snap.regions.every((r) => !r.errors.some((e) => e.source === 'ssm:DescribeOpsItems')),
    },
    regions: snap.regions.map((r) => ({
      ...regionStatus(r),
      online: r.nodes.filter((n) => n.ping === 'Online').length,
      notManaged: r.nodes.filter((n) => n.ping === 'NotManaged').length,
    })),
  };
}
