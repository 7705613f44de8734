import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db/database';
import { BOOT_ID } from '@/lib/db/boot';
import { ApiError, toErrorResponse } from '@/lib/api/route';
import { DomainError } from '@/lib/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_-]{16,100}$/;

export function idempotencyKeyOf(req: Request): string {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (!key) throw new ApiError(400, 'IdempotencyKeyRequired', 'actions need an Idempotency-Key header (a fresh UUID per submission)');
  if (!KEY.test(key)) throw new ApiError(400, 'BadRequest', 'Idempotency-Key must be 16-100 letters, digits, "-" or "_" (a UUID works)');
  return key;
}

export const hashRequest = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

/**
 * Claim a key for this request, atomically (SQLite serializes writers): the first submission proceeds; a repeat of
 * the same submission gets the first one's answer, or 409 while it is still in flight; another request under the same
 * key is refused. So a double click or a network retry sends one command.
 */
export function claimKey(key: string, actor: string, requestHash: string): Claim {
  const d = db();
  return d.transaction((): Claim => {
    const row = d.prepare('SELECT actor, request_hash, state, status_code, response FROM idempotency WHERE key = ?').get(key) as
      | { actor: string; request_hash: string; state: string; status_code: number | null; response: string | null }
      | undefined;
    if (!row) {
      d.prepare("INSERT INTO idempotency (key, actor, request_hash, state, created_at, owner) VALUES (?, ?, ?, 'in_progress', ?, ?)").run(
        key, actor, requestHash, new Date().toISOString(), BOOT_ID,
      );
      return { kind: 'new' };
    }
    if (row.actor !== actor || row.request_hash !== requestHash) {
      throw new ApiError(422, 'IdempotencyKeyReused', 'this Idempotency-Key was already used for a different request');
    }
    if (row.state === 'in_progress') {
      throw new ApiError(409, 'DuplicateInFlight', 'this submission is already being processed; it is not sent again');
    }
    return { kind: 'replay', status: row.status_code ?? 200, body: JSON.parse(row.response ?? 'null') };
  }).immediate();
}

/** Store the answer so a repeat of the submission gets it without acting again. */
export function completeKey(key: string, status: number, body: unknown): void {
  db().prepare("UPDATE idempotency SET state = 'done', status_code = ?, response = ? WHERE key = ?").run(status, JSON.stringify(body), key);
}

/** Keys left "in progress" by another process (it crashed or restarted while handling them). */
export function orphanedKeys(): string[] {
  return (db().prepare("SELECT key FROM idempotency WHERE state = 'in_progress' AND (owner IS NULL OR owner != ?)").all(BOOT_ID) as { key: string }[]).map((r) => r.key);
}

/** A submission refused before anything was sent may be corrected and sent again under the same key. */
export function releaseKey(key: string): void {
  db().prepare("DELETE FROM idempotency WHERE key = ? AND state = 'in_progress'").run(key);
}

/**
 * Run an action at most once per key: a repeat gets the stored answer (marked idempotent-replay); a refusal before
 * anything was sent frees the key so the corrected submission can use it; any other outcome is stored.
 */
export async function runOnce(
  key: string,
  actor: string,
  request: unknown,
  act: () => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const claim = claimKey(key, actor, hashRequest(request));
  if (claim.kind === 'replay') return Response.json(claim.body, { status: claim.status, headers: { 'idempotent-replay': 'true' } });
  try {
    const result = await act();
    completeKey(key, result.status, result.body);
    return Response.json(result.body, { status: result.status });
  } catch (err) {
    const res = toErrorResponse(err);
    if (err instanceof ApiError || err instanceof DomainError) releaseKey(key);
    else completeKey(key, res.status, await res.clone().json());
    return res;
  }
}
