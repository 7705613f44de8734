import 'server-only';
import { scopeKey } from '@/lib/aws/scope';
import type { NodeRow } from '@/lib/contracts/node';
import {
  AMI_AGE_BUCKETS, AMI_LINK_MAX, OPS_PER_DAY_DAYS, OPS_SEVERITIES, type AmiAgeBucket, type AmiAgeKey, type AmiGroup, type DataGap,
  type OverviewSummary,
} from '@/lib/contracts/summary';
import type { AmiFact } from './ami-facts';
import type { RecentOps } from './recent-ops-items';
import { TOP_N, topN } from './summary-nodes';

const DAY_MS = 86_400_000;

/** OpsItems of every region read: by status, and created per UTC day over the last OPS_PER_DAY_DAYS days by severity. */
export function opsHistory(reads: (RecentOps | undefined)[], regions: string[], now: number): OverviewSummary['opsHistory'] {
  const byStatus = new Map<string, number>();
  const today = Math.floor(now / DAY_MS);
  const perDay = Array.from({ length: OPS_PER_DAY_DAYS }, (_, i) => ({
    day: new Date((today - OPS_PER_DAY_DAYS + 1 + i) * DAY_MS).toISOString().slice(0, 10),
    bySeverity: Object.fromEntries([...OPS_SEVERITIES, 'none'].map((s) => [s, 0])) as Record<string, number>,
    total: 0,
  }));
  let total = 0;
  const readAts: string[] = [];
  const missingRegions: string[] = [];
  regions.forEach((region, i) => {
    const read = reads[i];
    if (!read?.items) return void missingRegions.push(region);
    if (read.readAt) readAts.push(read.readAt);
    for (const item of read.items) {
      total++;
      byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
      if (item.createdAt === null) continue;
      const d = perDay[Math.floor(item.createdAt / DAY_MS) - today + OPS_PER_DAY_DAYS - 1];
      if (!d) continue;
      const sev = item.severity && (OPS_SEVERITIES as readonly string[]).includes(item.severity) ? item.severity : 'none';
      d.bySeverity[sev]++;
      d.total++;
    }
  });
  return {
    total,
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    perDay,
    readAt: readAts.sort()[0] ?? null,
    missingRegions,
  };
}

/** Per region: the AMI facts known, how the unknown ones are unknown ('lookupFailed' when the lookup failed). */
export interface AmiInput {
  facts: Map<string, AmiFact | null>;
  missing: 'lookupFailed' | 'pending';
}

const ageKey = (days: number | null): AmiAgeKey =>
  days === null ? 'unknown' : (AMI_AGE_BUCKETS.find((b) => days <= b.maxDays)?.key ?? 'old');

/** Nodes grouped by the AMI they were launched from, with each AMI's age; the age buckets cover every AMI. */
export function amiSummary(nodes: NodeRow[], byRegion: Map<string, AmiInput>, now: number, top = TOP_N): OverviewSummary['amis'] {
  const groups = new Map<string, { region: string; key: string; nodes: number }>();
  let withoutImage = 0;
  for (const n of nodes) {
    if (!n.imageId) {
      withoutImage++;
      continue;
    }
    const g = groups.get(n.imageId);
    if (g) g.nodes++;
    else groups.set(n.imageId, { region: n.region, key: scopeKey(n), nodes: 1 });
  }
  const all: AmiGroup[] = [...groups].map(([imageId, g]) => {
    const input = byRegion.get(g.key);
    const fact = input?.facts.get(imageId);
    const created = fact?.createdAt ? Date.parse(fact.createdAt) : null;
    const ageDays = created === null ? null : Math.max(0, Math.floor((now - created) / DAY_MS));
    return {
      imageId, region: g.region, nodes: g.nodes, name: fact?.name ?? null, createdAt: fact?.createdAt ?? null, ageDays, age: ageKey(ageDays),
      unknown: fact ? null : fact === null ? 'notVisible' : (input?.missing ?? 'pending'),
    };
  });
  const { items, other } = topN(all, (a) => a.nodes, top);
  const buckets: AmiAgeBucket[] = [...AMI_AGE_BUCKETS.map((b) => ({ key: b.key as AmiAgeKey, label: b.label })), { key: 'unknown' as const, label: 'Unknown age' }].map((b) => {
    const inBucket = all.filter((a) => a.age === b.key);
    return {
      ...b,
      nodes: inBucket.reduce((n, a) => n + a.nodes, 0),
      images: inBucket.length,
      imageIds: inBucket.length <= AMI_LINK_MAX ? inBucket.map((a) => a.imageId).sort() : null,
    };
  });
  return { images: items, other, buckets, nodes: nodes.length - withoutImage, withoutImage };
}

/** The overview's own reads that failed, or are still running, region by region. */
export function sourceGaps(regions: string[], ops: (RecentOps | undefined)[], amiErrors: Map<string, DataGap | null>, pending: boolean): DataGap[] {
  const gaps: DataGap[] = [];
  regions.forEach((region, i) => {
    const read = ops[i];
    if (read?.error) {
      gaps.push({
        region, source: 'ssm:DescribeOpsItems', code: read.error.code, stale: !!read.items,
        message: `${read.items ? 'OpsItem history from the last good read; the latest read failed' : 'OpsItem history unavailable'}: ${read.error.message}`,
      });
    } else if (!read?.items && pending) {
      gaps.push({ region, source: 'ssm:DescribeOpsItems', code: 'Pending', message: 'OpsItem history is still being read' });
    }
    const ami = amiErrors.get(region);
    if (ami) gaps.push(ami);
  });
  return gaps;
}
