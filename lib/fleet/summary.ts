import 'server-only';
import { PING_STATUSES, type NodeRow } from '@/lib/contracts/node';
import { STALE_SCAN_DAYS } from '@/lib/contracts/node-view';
import type { DataGap, FleetSummary, OverviewSummary } from '@/lib/contracts/summary';
import { lookupAmis, peekAmis } from './ami-facts';
import { forTheDashboard } from '@/lib/cache/swr-cache';
import { peekRecentOpsItems, recentOpsItems } from './recent-ops-items';
import { agentVersionCounts, openOpsBySeverity, osCounts, patchByEnvironment } from './summary-nodes';
import { amiSummary, opsHistory, sourceGaps, type AmiInput } from './summary-sources';
import { regionStatus, type FleetSnapshot } from './types';
import { scopeKey } from '@/lib/aws/scope';

const DAY_MS = 86_400_000;

/** The headline figures, computed once per snapshot (the overview's cards and each history point). */
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

/** How long the overview waits for its own first reads (AMIs, OpsItem history) before answering with what it has. */
export const EXTRAS_WAIT_MS = 3_000;

/**
 * The overview: the snapshot's `figures` (as `summarize` made them) plus every chart's aggregates, computed on the
 * server from the snapshot and two cached reads (AMI creation dates, OpsItems of the last 90 days). When those are not
 * ready in `waitMs` (a cold start on a large account), the answer says `pending` and holds what is known; the reads go
 * on in the background.
 */
export async function overviewSummary(
  snap: FleetSnapshot,
  figures: FleetSummary,
  opts: { refresh?: boolean; waitMs?: number } = {},
): Promise<OverviewSummary> {
  const now = Date.parse(snap.generatedAt);
  // Keyed by scope (account and region): the same AMI ID or OpsItem history differs from one account to another.
  const scopes = snap.regions.map((r) => ({ account: r.account, region: r.region }));
  const regions = scopes.map(scopeKey);
  const images = new Map<string, Set<string>>(regions.map((r) => [r, new Set()]));
  for (const n of snap.nodes) if (n.imageId) images.get(scopeKey(n))?.add(n.imageId);
  const reads = Promise.all([
    Promise.all(scopes.map((s) => recentOpsItems(s, { refresh: opts.refresh }))),
    // The fleet's AMIs, the dashboard's own read: not charged to whoever opened the overview first.
    forTheDashboard(() => Promise.all(scopes.map((s, i) => lookupAmis(s, images.get(regions[i]) ?? [])))),
  ]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), opts.waitMs ?? EXTRAS_WAIT_MS)));
  const done = await Promise.race([reads, timeout]).finally(() => clearTimeout(timer));
  if (!done) reads.catch((err) => console.error('[overview] reads failed:', err));

  const ops = done ? done[0] : scopes.map(peekRecentOpsItems);
  const amis = new Map<string, AmiInput>();
  const amiGaps = new Map<string, DataGap | null>();
  regions.forEach((region, i) => {
    const lookup = done?.[1][i];
    amis.set(region, { facts: lookup?.facts ?? peekAmis(scopes[i], images.get(region) ?? []), missing: done ? 'lookupFailed' : 'pending' });
    const e = lookup?.error;
    const waiting = !done && (amis.get(region)?.facts.size ?? 0) < (images.get(region)?.size ?? 0);
    amiGaps.set(
      region,
      e ? { region, source: 'ec2:DescribeImages', code: e.code, message: `AMI ages unknown: ${e.message}` }
        : waiting ? { region, source: 'ec2:DescribeImages', code: 'Pending', message: 'AMI ages are still being read' } : null,
    );
  });
  const managed = snap.nodes.filter((n) => n.managed);
  return {
    ...figures,
    byOs: osCounts(managed),
    agentVersions: agentVersionCounts(managed),
    patchByEnvironment: patchByEnvironment(managed),
    openOpsBySeverity: openOpsBySeverity(snap.regions),
    opsHistory: opsHistory(ops, regions, now),
    amis: amiSummary(snap.nodes, amis, now),
    gaps: sourceGaps(regions, ops, amiGaps, !done),
    pending: !done,
  };
}
