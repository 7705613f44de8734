import { ExecuteRunSchema } from '@/lib/contracts/patch-run';
import { ApiError, parseOr400, readJson, rejectUnknownParams, route, toErrorResponse } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { claimKey, completeKey, hashRequest, idempotencyKeyOf, releaseKey } from '@/lib/actions/idempotency';
import { executePatchRun } from '@/lib/actions/patch-run';
import { listRuns } from '@/lib/actions/runs-store';

export const dynamic = 'force-dynamic';

/** GET /api/runs: past runs, newest first. */
export const GET = route(async (req: Request) => {
  rejectUnknownParams(new URL(req.url), []);
  return Response.json({ runs: listRuns() }, { headers: { 'cache-control': 'no-store' } });
});

/**
 * POST /api/runs: send a confirmed patch run. Operator only, same-origin, with an Idempotency-Key: a repeated
 * submission gets the first answer and sends nothing.
 */
export const POST = route(async (req: Request) => {
  const body = await readJson(req);
  const actor = requireOperator(req, { action: 'patch:run', targetSummary: 'patch run', parameters: typeof body === 'object' && body ? (body as Record<string, unknown>) : {} });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(ExecuteRunSchema, body);
  const claim = claimKey(key, actor.id, hashRequest(input));
  if (claim.kind === 'replay') return Response.json(claim.body, { status: claim.status, headers: { 'idempotent-replay': 'true' } });
  try {
    const result = await executePatchRun(input, actor, key);
    completeKey(key, result.status, result.body);
    return Response.json(result.body, { status: result.status });
  } catch (err) {
    // Refused before anything was sent (stale preview, missing confirmation…): the same key may try again.
    if (err instanceof ApiError) {
      releaseKey(key);
      return toErrorResponse(err);
    }
    const res = toErrorResponse(err);
    completeKey(key, res.status, await res.clone().json());
    return res;
  }
});
