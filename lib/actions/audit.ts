import 'server-only';
import { db } from '@/lib/db/database';
import type { AuditRecord, AuditQuery } from '@/lib/contracts/audit';
import type { Actor } from './identity';

export interface AuditStart {
  actor: Actor;
  action: string;
  runId?: string | null;
  regions?: string[];
  targetSummary?: string;
  targets?: string[];
  parameters?: Record<string, unknown>;
  idempotencyKey?: string | null;
}

const now = () => new Date().toISOString();

/** Write the record before touching AWS: if the server dies mid-call, the intent is on disk. */
export function auditRequested(a: AuditStart): number {
  const r = db()
    .prepare(
      `INSERT INTO audit (at, actor, actor_source, action, status, run_id, regions, target_summary, target_count, targets, parameters, idempotency_key)
       VALUES (?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      now(), a.actor.id, a.actor.source, a.action, a.runId ?? null, JSON.stringify(a.regions ?? []), a.targetSummary ?? '',
      a.targets?.length ?? 0, JSON.stringify(a.targets ?? []), JSON.stringify(a.parameters ?? {}), a.idempotencyKey ?? null,
    );
  return Number(r.lastInsertRowid);
}

/** The outcome, after the AWS call(s). */
export function auditFinished(
  id: number,
  outcome: { status: 'succeeded' | 'partial' | 'failed'; commandIds?: string[]; errorCode?: string; errorMessage?: string },
): void {
  db()
    .prepare('UPDATE audit SET status = ?, command_ids = ?, error_code = ?, error_message = ?, finished_at = ? WHERE id = ?')
    .run(outcome.status, JSON.stringify(outcome.commandIds ?? []), outcome.errorCode ?? null, outcome.errorMessage ?? null, now(), id);
}

/** What the action did on the fleet once it ended (a run: how many nodes succeeded), beyond having been sent. */
export function auditOutcome(id: number, outcome: string, detail: string): void {
  db().prepare('UPDATE audit SET outcome = ?, outcome_detail = ? WHERE id = ?').run(outcome, detail, id);
}

/** A refused action is recorded too: who tried what, and why it was refused. */
export function auditRefused(a: AuditStart, code: string, message: string): void {
  const id = auditRequested(a);
  db().prepare("UPDATE audit SET status = 'refused', error_code = ?, error_message = ?, finished_at = ? WHERE id = ?").run(code, message, now(), id);
}

type Row = {
  id: number; at: string; actor: string; actor_source: string; action: string; status: AuditRecord['status']; run_id: string | null;
  regions: string; target_summary: string; target_count: number; targets: string; parameters: string; command_ids: string;
  idempotency_key: string | null; error_code: string | null; error_message: string | null; finished_at: string | null;
  outcome: string | null; outcome_detail: string | null;
};

const toRecord = (r: Row): AuditRecord => ({
  id: r.id, at: r.at, actor: r.actor, actorSource: r.actor_source, action: r.action, status: r.status, runId: r.run_id,
  regions: JSON.parse(r.regions), targetSummary: r.target_summary, targetCount: r.target_count, targets: JSON.parse(r.targets),
  parameters: JSON.parse(r.parameters), commandIds: JSON.parse(r.command_ids), idempotencyKey: r.idempotency_key,
  errorCode: r.error_code, errorMessage: r.error_message, finishedAt: r.finished_at, outcome: r.outcome, outcomeDetail: r.outcome_detail,
});

/** Newest first, filtered. */
export function queryAudit(q: AuditQuery): { records: AuditRecord[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  const equal: [string, string | undefined][] = [['actor', q.actor], ['action', q.action], ['status', q.status], ['run_id', q.runId]];
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  if (q.from) {
    where.push('at >= ?');
    args.push(q.from);
  }
  if (q.to) {
    where.push('at <= ?');
    args.push(q.to);
  }
  if (q.q) {
    where.push("(target_summary LIKE ? ESCAPE '\\' OR targets LIKE ? ESCAPE '\\' OR command_ids LIKE ? ESCAPE '\\' OR error_message LIKE ? ESCAPE '\\')");
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like, like, like);
  }
  const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db().prepare(`SELECT COUNT(*) AS n FROM audit ${sqlWhere}`).get(...args) as { n: number }).n;
  const rows = db().prepare(`SELECT * FROM audit ${sqlWhere} ORDER BY id DESC LIMIT ?`).all(...args, q.limit) as Row[];
  return { records: rows.map(toRecord), total };
}
