import { z } from 'zod';
import { parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';
import { getRunDetail } from '@/lib/actions/run-status';

export const dynamic = 'force-dynamic';
export const RunIdSchema = z.string().regex(/^run-[0-9a-z-]{6,40}$/, 'a run ID looks like run-20261122-1a2b3c4d');

/** GET /api/runs/{id}: the run with each node's status; shared between viewers, read from AWS every few seconds. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  return Response.json(await getRunDetail(id, { refresh: parseRefresh(url) }), { headers: { 'cache-control': 'no-store' } });
});
