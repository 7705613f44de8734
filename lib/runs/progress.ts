import 'server-only';
import type { RunDetail, RunNode } from '@/lib/contracts/run';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { notFound } from '@/lib/errors';
import { getRun } from './store';
import { runView } from './run-view';
import { fromFinal, newLive, partialSummary, refresh, type Live } from './progress-live';

/**
 * A run's progress for its viewers: one read of AWS shared by all of them (progress-live.ts does the reading), and a
 * revision per node, so that a viewer that sends the cursor of its last answer gets only the nodes that changed since.
 */

/** At most ~10 ListCommandInvocations pages a second per run: a 10,000-node run (200 pages) is read every 20 s. */
export function shareMs(pages: number): number {
  return Math.min(30_000, Math.max(2_000, pages * 100));
}

const g = globalThis as unknown as { __runLive?: Map<string, { live: Live; cache: SwrCache<Live> }> };
const runs = (g.__runLive ??= new Map());

function entry(id: string) {
  let e = runs.get(id);
  if (!e) {
    const live = newLive();
    const cache = createSwrCache<Live>({
      ttlMs: () => (live.final ? Number.POSITIVE_INFINITY : shareMs(live.pages)),
      load: async () => {
        const run = getRun(id);
        if (run?.final && !live.final) return fromFinal(run, live);
        return refresh(id, live);
      },
      onBackgroundError: (err) => console.error(`[runs] reading ${id} failed:`, err),
    });
    e = { live, cache };
    runs.set(id, e);
    if (runs.size > 100) runs.delete(runs.keys().next().value!);
  }
  return e;
}

const FIRST_ANSWER_MS = 1_500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Parse "epoch.rev"; anything else asks for everything. */
function since(cursor: string | undefined, live: Live): number | null {
  const m = /^([0-9a-f]{8})\.(\d+)$/.exec(cursor ?? '');
  return m && m[1] === live.epoch ? Number(m[2]) : null;
}

/** A run's progress for a viewer: everything, or only what changed since the viewer's cursor. */
export async function getRunDetail(id: string, opts: { refresh?: boolean; cursor?: string } = {}): Promise<RunDetail> {
  const run0 = getRun(id);
  if (!run0) throw notFound('RunNotFound', `no run ${id}`);
  const e = entry(id);
  const reading = e.cache.get({ refresh: opts.refresh && !e.live.final });
  // The first read of a big run takes seconds (200 pages for 10,000 nodes): answer with what it has so far after
  // FIRST_ANSWER_MS, and the viewer's next poll brings the rest.
  const live = e.live.loaded || opts.refresh ? await reading : await Promise.race([reading, sleep(FIRST_ANSWER_MS).then(() => e.live)]);
  reading.catch(() => undefined);
  if (!live.loaded) partialSummary(live);
  const run = getRun(id)!;
  // Sending ended after the last read: the run is under way, whatever that read saw.
  const status = live.status === 'sending' && run.state !== 'sending' ? 'inProgress' : live.status;
  const from = since(opts.cursor, live);
  const nodes = [...live.nodes.values()];
  return {
    run: { ...runView(run), status, counts: live.counts },
    status,
    done: live.final,
    counts: live.counts,
    full: from === null,
    cursor: `${live.epoch}.${live.rev}`,
    nodes: from === null ? nodes : nodes.filter((n) => n.rev > from),
    total: live.nodes.size,
    triage: live.triage,
    triagePending: live.triagePending,
    errors: live.errors,
    reading: !live.loaded,
    checkedAt: live.checkedAt,
    nextCheckAt: live.final ? null : new Date(Date.parse(live.checkedAt) + shareMs(live.pages)).toISOString(),
  };
}

/** The nodes of a run that match, from its latest progress (retries, cancels). */
export async function runNodes(id: string): Promise<RunNode[]> {
  const e = entry(id);
  const live = await e.cache.get();
  return [...live.nodes.values()];
}

/** Tests and restarts: forget what is in memory. */
export function resetRunProgress(): void {
  runs.clear();
}
