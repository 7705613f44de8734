import 'server-only';
import { cancelCommand } from '@/lib/aws/ssm/cancel-command';
import { toAwsError } from '@/lib/aws/errors';
import { ApiError } from '@/lib/api/route';
import { auditFinished, auditRequested } from './audit';
import { getRun } from './runs-store';
import { getRunDetail, TERMINAL } from './run-status';
import type { Actor } from './identity';

/** Cancel every command of a run that has not ended. AWS stops what it can; a step already running may finish. */
export async function cancelRun(id: string, actor: Actor, idempotencyKey: string) {
  const run = getRun(id);
  if (!run) throw new ApiError(404, 'RunNotFound', `no run ${id}`);
  const detail = await getRunDetail(id, { refresh: true });
  if (detail.done) throw new ApiError(409, 'RunEnded', `run ${id} has already ended (${detail.status}); nothing to cancel`);
  const active = run.commands.filter((c) => {
    if (!c.commandId) return false;
    const nodes = detail.nodes.filter((n) => n.commandId === c.commandId);
    return nodes.length === 0 || nodes.some((n) => !TERMINAL.has(n.status));
  });
  const auditId = auditRequested({
    actor, action: 'run:cancel', runId: id, regions: [...new Set(active.map((c) => c.region))], targetSummary: run.targetSummary,
    targets: active.map((c) => c.commandId!), parameters: {}, idempotencyKey,
  });
  const cancelled: string[] = [];
  const failed: { commandId: string; code: string; message: string }[] = [];
  for (const c of active) {
    try {
      await cancelCommand(c.region, c.commandId!);
      cancelled.push(c.commandId!);
    } catch (err) {
      const e = toAwsError(err);
      failed.push({ commandId: c.commandId!, code: e.code, message: e.message });
    }
  }
  auditFinished(auditId, {
    status: failed.length === 0 ? 'succeeded' : cancelled.length ? 'partial' : 'failed',
    commandIds: cancelled, errorCode: failed[0]?.code, errorMessage: failed[0]?.message,
  });
  await getRunDetail(id, { refresh: true }).catch(() => undefined);
  return { status: failed.length && !cancelled.length ? 502 : 200, body: { runId: id, cancelled, failed } };
}
