import { ExecuteRunSchema } from '@/lib/contracts/run-request';
import { parseOr400, readJson, rejectUnknownParams, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { executeRun } from '@/lib/runs/execute';
import { listRuns } from '@/lib/runs/store';
import { RUN_BODY_LIMIT } from './limits';

export const dynamic = 'force-dynamic';

/** GET /api/runs: past runs, newest first, with their last known outcome counts. */
export const GET = route(async (req: Request) => {
  rejectUnknownParams(new URL(req.url), []);
  return Response.json({ runs: listRuns() }, { headers: { 'cache-control': 'no-store' } });
});

/**
 * POST /api/runs: start a confirmed run of any Command document. Operator only, same-origin, with an Idempotency-Key:
 * a repeated submission gets the first answer and sends nothing.
 */
export const POST = route(async (req: Request) => {
  const body = await readJson(req, RUN_BODY_LIMIT);
  const summary = typeof body === 'object' && body ? { document: (body as { document?: unknown }).document } : {};
  const actor = requireOperator(req, { action: 'run:send', targetSummary: 'run', parameters: summary });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(ExecuteRunSchema, body);
  return runOnce(key, actor.id, input, () => executeRun(input, actor, key));
});
