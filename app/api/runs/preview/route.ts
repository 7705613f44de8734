import { RunRequestSchema } from '@/lib/contracts/run-request';
import { parseOr400, readJson, route } from '@/lib/api/route';
import { previewBody, previewRun } from '@/lib/runs/preview-run';
import { RUN_BODY_LIMIT } from '../limits';

export const dynamic = 'force-dynamic';

/** POST /api/runs/preview: exactly what a run would hit, without sending anything. Open to viewers. */
export const POST = route(async (req: Request) => {
  const request = parseOr400(RunRequestSchema, await readJson(req, RUN_BODY_LIMIT));
  return Response.json(previewBody(await previewRun(request)), { headers: { 'cache-control': 'no-store' } });
});
