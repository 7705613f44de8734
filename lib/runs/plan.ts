/**
 * The arithmetic of a run, pure: how its nodes are split into SendCommand calls, and how rate control is shared
 * between those calls so that the run as a whole honours what the operator asked for.
 */
import type { NodeRow } from '@/lib/contracts/node';
import type { SentCommand } from '@/lib/contracts/run';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { invalid } from '@/lib/errors';

export const BATCH = 50; // SendCommand takes at most 50 InstanceIds

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

export type Draft = Omit<SentCommand, 'idx' | 'state' | 'commandId' | 'maxConcurrency' | 'maxErrors'>;

/** Explicit nodes: per account and region, sorted, in batches of 50. A batch holding nodes kept despite their platform goes by Targets. */
export function explicitDrafts(rows: NodeRow[], unsupported: Set<string>): Draft[] {
  const byRegion = groupByRegion(rows);
  const drafts: Draft[] = [];
  for (const [region, nodes] of byRegion) {
    const ids = nodes.map((n) => n.id).sort();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      drafts.push({ ...parseScopeKey(region), instanceIds: batch, byTargets: batch.some((id) => unsupported.has(id)), expectedNodes: batch.length });
    }
  }
  return drafts;
}

/** Tag targets: one command per account and region where the view sees matching nodes; AWS resolves the tag there. */
export function awsDrafts(rows: NodeRow[], targets: { Key: string; Values: string[] }[]): Draft[] {
  return [...groupByRegion(rows)].map(([key, nodes]) => ({ ...parseScopeKey(key), targets, expectedNodes: nodes.length }));
}

function groupByRegion(rows: NodeRow[]): [string, NodeRow[]][] {
  const byRegion = new Map<string, NodeRow[]>();
  for (const n of rows) {
    const list = byRegion.get(scopeKey(n));
    if (list) list.push(n);
    else byRegion.set(scopeKey(n), [n]);
  }
  return [...byRegion].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Rate control per command. An absolute MaxConcurrency or MaxErrors is shared out between the commands so the whole
 * run honours it; a percentage applies to each command as it stands.
 */
export function withRateControl(drafts: Draft[], maxConcurrency: string, maxErrors: string): SentCommand[] {
  if (!drafts.length) throw invalid('NoReachableTargets', 'no targeted node can be reached (none is Online with a supported platform), so there is nothing to send');
  const sizes = drafts.map((d) => d.expectedNodes);
  let conc: string[] = drafts.map(() => maxConcurrency);
  if (!isPct(maxConcurrency)) {
    const c = Number(maxConcurrency);
    if (c < drafts.length) {
      throw invalid(
        'ConcurrencyTooLow',
        `MaxConcurrency ${c} cannot be shared between the ${drafts.length} commands this run needs (one per region and 50 nodes): use at least ${drafts.length}, or a percentage`,
      );
    }
    conc = shareOut(c, sizes).map(String);
  }
  const errs = isPct(maxErrors) ? drafts.map(() => maxErrors) : apportion(Number(maxErrors), sizes).map(String);
  return drafts.map((d, idx) => ({ ...d, idx, state: 'planned', commandId: null, maxConcurrency: conc[idx], maxErrors: errs[idx] }));
}
