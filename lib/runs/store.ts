import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/database';
import { BOOT_ID } from '@/lib/db/boot';
import type { OutcomeCounts, RunStatus } from '@/lib/contracts/command-status';
import type { RunRequest } from '@/lib/contracts/run-request';
import type { RunSummary, SentCommand } from '@/lib/contracts/run';

/**
 * Runs and their commands on disk. A run's commands are rows of their own, each written before its SendCommand
 * ("sending") and after it ("sent" with the CommandId, or "failed"), so a crash between the two leaves evidence.
 */

export { BOOT_ID };

export type RunState = 'sending' | 'sent' | 'ended';

type RunRow = {
  id: string; created_at: string; actor: string; document: string; document_version: string; request: string; target_mode: string;
  target_summary: string; comment: string | null; retry_of: string | null; rerun_of: string | null; state: RunState; sender: string | null;
  audit_id: number | null; idempotency_key: string | null; status: RunStatus | null; counts: string; ended_at: string | null;
  cancel_requested: number; expected_nodes: number; regions: string; accounts: string; final: string | null;
};

type CommandRow = {
  run_id: string; idx: number; account: string; region: string; state: SentCommand['state']; command_id: string | null; instance_ids: string | null;
  targets: string | null; by_targets: number; expected_nodes: number; max_concurrency: string; max_errors: string;
  error_code: string | null; error_message: string | null; sent_at: string | null; reconciled: string | null;
};

export interface StoredRun extends RunSummary {
  state: RunState;
  sender: string | null;
  auditId: number | null;
  idempotencyKey: string | null;
  request: RunRequest;
  commands: SentCommand[];
  final: unknown;
}

const toCommand = (c: CommandRow): SentCommand => ({
  idx: c.idx, account: c.account, region: c.region, state: c.state, commandId: c.command_id,
  ...(c.instance_ids ? { instanceIds: JSON.parse(c.instance_ids) as string[] } : {}),
  ...(c.targets ? { targets: JSON.parse(c.targets) as SentCommand['targets'] } : {}),
  byTargets: c.by_targets === 1, expectedNodes: c.expected_nodes, maxConcurrency: c.max_concurrency, maxErrors: c.max_errors,
  ...(c.error_code ? { error: { code: c.error_code, message: c.error_message ?? '' } } : {}),
  sentAt: c.sent_at, reconciled: c.reconciled,
});

function summaryOf(r: RunRow): RunSummary {
  const regions = JSON.parse(r.regions) as string[];
  return {
    id: r.id, createdAt: r.created_at, actor: r.actor, document: r.document, documentVersion: r.document_version, comment: r.comment,
    targetMode: r.target_mode as RunSummary['targetMode'], targetSummary: r.target_summary, expectedNodes: r.expected_nodes, regions, accounts: JSON.parse(r.accounts ?? '[]') as string[],
    commandCount: 0, status: r.status ?? (r.state === 'sending' ? 'sending' : 'inProgress'), counts: JSON.parse(r.counts) as OutcomeCounts,
    endedAt: r.ended_at, retryOf: r.retry_of, rerunOf: r.rerun_of, cancelRequested: r.cancel_requested === 1,
  };
}

export const newRunId = () => `run-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;

export interface NewRun {
  id: string;
  actor: string;
  request: RunRequest;
  documentVersion: string;
  targetSummary: string;
  auditId: number;
  idempotencyKey: string;
  commands: SentCommand[];
}

/** The run and its planned commands, in one transaction, owned by this process until sent. */
export function insertRun(r: NewRun): void {
  const d = db();
  const insertCommand = d.prepare(
    `INSERT INTO run_commands (run_id, idx, account, region, state, instance_ids, targets, by_targets, expected_nodes, max_concurrency, max_errors)
     VALUES (?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?, ?)`,
  );
  d.transaction(() => {
    d.prepare(
      `INSERT INTO runs (id, created_at, actor, kind, document, document_version, parameters, request, target_mode, target_summary, node_ids,
        max_concurrency, max_errors, timeout_seconds, comment, commands, retry_of, rerun_of, state, sender, audit_id, idempotency_key, status,
        expected_nodes, regions, accounts)
       VALUES (?, ?, ?, 'command', ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, '[]', ?, ?, 'sending', ?, ?, ?, 'sending', ?, ?, ?)`,
    ).run(
      r.id, new Date().toISOString(), r.actor, r.request.document, r.documentVersion, JSON.stringify(r.request.parameters), JSON.stringify(r.request),
      r.request.targets.mode, r.targetSummary, r.request.maxConcurrency, r.request.maxErrors, r.request.timeoutSeconds, r.request.comment ?? null,
      r.request.retryOf ?? null, r.request.rerunOf ?? null, BOOT_ID, r.auditId, r.idempotencyKey,
      r.commands.reduce((a, c) => a + c.expectedNodes, 0), JSON.stringify([...new Set(r.commands.map((c) => c.region))]),
      JSON.stringify([...new Set(r.commands.map((c) => c.account).filter(Boolean))]),
    );
    for (const c of r.commands) {
      insertCommand.run(r.id, c.idx, c.account, c.region, c.instanceIds ? JSON.stringify(c.instanceIds) : null, c.targets ? JSON.stringify(c.targets) : null,
        c.byTargets ? 1 : 0, c.expectedNodes, c.maxConcurrency, c.maxErrors);
    }
  })();
}

export function setCommandState(
  runId: string,
  idx: number,
  state: SentCommand['state'],
  extra: { commandId?: string; error?: { code: string; message: string }; reconciled?: string } = {},
): void {
  db()
    .prepare(
      `UPDATE run_commands SET state = ?, command_id = COALESCE(?, command_id), error_code = COALESCE(?, error_code), error_message = COALESCE(?, error_message),
        sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, reconciled = COALESCE(?, reconciled) WHERE run_id = ? AND idx = ?`,
    )
    .run(state, extra.commandId ?? null, extra.error?.code ?? null, extra.error?.message ?? null, state, new Date().toISOString(), extra.reconciled ?? null, runId, idx);
}

export function setRunState(id: string, state: RunState, status?: RunStatus): void {
  db().prepare('UPDATE runs SET state = ?, status = COALESCE(?, status) WHERE id = ?').run(state, status ?? null, id);
}

/** The last counts and status read from AWS (the runs list shows them without asking AWS). */
export function saveProgress(id: string, status: RunStatus, counts: OutcomeCounts, final?: { endedAt: string; detail: unknown }): void {
  db()
    .prepare(`UPDATE runs SET status = ?, counts = ?, ended_at = COALESCE(?, ended_at), final = COALESCE(?, final), state = CASE WHEN ? THEN 'ended' ELSE state END WHERE id = ?`)
    .run(status, JSON.stringify(counts), final?.endedAt ?? null, final ? JSON.stringify(final.detail) : null, final ? 1 : 0, id);
}

export function markCancelRequested(id: string): void {
  db().prepare('UPDATE runs SET cancel_requested = 1 WHERE id = ?').run(id);
}

function commandsOf(id: string): SentCommand[] {
  return (db().prepare('SELECT * FROM run_commands WHERE run_id = ? ORDER BY idx').all(id) as CommandRow[]).map(toCommand);
}

export function getRun(id: string): StoredRun | null {
  const r = db().prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!r) return null;
  const commands = commandsOf(id);
  return {
    ...summaryOf(r), commandCount: commands.length, state: r.state, sender: r.sender, auditId: r.audit_id, idempotencyKey: r.idempotency_key,
    request: JSON.parse(r.request) as RunRequest, commands, final: r.final ? JSON.parse(r.final) : null,
  };
}

/** Newest first. */
export function listRuns(limit = 500): RunSummary[] {
  const rows = db()
    .prepare(`SELECT r.*, (SELECT COUNT(*) FROM run_commands c WHERE c.run_id = r.id) AS command_count FROM runs r ORDER BY created_at DESC LIMIT ?`)
    .all(limit) as (RunRow & { command_count: number })[];
  return rows.map((r) => ({ ...summaryOf(r), commandCount: r.command_count }));
}

/** Runs whose sending was never finished by the process that started it. */
export function orphanedRuns(): string[] {
  return (db().prepare("SELECT id FROM runs WHERE state = 'sending' AND (sender IS NULL OR sender != ?)").all(BOOT_ID) as { id: string }[]).map((r) => r.id);
}

/** Which run a command belongs to (history): run ID by command ID. */
export function runsByCommandIds(ids: string[]): Map<string, { runId: string; actor: string }> {
  const out = new Map<string, { runId: string; actor: string }>();
  const q = db().prepare('SELECT c.command_id, r.id, r.actor FROM run_commands c JOIN runs r ON r.id = c.run_id WHERE c.command_id = ?');
  for (const id of ids) {
    const row = q.get(id) as { command_id: string; id: string; actor: string } | undefined;
    if (row) out.set(id, { runId: row.id, actor: row.actor });
  }
  return out;
}
