import 'server-only';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { listCommands } from '@/lib/aws/ssm/list-commands';
import { auditFinished } from '@/lib/actions/audit';
import { completeKey, orphanedKeys, releaseKey } from '@/lib/actions/idempotency';
import { db } from '@/lib/db/database';
import { BOOT_ID, getRun, orphanedRuns, setCommandState, setRunState, type StoredRun } from './store';
import { RUN_TAG, sending } from './send';

/**
 * After a crash or restart: a run left "sending" by another process is finished from AWS's own record. Its commands
 * carry the run tag in their Comment, so ListCommands over the run's time window tells which were accepted. Found:
 * recorded as sent, with their CommandIds. Not found: recorded as never sent. Then the audit record and the run are
 * completed and the idempotency key answers with the run, so a repeated submission still sends nothing.
 *
 * ListCommands is eventually consistent: a command a crash interrupted moments ago may not be listed yet. A command
 * whose SendCommand was under way is only declared unsent once the run is older than this grace period.
 */
export const RECONCILE_GRACE_MS = 60_000;
const WINDOW_MS = 5 * 60_000;

const g = globalThis as unknown as { __reconciling?: Map<string, Promise<boolean>> };
const inflight = (g.__reconciling ??= new Map());

export interface Found {
  commandId: string;
}

/** The run's commands AWS knows, by index, from the tags in their Comments. */
async function findTagged(run: StoredRun): Promise<Map<number, Found>> {
  const found = new Map<number, Found>();
  // From a little before the run was recorded (clocks differ) on: the run's commands cannot be older.
  const after = new Date(Date.parse(run.createdAt) - WINDOW_MS).toISOString();
  for (const key of new Set(run.commands.map(scopeKey))) {
    const { commands } = await listCommands(parseScopeKey(key), [
      { key: 'InvokedAfter', value: after },
      { key: 'DocumentName', value: run.document },
    ]);
    for (const c of commands) {
      const m = RUN_TAG.exec(c.Comment ?? '');
      if (m && m[1] === run.id && c.CommandId) found.set(Number(m[2]), { commandId: c.CommandId });
    }
  }
  return found;
}

/** Returns true when the run is no longer "sending" (resolved); false while a command is within the grace period. */
async function reconcile(id: string, now: number): Promise<boolean> {
  const run = getRun(id);
  if (!run || run.state !== 'sending') return true;
  const open = run.commands.filter((c) => c.state === 'sending' || c.state === 'planned');
  const found = open.length ? await findTagged(run) : new Map<number, Found>();
  const young = now - Date.parse(run.createdAt) < RECONCILE_GRACE_MS;
  if (young && open.some((c) => c.state === 'sending' && !found.has(c.idx))) return false;
  for (const c of open) {
    const hit = found.get(c.idx);
    if (hit) setCommandState(id, c.idx, 'sent', { commandId: hit.commandId, reconciled: 'found by its run tag in ListCommands after the dashboard stopped' });
    else {
      const why = c.state === 'sending' ? 'the dashboard stopped during SendCommand and AWS has no command with this run tag' : 'the dashboard stopped before sending it';
      setCommandState(id, c.idx, 'unsent', { error: { code: 'NotSent', message: `not sent: ${why}` }, reconciled: why });
    }
  }
  const after = getRun(id)!;
  const sent = after.commands.filter((c) => c.commandId).map((c) => c.commandId!);
  const unsent = after.commands.length - sent.length;
  setRunState(id, 'sent', sent.length ? 'inProgress' : 'notSent');
  if (run.auditId !== null) {
    auditFinished(run.auditId, {
      status: unsent === 0 ? 'succeeded' : sent.length ? 'partial' : 'failed', commandIds: sent,
      errorCode: 'Reconciled', errorMessage: `the dashboard stopped while sending; ${sent.length} command(s) found in AWS by their run tag, ${unsent} not sent`,
    });
  }
  if (run.idempotencyKey) completeKey(run.idempotencyKey, 201, { runId: id, outcome: unsent ? (sent.length ? 'partial' : 'failed') : 'sent', reconciled: true });
  return true;
}

/** Reconcile once at a time per run. */
export function reconcileRun(id: string, now = Date.now()): Promise<boolean> {
  let p = inflight.get(id);
  if (!p) {
    p = reconcile(id, now).finally(() => inflight.delete(id));
    inflight.set(id, p);
  }
  return p;
}

/** When a run is read: reconcile it if its sender is gone. True when something changed. */
export async function reconcileIfOrphaned(run: StoredRun): Promise<boolean> {
  if (run.state !== 'sending' || run.sender === BOOT_ID || sending.has(run.id)) return false;
  return reconcileRun(run.id);
}

/**
 * At start: every run and idempotency key another process left in flight. A key whose run exists answers with the
 * run; a key with no run was claimed but nothing was recorded or sent, so it is released.
 */
export async function reconcileOnStart(): Promise<{ runs: number; keys: number }> {
  const ids = orphanedRuns();
  for (const id of ids) await reconcileRun(id).catch((err) => console.error(`[runs] reconciling ${id} failed:`, err));
  const keys = orphanedKeys();
  for (const key of keys) {
    const row = db().prepare('SELECT id, state FROM runs WHERE idempotency_key = ?').get(key) as { id: string; state: string } | undefined;
    if (!row) releaseKey(key);
    else if (row.state !== 'sending') completeKey(key, 201, { runId: row.id, reconciled: true });
  }
  return { runs: ids.length, keys: keys.length };
}
