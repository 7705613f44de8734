import type { RegionStatus } from '@/lib/contracts/node';
import { formatAge, formatNumber } from '@/lib/format';

export const NODE_LIST = 'ssm:DescribeInstanceInformation';
/** The sources patch figures come from: the node list, patch states, and the tags (EC2, hybrid) that group them. */
export const PATCH_SOURCES = [NODE_LIST, 'ssm:DescribeInstancePatchStates', 'ec2:DescribeInstances', 'ssm:ListTagsForResource'];

export interface RegionCaveat {
  region: string;
  /** One line: the region, what failed and its code. */
  text: string;
  /** The plain reason (the operation and why, never AWS's own text: see lib/aws/describe-error.ts). */
  detail: string;
}

/**
 * Why figures read from these sources are incomplete, region by region: a region whose node list failed (its nodes
 * are from an earlier read, or missing), and each other failed source (a denied permission, a throttled read).
 * Empty: the figures are complete. The overview's chart notes say the same per chart.
 */
export function regionCaveats(regions: RegionStatus[], sources: readonly string[], now: number): RegionCaveat[] {
  const out: RegionCaveat[] = [];
  for (const r of regions) {
    if (!r.ok) {
      const e = r.errors.find((x) => x.source === NODE_LIST);
      out.push({
        region: r.region,
        text: r.nodes > 0
          ? `${r.region}: could not refresh (${e?.code ?? 'error'}); its ${formatNumber(r.nodes)} nodes are from ${formatAge(r.fetchedAt, now)}`
          : `${r.region}: could not list nodes (${e?.code ?? 'error'}); its nodes are missing`,
        detail: e?.message ?? '',
      });
      continue; // its earlier nodes are shown whole: their other failures add nothing
    }
    for (const e of r.errors) {
      if (!sources.includes(e.source)) continue;
      out.push({ region: r.region, text: `${r.region}: ${e.source} failed (${e.code})`, detail: e.message });
    }
  }
  return out;
}
