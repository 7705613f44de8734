import { ApiError, parseOr400, route, toErrorResponse } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { claimKey, completeKey, hashRequest, idempotencyKeyOf, releaseKey } from '@/lib/actions/idempotency';
import { cancelRun } from '@/lib/actions/cancel-run';
import { RunIdSchema } from '../route';

export const dynamic = 'force-dynamic';

/** POST /api/runs/{id}/cancel: cancel what has not finished. Operator only, same-origin, idempotent. */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  const actor = requireOperator(req, { action: 'run:cancel', runId: id, targetSummary: `run ${id}` });
  const key = idempotencyKeyOf(req);
  const claim = claimKey(key, actor.id, hashRequest({ cancel: id }));
  if (claim.kind === 'replay') return Response.json(claim.body, { status: claim.status, headers: { 'idempotent-replay': 'true' } });
  try {
    const result = await cancelRun(id, actor, key);
    completeKey(key, result.status, result.body);
    return Response.json(result.body, { status: result.status });
  } catch (err) {
    if (err instanceof ApiError) releaseKey(key);
    return toErrorResponse(err);
  }
});
