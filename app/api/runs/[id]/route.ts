import { z } from 'zod';
import { RunIdSchema } from '@/lib/contracts/run-request';
import { parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';
import { getRunDetail } from '@/lib/runs/progress';

export const dynamic = 'force-dynamic';

/**
 * GET /api/runs/{id}?cursor=: the run with each node's status, read from AWS for every viewer at once. With the
 * cursor of the previous answer, only the nodes that changed since.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh', 'cursor']);
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  const { cursor } = parseOr400(z.object({ cursor: z.string().max(40).optional() }), { cursor: url.searchParams.get('cursor') ?? undefined });
  return Response.json(await getRunDetail(id, { refresh: parseRefresh(url), cursor }), { headers: { 'cache-control': 'no-store' } });
});
