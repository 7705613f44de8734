/**
 * Which nodes a run's targets name, as the fleet view sees them, and what will happen to each (its fate). Pure.
 *
 * Explicit targets (a selection, a view, a retry) are sent as instance IDs, so the dashboard decides: only Online
 * nodes whose platform the document supports are sent. Tag and patch group targets are resolved by AWS when it sends:
 * every registered node that matches is reached, offline and stopped ones included, whatever the view shows.
 */
import type { NodeRow } from '@/lib/contracts/node';
import type { NodeFate } from '@/lib/contracts/run-preview';
import type { RunTargets } from '@/lib/contracts/run-request';
import { applyView, parseNodeView } from '@/lib/contracts/node-view';
import { invalid } from '@/lib/errors';

export const PATCH_GROUP_TAG = 'Patch Group';

export interface Resolved {
  /** Explicit IDs, or AWS-resolved tag conditions. */
  kind: 'explicit' | 'aws';
  rows: NodeRow[];
  /** IDs the request names that the fleet view does not know (explicit kinds only). */
  missing: string[];
  /** The AWS Targets for tag and patch group targets. */
  targets?: { Key: string; Values: string[] }[];
}

export interface TargetContext {
  fleet: NodeRow[];
  byId: Map<string, NodeRow>;
  now: number;
  /** For retries: the node IDs of the earlier run the request picks. */
  runNodeIds?: string[];
  /** For a view with the `sw` filter: the nodes that have the software (resolved by the software search). */
  software?: ReadonlySet<string>;
}

function explicit(ids: string[], ctx: TargetContext): Resolved {
  const rows: NodeRow[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const row = ctx.byId.get(id);
    if (row) rows.push(row);
    else missing.push(id);
  }
  return { kind: 'explicit', rows, missing };
}

export function resolveTargets(t: RunTargets, ctx: TargetContext): Resolved {
  switch (t.mode) {
    case 'nodes':
      return explicit(t.nodeIds, ctx);
    case 'run':
      return explicit(ctx.runNodeIds ?? [], ctx);
    case 'view': {
      const view = parseNodeView(new URLSearchParams(t.query));
      if (!view.success) throw invalid('BadView', `targets.query is not a nodes view: ${view.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { kind: 'explicit', rows: applyView(ctx.fleet, view.data, ctx.now, { software: ctx.software }), missing: [] };
    }
    case 'tags': {
      const rows = ctx.fleet.filter((n) => t.tags.every((c) => c.values.includes(n.tags[c.key] ?? '\u0000')));
      return { kind: 'aws', rows, missing: [], targets: t.tags.map((c) => ({ Key: `tag:${c.key}`, Values: c.values })) };
    }
    case 'patchGroup': {
      const rows = ctx.fleet.filter((n) => n.tags[PATCH_GROUP_TAG] === t.patchGroup || (n.managed && n.patchGroup === t.patchGroup));
      return { kind: 'aws', rows, missing: [], targets: [{ Key: `tag:${PATCH_GROUP_TAG}`, Values: [t.patchGroup] }] };
    }
  }
}

/**
 * The failed regions a request keeps (`keepFailedRegions`): requests without it (and runs stored before it existed)
 * keep none.
 */
export function keptRegions(req: object): string[] {
  const v = (req as { keepFailedRegions?: unknown }).keepFailedRegions;
  return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [];
}

/** What happens to a node, and whether it is part of what AWS is asked to do. */
export function fateOf(n: NodeRow, kind: Resolved['kind'], platforms: readonly string[], keepUnsupported: boolean): { fate: NodeFate; included: boolean } {
  if (n.ping === 'NotRunning') return { fate: 'stopped', included: kind === 'aws' };
  if (!n.managed) return { fate: 'unmanaged', included: false };
  const supported = n.platformType === null || platforms.length === 0 || platforms.includes(n.platformType);
  if (n.ping !== 'Online') return { fate: 'offline', included: kind === 'aws' };
  if (!supported) return { fate: 'unsupported', included: kind === 'aws' || keepUnsupported };
  return { fate: 'send', included: true };
}
