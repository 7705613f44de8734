import 'server-only';
import { db } from '@/lib/db/database';
import type { RunStatus, RunSummary, SentCommand } from '@/lib/contracts/run';

type Row = {
  id: string; created_at: string; actor: string; kind: string; document: string; parameters: string; target_mode: string;
  target_summary: string; node_ids: string; max_concurrency: string; max_errors: string; timeout_seconds: number;
  comment: string | null; commands: string; retry_of: string | null; final_state: string | null;
};

function toSummary(r: Row): RunSummary {
  const params = JSON.parse(r.parameters) as Record<string, string[]>;
  const commands = JSON.parse(r.commands) as SentCommand[];
  return {
    id: r.id, createdAt: r.created_at, actor: r.actor, kind: 'patch', operation: params.Operation?.[0] ?? '',
    rebootOption: params.RebootOption?.[0] ?? '', targetMode: r.target_mode as RunSummary['targetMode'], targetSummary: r.target_summary,
    expectedNodes: commands.reduce((a, c) => a + c.expectedNodes, 0), maxConcurrency: r.max_concurrency, maxErrors: r.max_errors,
    timeoutSeconds: r.timeout_seconds, comment: r.comment, commands, retryOf: r.retry_of,
    finalStatus: r.final_state ? (JSON.parse(r.final_state) as { status: RunStatus }).status : null,
  };
}

export interface NewRun {
  id: string;
  actor: string;
  document: string;
  parameters: Record<string, string[]>;
  targetMode: string;
  targetSummary: string;
  nodeIds: string[];
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  comment: string | null;
  commands: SentCommand[];
  retryOf: string | null;
}

export function insertRun(r: NewRun): void {
  db()
    .prepare(
      `INSERT INTO runs (id, created_at, actor, kind, document, parameters, target_mode, target_summary, node_ids, max_concurrency,
        max_errors, timeout_seconds, comment, commands, retry_of) VALUES (?, ?, ?, 'patch', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.id, new Date().toISOString(), r.actor, r.document, JSON.stringify(r.parameters), r.targetMode, r.targetSummary,
      JSON.stringify(r.nodeIds), r.maxConcurrency, r.maxErrors, r.timeoutSeconds, r.comment, JSON.stringify(r.commands), r.retryOf,
    );
}

export function updateRunCommands(id: string, commands: SentCommand[]): void {
  db().prepare('UPDATE runs SET commands = ? WHERE id = ?').run(JSON.stringify(commands), id);
}

export function getRun(id: string): (RunSummary & { finalState: unknown }) | null {
  const r = db().prepare('SELECT * FROM runs WHERE id = ?').get(id) as Row | undefined;
  return r ? { ...toSummary(r), finalState: r.final_state ? JSON.parse(r.final_state) : null } : null;
}

export function listRuns(limit = 200): RunSummary[] {
  return (db().prepare('SELECT * FROM runs ORDER BY created_at DESC LIMIT ?').all(limit) as Row[]).map(toSummary);
}

/** Once every command has ended, its result never changes: keep it and stop asking AWS. */
export function saveFinalState(id: string, state: unknown): void {
  db().prepare('UPDATE runs SET final_state = ? WHERE id = ?').run(JSON.stringify(state), id);
}
