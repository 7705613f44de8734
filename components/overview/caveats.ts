import type { OverviewSummary } from '@/lib/contracts/summary';
import { formatAge, formatNumber } from '@/lib/format';
import { scopeLabel } from '@/lib/contracts/scope-label';

/** The charts, and the sources each one's figures come from. */
export type ChartId = 'nodes' | 'ping' | 'patch' | 'opsOpen' | 'opsHistory' | 'ami';

const LIST = 'ssm:DescribeInstanceInformation';
const FLEET_SOURCES: Record<ChartId, string[]> = {
  nodes: [LIST],
  ping: [LIST, 'ec2:DescribeInstances'],
  patch: [LIST, 'ssm:DescribeInstancePatchStates', 'ec2:DescribeInstances', 'ssm:ListTagsForResource'],
  opsOpen: [LIST, 'ssm:DescribeOpsItems'],
  opsHistory: [],
  ami: [LIST, 'ec2:DescribeInstances'],
};
/** The overview's own reads (summary `gaps`) each chart depends on. */
const OWN_SOURCES: Record<ChartId, string[]> = {
  nodes: [], ping: [], patch: [], opsOpen: [], opsHistory: ['ssm:DescribeOpsItems'], ami: ['ec2:DescribeImages'],
};

export interface Caveat {
  text: string;
  detail: string;
}

/**
 * Why a chart's figures are incomplete, region by region: a region whose node list failed (its nodes are from an
 * earlier refresh, or missing), and every failed source the chart reads. Empty: the figures are complete.
 */
export function caveatsFor(s: OverviewSummary, chart: ChartId, now: number): Caveat[] {
  const out: Caveat[] = [];
  const sources = FLEET_SOURCES[chart];
  for (const r of s.regions) {
    if (!r.ok && sources.includes(LIST)) {
      const e = r.errors.find((x) => x.source === LIST);
      out.push({
        text: r.nodes > 0
          ? `${scopeLabel(r)}: could not refresh (${e?.code ?? 'error'}); its ${formatNumber(r.nodes)} nodes are from ${formatAge(r.fetchedAt, now)}`
          : `${scopeLabel(r)}: could not list nodes (${e?.code ?? 'error'}); its nodes are missing`,
        detail: e?.message ?? '',
      });
    }
    // A region that could not refresh shows its earlier nodes whole: the line above says so; its other failures add nothing.
    for (const e of r.ok ? r.errors : []) {
      if (e.source === LIST || !sources.includes(e.source)) continue;
      out.push({ text: `${scopeLabel(r)}: ${e.source} failed (${e.code})`, detail: e.message });
    }
  }
  for (const g of s.gaps) {
    if (!OWN_SOURCES[chart].includes(g.source)) continue;
    const text = g.code === 'Pending'
      ? `${g.region}: ${g.message.toLowerCase()}`
      : `${g.region}: ${g.source} failed (${g.code})${g.stale ? '; showing its last good read' : ''}`;
    out.push({ text, detail: g.message });
  }
  return out;
}
