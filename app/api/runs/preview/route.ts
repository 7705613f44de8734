import { PatchRunRequestSchema } from '@/lib/contracts/patch-run';
import { parseOr400, readJson, route } from '@/lib/api/route';
import { previewPatchRun } from '@/lib/actions/patch-run';

export const dynamic = 'force-dynamic';

/** POST /api/runs/preview: exactly what a patch run would hit, without sending anything. Open to viewers. */
export const POST = route(async (req: Request) => {
  const request = parseOr400(PatchRunRequestSchema, await readJson(req));
  return Response.json(await previewPatchRun(request), { headers: { 'cache-control': 'no-store' } });
});
