import 'server-only';
import { sendCommand } from '@/lib/aws/ssm/send-command';
import { toAwsError, type AwsError } from '@/lib/aws/errors';
import { auditFinished } from '@/lib/actions/audit';
import type { SentCommand } from '@/lib/contracts/run';
import { getRun, setCommandState, setRunState, type StoredRun } from './store';

/**
 * Sending a confirmed run, durably. Each command is marked "sending" on disk before SendCommand and "sent" (with its
 * CommandId) or "failed" after, so a crash in between leaves a row that reconciliation resolves from AWS. Only a
 * ThrottlingException is retried: it means AWS did not accept the request. Anything else may have been accepted, so
 * the run stops there and the operator decides.
 */

/** The run tag carried in every command's Comment: how AWS's console, the CLI and reconciliation find the run. */
export const runTag = (runId: string, idx: number) => `[${runId}#${idx}]`;
export const RUN_TAG = /\[(run-[0-9a-z-]{6,40})#(\d+)\]/;

/** The operator's comment and the run tag, within AWS's 100 characters: the comment gives way, never the tag. */
export function commentFor(comment: string | null | undefined, runId: string, idx: number): string {
  const tag = runTag(runId, idx);
  return `${(comment?.trim() || 'ssm-fleet-dashboard').slice(0, 99 - tag.length)} ${tag}`;
}

const THROTTLED = 'ThrottlingException';
const g = globalThis as unknown as { __sending?: Map<string, Promise<void>> };
/** Runs this process is sending right now. */
export const sending = (g.__sending ??= new Map());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Backoff for a throttled SendCommand: 0.2 s, 0.4 s, ... up to 6.4 s, with jitter; 7 attempts in all. */
export const SEND_ATTEMPTS = 7;
export const backoffMs = (attempt: number) => Math.min(6400, 200 * 2 ** attempt) * (0.5 + Math.random() / 2);

async function sendOnce(run: StoredRun, c: SentCommand): Promise<string> {
  const r = run.request;
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendCommand({
        scope: { account: c.account, region: c.region, actor: run.actor }, documentName: r.document, documentVersion: run.documentVersion || undefined, parameters: r.parameters,
        instanceIds: c.byTargets ? undefined : c.instanceIds, targets: c.byTargets ? [{ Key: 'InstanceIds', Values: c.instanceIds ?? [] }] : c.targets,
        maxConcurrency: c.maxConcurrency, maxErrors: c.maxErrors, timeoutSeconds: r.timeoutSeconds, comment: commentFor(r.comment, run.id, c.idx),
        s3: r.output?.s3, cloudWatch: r.output?.cloudWatch,
      });
    } catch (err) {
      const e = toAwsError(err);
      if (e.code !== THROTTLED || attempt + 1 >= SEND_ATTEMPTS) throw e;
      await sleep(backoffMs(attempt));
    }
  }
}

/** In flight at once: SendCommand is throttled per account and region, and order keeps runs readable. */
const PARALLEL = 4;

async function sendAll(run: StoredRun): Promise<AwsError | undefined> {
  const queue = run.commands.filter((c) => c.state === 'planned');
  let failure: AwsError | undefined;
  const worker = async () => {
    // Take the next command only while nothing has failed: what stays in the queue is recorded as not sent.
    for (let c = failure ? undefined : queue.shift(); c; c = failure ? undefined : queue.shift()) {
      setCommandState(run.id, c.idx, 'sending');
      try {
        const commandId = await sendOnce(run, c);
        setCommandState(run.id, c.idx, 'sent', { commandId });
      } catch (err) {
        const e = toAwsError(err);
        failure ??= e;
        setCommandState(run.id, c.idx, 'failed', { error: { code: e.code, message: e.message } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  // Never keep sending after a failure: what is left is recorded as not sent, and can be retried.
  for (const c of queue) {
    setCommandState(run.id, c.idx, 'unsent', { error: { code: 'NotSent', message: `not sent: an earlier SendCommand failed (${failure?.code})` } });
  }
  return failure;
}

/** Send a recorded run's planned commands and complete its audit record. Returns when every command was tried. */
export function startSending(runId: string): Promise<void> {
  const running = sending.get(runId);
  if (running) return running;
  const p = (async () => {
    const run = getRun(runId);
    if (!run || run.state !== 'sending') return;
    const failure = await sendAll(run);
    const after = getRun(runId)!;
    const all = after.commands.filter((c) => c.commandId).map((c) => c.commandId!);
    setRunState(runId, 'sent', all.length === 0 ? 'notSent' : 'inProgress');
    if (run.auditId !== null) {
      auditFinished(run.auditId, {
        status: !failure ? 'succeeded' : all.length ? 'partial' : 'failed', commandIds: all, errorCode: failure?.code, errorMessage: failure?.message,
      });
    }
  })().finally(() => sending.delete(runId));
  sending.set(runId, p);
  return p;
}
