import 'server-only';
import type { NodeRow, RegionStatus } from '@/lib/contracts/node';
import { regionStatus, type FleetSnapshot } from '@/lib/fleet/types';
import type { ComplianceSummary, GroupCompliance } from '@/lib/contracts/patching';
import { STALE_SCAN_DAYS } from '@/lib/contracts/node-view';

const DAY = 86_400_000;

function group(rows: NodeRow[], key: (r: NodeRow) => string, baseline?: (rows: NodeRow[]) => string | null): GroupCompliance[] {
  const by = new Map<string, NodeRow[]>();
  for (const r of rows) by.set(key(r), [...(by.get(key(r)) ?? []), r]);
  return [...by]
    .map(([k, rs]) => ({
      key: k,
      nodes: rs.length,
      compliant: rs.filter((r) => r.patchStatus === 'compliant').length,
      noncompliant: rs.filter((r) => r.patchStatus === 'noncompliant').length,
      notScanned: rs.filter((r) => r.patchStatus === 'notScanned').length,
      missingPatches: rs.reduce((a, r) => a + (r.patchMissing ?? 0), 0),
      ...(baseline ? { baselineId: baseline(rs) } : {}),
    }))
    .sort((a, b) => b.noncompliant - a.noncompliant || b.nodes - a.nodes || a.key.localeCompare(b.key));
}

const mostCommon = (values: (string | null)[]) => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

/** The compliance page's figures from the fleet snapshot (no extra AWS calls), with the health of every region read. */
export function fleetCompliance(snap: FleetSnapshot): ComplianceSummary {
  return complianceSummary(snap.nodes, snap.generatedAt, snap.regions.map(regionStatus));
}

/** The figures of these nodes; ages judged at `generatedAt`. */
export function complianceSummary(nodes: NodeRow[], generatedAt: string, regions: RegionStatus[] = []): ComplianceSummary {
  const now = Date.parse(generatedAt);
  const managed = nodes.filter((n) => n.managed);
  const count = (f: (n: NodeRow) => boolean) => managed.filter(f).length;
  const sum = (f: (n: NodeRow) => number | null) => managed.reduce((a, n) => a + (f(n) ?? 0), 0);
  const age = (n: NodeRow) => (n.patchScannedAt ? now - Date.parse(n.patchScannedAt) : null);
  const known = managed.filter((n) => n.patchStatus !== null);
  return {
    generatedAt,
    managed: managed.length,
    scanned: count((n) => n.patchStatus === 'compliant' || n.patchStatus === 'noncompliant'),
    compliant: count((n) => n.patchStatus === 'compliant'),
    noncompliant: count((n) => n.patchStatus === 'noncompliant'),
    notScanned: count((n) => n.patchStatus === 'notScanned'),
    unknown: count((n) => n.patchStatus === null),
    reasons: {
      missing: { nodes: count((n) => (n.patchMissing ?? 0) > 0), patches: sum((n) => n.patchMissing) },
      failed: { nodes: count((n) => (n.patchFailed ?? 0) > 0), patches: sum((n) => n.patchFailed) },
      pendingReboot: { nodes: count((n) => (n.patchPendingReboot ?? 0) > 0), patches: sum((n) => n.patchPendingReboot) },
      rejected: { nodes: count((n) => (n.patchRejected ?? 0) > 0), patches: sum((n) => n.patchRejected) },
    },
    severity: {
      critical: { nodes: count((n) => (n.patchCritical ?? 0) > 0), patches: sum((n) => n.patchCritical) },
      security: { nodes: count((n) => (n.patchSecurity ?? 0) > 0), patches: sum((n) => n.patchSecurity) },
      other: { nodes: count((n) => (n.patchOther ?? 0) > 0), patches: sum((n) => n.patchOther) },
    },
    byPatchGroup: group(known, (n) => n.patchGroup ?? '(none)', (rs) => mostCommon(rs.map((r) => r.baselineId))),
    byEnvironment: group(known, (n) => n.tags.Environment ?? '(none)'),
    byAccount: known.some((n) => n.account)
      ? group(known, (n) => n.account).map((g) => ({ ...g, label: known.find((n) => n.account === g.key)?.accountName || g.key }))
      : [],
    scanAge: {
      lastDay: count((n) => (age(n) ?? Infinity) <= DAY),
      lastWeek: count((n) => { const a = age(n); return a !== null && a > DAY && a <= STALE_SCAN_DAYS * DAY; }),
      older: count((n) => (age(n) ?? 0) > STALE_SCAN_DAYS * DAY),
      never: count((n) => n.patchStatus === 'notScanned'),
    },
    regions,
  };
}
