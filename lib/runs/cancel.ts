import 'server-only';
import { scopeOf } from '@/lib/aws/scope';
import { cancelCommand } from '@/lib/aws/ssm/cancel-command';
import { toAwsError } from '@/lib/aws/errors';
import { OUTCOMES } from '@/lib/contracts/command-status';
import { auditFinished, auditRequested } from '@/lib/actions/audit';
import type { Actor } from '@/lib/actions/identity';
import { conflict, invalid, notFound } from '@/lib/errors';
import { getRunDetail, runNodes } from './progress';
import { getRun, markCancelRequested } from './store';
import { BATCH } from './plan';

interface CancelCall {
  account: string;
  region: string;
  commandId: string;
  instanceIds?: string[];
}

/** The CancelCommand calls: every unfinished command, or the chosen nodes' commands with their IDs (50 a call). */
async function plan(id: string, nodeIds: string[] | undefined): Promise<CancelCall[]> {
  const nodes = await runNodes(id);
  const unfinished = nodes.filter((n) => !OUTCOMES[n.outcome].terminal);
  if (!nodeIds) {
    const run = getRun(id)!;
    const active = new Set(unfinished.map((n) => n.commandId));
    const seen = new Set(nodes.map((n) => n.commandId));
    // A command with no invocation listed yet may still be fanning out: cancel it too.
    return run.commands.filter((c) => c.commandId && (active.has(c.commandId) || !seen.has(c.commandId))).map((c) => ({ account: c.account, region: c.region, commandId: c.commandId! }));
  }
  const wanted = new Set(nodeIds);
  const chosen = unfinished.filter((n) => wanted.has(n.nodeId));
  const found = new Set(chosen.map((c) => c.nodeId));
  const gone = nodeIds.filter((n) => !found.has(n)); // a Set: a selection can hold 10,000 nodes
  if (gone.length) throw invalid('NotCancellable', `not part of this run or already finished: ${gone.slice(0, 10).join(', ')}${gone.length > 10 ? ` and ${gone.length - 10} more` : ''}`);
  const byCommand = new Map<string, CancelCall>();
  for (const n of chosen) {
    const call = byCommand.get(n.commandId) ?? { account: n.account, region: n.region, commandId: n.commandId, instanceIds: [] };
    call.instanceIds!.push(n.nodeId);
    byCommand.set(n.commandId, call);
  }
  return [...byCommand.values()].flatMap((c) => Array.from({ length: Math.ceil(c.instanceIds!.length / BATCH) }, (_, i) => ({ ...c, instanceIds: c.instanceIds!.slice(i * BATCH, (i + 1) * BATCH) })));
}

/**
 * Cancel a run (every node that has not finished) or chosen nodes of it (CancelCommand with InstanceIds). AWS stops
 * what it can; a step already running may finish. Each call once: a retried CancelCommand is harmless, but the audit
 * log must say exactly what was asked.
 */
export async function cancelRun(id: string, actor: Actor, idempotencyKey: string, nodeIds?: string[]) {
  const run = getRun(id);
  if (!run) throw notFound('RunNotFound', `no run ${id}`);
  const detail = await getRunDetail(id, { refresh: true });
  if (detail.done) throw conflict('RunEnded', `run ${id} has already ended (${detail.status}); nothing to cancel`);
  const calls = await plan(id, nodeIds);
  if (!calls.length) throw conflict('NothingToCancel', `nothing of run ${id} is still running or pending`);
  const auditId = auditRequested({
    actor, action: nodeIds ? 'run:cancel-nodes' : 'run:cancel', runId: id, regions: [...new Set(calls.map((c) => c.region))], accounts: [...new Set(calls.map((c) => c.account).filter(Boolean))], targetSummary: nodeIds ? `${nodeIds.length} node(s) of ${id}` : run.targetSummary,
    targets: nodeIds ?? calls.map((c) => c.commandId), parameters: { commands: calls.length }, idempotencyKey,
  });
  if (!nodeIds) markCancelRequested(id);
  const cancelled: string[] = [];
  const failed: { commandId: string; code: string; message: string }[] = [];
  for (const c of calls) {
    try {
      await cancelCommand({ ...scopeOf(c), actor: actor.id }, c.commandId, c.instanceIds);
      cancelled.push(c.commandId);
    } catch (err) {
      const e = toAwsError(err);
      failed.push({ commandId: c.commandId, code: e.code, message: e.message });
    }
  }
  auditFinished(auditId, {
    status: failed.length === 0 ? 'succeeded' : cancelled.length ? 'partial' : 'failed', commandIds: [...new Set(cancelled)], errorCode: failed[0]?.code, errorMessage: failed[0]?.message,
  });
  await getRunDetail(id, { refresh: true }).catch(() => undefined);
  return { status: failed.length && !cancelled.length ? 502 : 200, body: { runId: id, cancelled: [...new Set(cancelled)], nodes: nodeIds?.length ?? null, failed } };
}
