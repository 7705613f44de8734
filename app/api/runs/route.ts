import { ExecuteRunSchema } from '@/lib/contracts/patch-run';
import { parseOr400, readJson, rejectUnknownParams, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
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
  return runOnce(key, actor.id, input, () => executePatchRun(input, actor, key));
});
