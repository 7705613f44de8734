import type { RegionStatus } from '@/lib/contracts/node';
import { formatAge, formatNumber } from '@/lib/format';
import { scopeLabel } from '@/lib/contracts/scope-label';

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
      const code = e?.code ?? 'error';
      out.push({
        region: scopeLabel(r),
        text: r.ec2Only
          ? `${scopeLabel(r)}: could not list nodes (${code}); its ${formatNumber(r.nodes)} EC2 instances are shown with SSM status unknown`
          : r.nodes > 0
            ? `${scopeLabel(r)}: could not refresh (${code}); its ${formatNumber(r.nodes)} nodes are ${r.restored ? 'as saved before the restart, read' : 'from'} ${formatAge(r.fetchedAt, now)}`
            : code === 'NotReadYet'
              ? `${scopeLabel(r)}: not read yet since the dashboard restarted`
              : `${scopeLabel(r)}: could not list nodes (${code}); its nodes are missing`,
        detail: code === 'NotReadYet' ? '' : (e?.message ?? ''),
      });
      continue; // its earlier nodes are shown whole: their other failures add nothing
    }
    if (r.restored) {
      out.push({ region: scopeLabel(r), text: `${scopeLabel(r)}: ${formatNumber(r.nodes)} nodes as saved before the dashboard restarted, read ${formatAge(r.fetchedAt, now)}; refreshing now`, detail: '' });
      continue;
    }
    for (const e of r.errors) {
      if (!sources.includes(e.source)) continue;
      out.push({ region: scopeLabel(r), text: `${scopeLabel(r)}: ${e.source} failed (${e.code})`, detail: e.message });
    }
  }
  return out;
}
