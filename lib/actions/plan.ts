/**
 * The arithmetic of a patch run, pure: which nodes a request hits, how it is split into SendCommand calls, how many
 * nodes are patched at once, and which groups (AZ, Environment, Auto Scaling group) could be down together.
 */
import type { NodeRow } from '@/lib/contracts/node';
import type { PatchRunRequest, PlannedCommand, RunTargets } from '@/lib/contracts/patch-run';

export const BATCH = 50; // SendCommand takes at most 50 InstanceIds
export const PATCH_GROUP_TAG = 'Patch Group';

export class PlanError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

const isPct = (s: string) => s.endsWith('%');
const pctOf = (s: string) => Number(s.slice(0, -1));

/** Nodes that may run at once for `n` targets. Percentages round up, at least 1 (the conservative bound). */
export function effectiveConcurrency(spec: string, n: number): number {
  if (n <= 0) return 0;
  const c = isPct(spec) ? Math.ceil((pctOf(spec) * n) / 100) : Number(spec);
  return Math.max(1, Math.min(n, c));
}

/** Errors tolerated before AWS stops sending to more targets. */
export function errorBudget(spec: string, n: number): number {
  return isPct(spec) ? Math.floor((pctOf(spec) * n) / 100) : Number(spec);
}

export function describeTargets(t: RunTargets): string {
  if (t.mode === 'nodes') return `${t.nodeIds.length} selected node${t.nodeIds.length === 1 ? '' : 's'}`;
  if (t.mode === 'tag') return `tag ${t.key}=${t.value}`;
  return `patch group ${t.patchGroup}`;
}

/** The nodes a request hits, as the dashboard's fleet view sees them. */
export function resolveTargets(t: RunTargets, fleet: NodeRow[]): NodeRow[] {
  if (t.mode === 'nodes') {
    const byId = new Map(fleet.map((n) => [n.id, n]));
    const unknown = t.nodeIds.filter((id) => !byId.has(id));
    if (unknown.length) throw new PlanError('UnknownNodes', `unknown node${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}`);
    const nodes = t.nodeIds.map((id) => byId.get(id)!);
    const unmanaged = nodes.filter((n) => !n.managed);
    if (unmanaged.length) throw new PlanError('NotManaged', `not managed by Systems Manager, so no command can reach them: ${unmanaged.map((n) => n.id).slice(0, 10).join(', ')}`);
    return nodes;
  }
  const matches = t.mode === 'tag'
    ? (n: NodeRow) => n.tags[t.key] === t.value
    : (n: NodeRow) => n.tags[PATCH_GROUP_TAG] === t.patchGroup || n.patchGroup === t.patchGroup;
  const nodes = fleet.filter((n) => n.managed && matches(n));
  if (!nodes.length) throw new PlanError('NoTargets', `no managed node has ${describeTargets(t)}`);
  return nodes;
}

/** `total` split in proportion to `sizes`, in whole numbers summing to `total` (largest remainders). */
export function apportion(total: number, sizes: number[]): number[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (n ? (total * s) / n : 0));
  const out = exact.map((x) => Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) out[i]++;
  return out;
}

/** As apportion, but every share at least 1 (a command cannot run with concurrency 0). */
function shareOut(total: number, sizes: number[]): number[] {
  return apportion(total - sizes.length, sizes).map((x) => x + 1);
}

/**
 * One command per region and 50 nodes (explicit selections) or per region (tag targets, resolved by AWS). An absolute
 * MaxConcurrency or MaxErrors is shared out between the commands so the whole run honours it; a percentage applies to
 * each command as it stands.
 */
export function planCommands(req: PatchRunRequest, reachable: NodeRow[], all: NodeRow[]): PlannedCommand[] {
  const byRegion = new Map<string, NodeRow[]>();
  const source = req.targets.mode === 'nodes' ? reachable : all;
  for (const n of source) byRegion.set(n.region, [...(byRegion.get(n.region) ?? []), n]);
  const drafts: Omit<PlannedCommand, 'maxConcurrency' | 'maxErrors'>[] = [];
  for (const [region, nodes] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
    if (req.targets.mode === 'nodes') {
      const ids = nodes.map((n) => n.id).sort();
      for (let i = 0; i < ids.length; i += BATCH) drafts.push({ region, instanceIds: ids.slice(i, i + BATCH), expectedNodes: Math.min(BATCH, ids.length - i) });
    } else {
      const target = req.targets.mode === 'tag' ? { key: req.targets.key, value: req.targets.value } : { key: PATCH_GROUP_TAG, value: req.targets.patchGroup };
      drafts.push({ region, target, expectedNodes: nodes.length });
    }
  }
  if (!drafts.length) throw new PlanError('NoReachableTargets', 'none of the selected nodes is Online, so there is nothing to send');
  const sizes = drafts.map((d) => d.expectedNodes);
  let conc: string[] = drafts.map(() => req.maxConcurrency);
  if (!isPct(req.maxConcurrency)) {
    const c = Number(req.maxConcurrency);
    if (c < drafts.length) {
      throw new PlanError(
        'ConcurrencyTooLow',
        `MaxConcurrency ${c} cannot be shared between the ${drafts.length} commands this run needs (one per region and 50 nodes): use at least ${drafts.length}, or a percentage`,
      );
    }
    conc = shareOut(c, sizes).map(String);
  }
  let errs: string[] = drafts.map(() => req.maxErrors);
  if (!isPct(req.maxErrors)) errs = apportion(Number(req.maxErrors), sizes).map(String);
  return drafts.map((d, i) => ({ ...d, maxConcurrency: conc[i], maxErrors: errs[i] }));
}
