import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import { db } from '@/lib/db/database';
import { AUDIT_PAGE_LIMIT, type AuditPage, type AuditRecord, type AuditQuery } from '@/lib/contracts/audit';
import type { Actor } from './identity';
import type { BodySummary } from '@/lib/api/request-body';
import { actionSettings } from './settings';

export interface AuditStart {
  actor: Actor;
  action: string;
  runId?: string | null;
  regions?: string[];
  /** The accounts touched; by default those named in `regions` when they are scope keys (account/region). */
  accounts?: string[];
  targetSummary?: string;
  targets?: string[];
  parameters?: Record<string, unknown>;
  idempotencyKey?: string | null;
}

const now = () => new Date().toISOString();

/** Write the record before touching AWS: if the server dies mid-call, the intent is on disk. */
export function auditRequested(a: AuditStart): number {
  pruneExpired();
  const r = db()
    .prepare(
      `INSERT INTO audit (at, actor, actor_source, action, status, run_id, regions, accounts, target_summary, target_count, targets, parameters, idempotency_key)
       VALUES (?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      now(), a.actor.id, a.actor.source, a.action, a.runId ?? null, JSON.stringify(a.regions ?? []),
      JSON.stringify(a.accounts ?? [...new Set((a.regions ?? []).map((r) => parseScopeKey(r).account).filter(Boolean))]), a.targetSummary ?? '',
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

export interface Refusal {
  code: string;
  message: string;
  /** Method and path, e.g. "POST /api/runs". */
  route: string;
  body: BodySummary;
}

/** Every text a refused record keeps is cut to this many characters: a refusal costs at most ~2 KB of log. */
const clip = (s: string | null | undefined, n: number) => (s == null ? null : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A refused action is recorded as a bounded summary: who tried which action on which route, why it was refused, and
 * the body's size and SHA-256. Never the body, its parameters or targets: anyone can be refused, as often as they like.
 */
export function auditRefused(a: Pick<AuditStart, 'actor' | 'action' | 'runId' | 'targetSummary'>, r: Refusal): void {
  pruneExpired();
  db()
    .prepare(
      `INSERT INTO audit (at, actor, actor_source, action, status, run_id, target_summary, error_code, error_message, finished_at, route, body_bytes, body_sha256)
       VALUES (?, ?, ?, ?, 'refused', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      now(), clip(a.actor.id, 200), a.actor.source, clip(a.action, 100), clip(a.runId ?? null, 100), clip(a.targetSummary ?? '', 200),
      clip(r.code, 100), clip(r.message, 1000), now(), clip(r.route, 300), r.body.bytes, r.body.sha256,
    );
}

const DAY = 86_400_000;
const PRUNE_EVERY = 3_600_000;
const pruned = globalThis as unknown as { __auditPrunedAt?: { file: string; at: number } };

/**
 * Delete records older than AUDIT_RETENTION_DAYS (0 keeps all), at most once an hour per process, when the log is
 * written. Export them first if they must be kept (README: archiving the audit log).
 */
export function pruneExpired(force = false): number {
  const days = actionSettings().auditRetentionDays;
  if (!days) return 0;
  const d = db();
  const last = pruned.__auditPrunedAt;
  if (!force && last && last.file === d.name && Date.now() - last.at < PRUNE_EVERY) return 0;
  pruned.__auditPrunedAt = { file: d.name, at: Date.now() };
  return d.prepare('DELETE FROM audit WHERE at < ?').run(new Date(Date.now() - days * DAY).toISOString()).changes;
}

type Row = {
  id: number; at: string; actor: string; actor_source: string; action: string; status: AuditRecord['status']; run_id: string | null;
  regions: string; accounts: string; target_summary: string; target_count: number; targets: string; parameters: string; command_ids: string;
  idempotency_key: string | null; error_code: string | null; error_message: string | null; finished_at: string | null;
  outcome: string | null; outcome_detail: string | null; route: string | null; body_bytes: number | null; body_sha256: string | null;
};

const toRecord = (r: Row): AuditRecord => ({
  id: r.id, at: r.at, actor: r.actor, actorSource: r.actor_source, action: r.action, status: r.status, runId: r.run_id,
  regions: JSON.parse(r.regions), accounts: JSON.parse(r.accounts ?? '[]'), targetSummary: r.target_summary, targetCount: r.target_count, targets: JSON.parse(r.targets),
  parameters: JSON.parse(r.parameters), commandIds: JSON.parse(r.command_ids), idempotencyKey: r.idempotency_key,
  errorCode: r.error_code, errorMessage: r.error_message, finishedAt: r.finished_at, outcome: r.outcome, outcomeDetail: r.outcome_detail,
  route: r.route, bodyBytes: r.body_bytes, bodySha256: r.body_sha256,
});

function whereOf(q: Omit<AuditQuery, 'limit' | 'format' | 'cursor'>): { sql: string; args: unknown[] } {
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
    args.push(new Date(q.from).toISOString());
  }
  if (q.to) {
    where.push('at <= ?');
    args.push(new Date(q.to).toISOString());
  }
  if (q.q) {
    where.push("(target_summary LIKE ? ESCAPE '\\' OR targets LIKE ? ESCAPE '\\' OR command_ids LIKE ? ESCAPE '\\' OR error_message LIKE ? ESCAPE '\\' OR route LIKE ? ESCAPE '\\' OR body_sha256 LIKE ? ESCAPE '\\')");
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like, like, like, like, like);
  }
  return { sql: where.join(' AND '), args };
}

/** Records matching the filters older than `before` (an id), newest first, at most `limit`. */
function pageRows(q: AuditQuery, before: number | undefined, limit: number): Row[] {
  const w = whereOf(q);
  const clauses = [w.sql, before !== undefined ? 'id < ?' : ''].filter(Boolean);
  const sql = `SELECT * FROM audit ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
  return db().prepare(sql).all(...w.args, ...(before !== undefined ? [before] : []), limit) as Row[];
}

/** One page, newest first, filtered; `nextCursor` continues with older records. */
export function queryAudit(q: AuditQuery): AuditPage {
  const w = whereOf(q);
  const total = (db().prepare(`SELECT COUNT(*) AS n FROM audit ${w.sql ? `WHERE ${w.sql}` : ''}`).get(...w.args) as { n: number }).n;
  const limit = Math.min(q.limit, AUDIT_PAGE_LIMIT);
  const rows = pageRows(q, q.cursor === undefined ? undefined : Number(q.cursor), limit + 1);
  const more = rows.length > limit;
  const records = rows.slice(0, limit).map(toRecord);
  return { records, total, nextCursor: more ? String(records[records.length - 1].id) : null };
}

/** Every matching record, newest first, read page by page (an archive of a time range never sits in memory whole). */
export function* iterateAudit(q: AuditQuery): Generator<AuditRecord[]> {
  let before = q.cursor === undefined ? undefined : Number(q.cursor);
  for (;;) {
    const rows = pageRows(q, before, AUDIT_PAGE_LIMIT);
    if (!rows.length) return;
    yield rows.map(toRecord);
    if (rows.length < AUDIT_PAGE_LIMIT) return;
    before = rows[rows.length - 1].id;
  }
}
