import { CancelRequestSchema, RunIdSchema } from '@/lib/contracts/run-request';
import { parseOr400, readJson, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { cancelRun } from '@/lib/runs/cancel';
import { RUN_BODY_LIMIT } from '../../limits';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs/{id}/cancel: cancel what has not finished, or only `nodeIds` (CancelCommand with InstanceIds).
 * Operator only, same-origin, idempotent.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  const actor = requireOperator(req, { action: 'run:cancel', runId: id, targetSummary: `run ${id}` });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(CancelRequestSchema, await readJson(req, RUN_BODY_LIMIT));
  return runOnce(key, actor.id, { cancel: id, ...input }, () => cancelRun(id, actor, key, input.nodeIds));
});
