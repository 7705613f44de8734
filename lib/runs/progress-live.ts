import 'server-only';
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import { OUTCOMES, runStatusOf, type OutcomeCounts, type RunStatus } from '@/lib/contracts/command-status';
import type { RunDetail, RunNode, TriageGroup } from '@/lib/contracts/run';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { auditOutcome } from '@/lib/actions/audit';
import { notFound } from '@/lib/errors';
import { readCommand, readErrorOutputs, unsentFacts, type ErrorOutput, type InvocationFacts } from './progress-read';
import { classify, groupFailures, type Classified } from './triage';
import { getRun, saveProgress, type StoredRun } from './store';
import { reconcileIfOrphaned } from './reconcile';
import { outcomeSummary } from './outcome-summary';

/**
 * A run's progress in memory, read from AWS: every node with a revision that bumps when anything shown about it
 * changes, the error output of failed nodes (read once), triage groups, counts and the run's status. When the run has
 * ended, it is saved and the audit record says what it did.
 */
export interface Live {
  epoch: string;
  rev: number;
  nodes: Map<string, RunNode>;
  /** Commands (by idx) whose invocations will not change again. */
  done: Map<number, InvocationFacts[]>;
  /** Error output of failed nodes that ran, read once. */
  outputs: Map<string, ErrorOutput>;
  classified: Map<string, Classified>;
  status: RunStatus;
  counts: OutcomeCounts;
  triage: TriageGroup[];
  triagePending: number;
  errors: RunDetail['errors'];
  checkedAt: string;
  pages: number;
  final: boolean;
  /** A complete read of AWS has finished at least once (before that, answers hold what the first read has so far). */
  loaded: boolean;
}

/** Commands of one run read at the same time: SSM throttles bursts, and a run's 200 commands need not all go at once. */
const limit = pLimit(6);

export function newLive(): Live {
  return {
    epoch: randomBytes(4).toString('hex'), rev: 0, nodes: new Map(), done: new Map(), outputs: new Map(), classified: new Map(), status: 'inProgress',
    counts: {}, triage: [], triagePending: 0, errors: [], checkedAt: new Date(0).toISOString(), pages: 0, final: false, loaded: false,
  };
}

const SAME_KEYS = ['outcome', 'status', 'statusDetails', 'exitCode', 'errorLine', 'group', 'deliveryDeadline', 'ping', 'name'] as const;
const same = (a: RunNode, b: Omit<RunNode, 'rev'>) => a.commandId === b.commandId && SAME_KEYS.every((k) => a[k] === b[k]);

function merge(live: Live, next: Omit<RunNode, 'rev'>): void {
  const prev = live.nodes.get(next.nodeId);
  if (prev && same(prev, next)) return;
  live.nodes.set(next.nodeId, { ...next, rev: ++live.rev });
}

async function readOutputs(run: StoredRun, live: Live, facts: InvocationFacts[]): Promise<number> {
  const wanted = facts.filter((f) => (f.outcome === 'failed' || f.outcome === 'executionTimedOut') && !live.outputs.has(f.nodeId));
  let pages = 0;
  for (const c of run.commands) {
    const mine = wanted.filter((f) => f.idx === c.idx);
    if (!mine.length) continue;
    try {
      const read = await readErrorOutputs(c, mine);
      pages += read.pages;
      // A Status=Failed page also holds Undeliverable and Invalid Platform nodes: they never ran, keep only those that did.
      const ran = new Set(mine.map((f) => f.nodeId));
      for (const [id, out] of read.outputs) if (ran.has(id)) live.outputs.set(id, out);
    } catch (err) {
      live.errors.push({ commandId: c.commandId ?? '', region: c.region, code: (err as { code?: string }).code ?? 'Error', message: (err as Error).message });
    }
  }
  return pages;
}

function toNode(f: InvocationFacts, live: Live, run: StoredRun, fleet: Map<string, { name: string | null; ping: string }>): Omit<RunNode, 'rev'> {
  const row = fleet.get(f.nodeId);
  let c: Classified | undefined;
  if (OUTCOMES[f.outcome].failed) {
    const out = live.outputs.get(f.nodeId);
    const ran = f.outcome === 'failed' || f.outcome === 'executionTimedOut';
    if (!ran || out) {
      c = live.classified.get(f.nodeId) ?? classify({ nodeId: f.nodeId, region: f.region, outcome: f.outcome, exitCode: out?.exitCode ?? null, text: ran ? out!.text : null });
      live.classified.set(f.nodeId, c);
    }
  }
  const offlinePending = f.outcome === 'pending' && row && row.ping !== 'Online' && f.requestedAt;
  return {
    nodeId: f.nodeId, name: row?.name ?? f.instanceName, account: f.account, region: f.region, commandId: f.commandId, outcome: f.outcome, status: f.status,
    statusDetails: f.statusDetails, exitCode: live.outputs.get(f.nodeId)?.exitCode ?? null, errorLine: c?.errorLine ?? null, group: c?.key ?? null,
    requestedAt: f.requestedAt, deliveryDeadline: offlinePending ? new Date(Date.parse(f.requestedAt!) + run.request.timeoutSeconds * 1000).toISOString() : null,
    ping: row?.ping ?? null,
  };
}

export async function refresh(id: string, live: Live): Promise<Live> {
  let run = getRun(id);
  if (!run) throw notFound('RunNotFound', `no run ${id}`);
  if (await reconcileIfOrphaned(run)) run = getRun(id)!;
  const snap = await getFleetSnapshot();
  const fleet = new Map(snap.nodes.map((n) => [n.id, { name: n.name, ping: n.ping }]));
  live.errors = [];
  let pages = 0;
  const facts: InvocationFacts[] = [];
  // Commands are read side by side (each one's pages follow each other: NextToken); finished ones come from memory.
  // Until the first read is complete, nodes are shown as their pages arrive (a viewer of a big run sees rows at once).
  const stream = live.loaded ? undefined : (page: InvocationFacts[]) => page.forEach((f) => merge(live, toNode(f, live, run, fleet)));
  const reads = await Promise.all(run.commands.map((c) => (c.commandId && !live.done.has(c.idx) ? limit(() => readCommand(c, stream)) : null)));
  run.commands.forEach((c, i) => {
    if (c.state === 'failed' || c.state === 'unsent') facts.push(...unsentFacts(c));
    const read = reads[i];
    if (!read) {
      facts.push(...(live.done.get(c.idx) ?? []));
      return;
    }
    pages += read.pages;
    if (read.error) live.errors.push(read.error);
    if (read.done) live.done.set(c.idx, read.facts);
    facts.push(...read.facts);
  });
  pages += await readOutputs(run, live, facts);
  for (const f of facts) merge(live, toNode(f, live, run, fleet));
  summarize(live, run);
  live.pages = pages;
  live.loaded = true;
  live.checkedAt = new Date().toISOString();
  await persist(run, live);
  return live;
}

function summarize(live: Live, run: StoredRun): void {
  const counts: OutcomeCounts = {};
  const failures = [];
  let pending = 0;
  for (const n of live.nodes.values()) {
    counts[n.outcome] = (counts[n.outcome] ?? 0) + 1;
    if (!OUTCOMES[n.outcome].failed) continue;
    const c = live.classified.get(n.nodeId);
    if (!c) pending++;
    else failures.push({ nodeId: n.nodeId, region: n.region, outcome: n.outcome, exitCode: n.exitCode, text: live.outputs.get(n.nodeId)?.text ?? null, ...c });
  }
  const sent = run.commands.filter((c) => c.commandId);
  const allEnded = run.state !== 'sending' && sent.every((c) => live.done.has(c.idx)) && live.errors.length === 0;
  live.counts = counts;
  live.triage = groupFailures(failures);
  live.triagePending = pending;
  live.status = runStatusOf(counts, {
    sending: run.state === 'sending', sentCommands: sent.length, unsentCommands: run.commands.length - sent.length, allEnded, cancelRequested: run.cancelRequested,
  });
  live.final = allEnded && live.status !== 'sending' && live.status !== 'inProgress';
}

async function persist(run: StoredRun, live: Live): Promise<void> {
  if (!live.final) {
    saveProgress(run.id, live.status, live.counts);
    return;
  }
  const endedAt = new Date().toISOString();
  saveProgress(run.id, live.status, live.counts, { endedAt, detail: { nodes: [...live.nodes.values()], triage: live.triage, outputs: [...live.outputs] } });
  if (run.auditId !== null) auditOutcome(run.auditId, live.status, outcomeSummary(live.counts, run.expectedNodes));
  // The run may have changed what the fleet view shows (patch state, agent version): refresh it now.
  getFleetSnapshot({ refresh: true }).catch(() => undefined);
}

export function fromFinal(run: StoredRun, live: Live): Live {
  const f = run.final as { nodes: RunNode[]; triage: TriageGroup[]; outputs: [string, ErrorOutput][] };
  for (const n of f.nodes) live.nodes.set(n.nodeId, { ...n, rev: ++live.rev });
  live.outputs = new Map(f.outputs);
  live.triage = f.triage;
  live.counts = run.counts;
  live.status = run.status;
  live.final = true;
  live.loaded = true;
  live.checkedAt = run.endedAt ?? new Date().toISOString();
  return live;
}

/** Counts of what the first read has so far (the full summary comes when it ends). */
export function partialSummary(live: Live): void {
  const counts: OutcomeCounts = {};
  for (const n of live.nodes.values()) counts[n.outcome] = (counts[n.outcome] ?? 0) + 1;
  live.counts = counts;
}

