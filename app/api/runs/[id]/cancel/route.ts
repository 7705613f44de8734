import { parseOr400, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { cancelRun } from '@/lib/actions/cancel-run';
import { RunIdSchema } from '../route';

export const dynamic = 'force-dynamic';

/** POST /api/runs/{id}/cancel: cancel what has not finished. Operator only, same-origin, idempotent. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  const actor = requireOperator(req, { action: 'run:cancel', runId: id, targetSummary: `run ${id}` });
  const key = idempotencyKeyOf(req);
  return runOnce(key, actor.id, { cancel: id }, () => cancelRun(id, actor, key));
});
