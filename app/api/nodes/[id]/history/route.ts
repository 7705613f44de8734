import { NodeIdSchema } from '@/lib/contracts/node';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { readNodeHistory } from '@/lib/history/read';

export const dynamic = 'force-dynamic';

/**
 * GET /api/nodes/{id}/history: the node's recorded compliance changes, newest first. Read from the dashboard's own
 * database only: a node never recorded answers an empty list, not a 404 (it may be new, unmanaged, or gone).
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  rejectUnknownParams(new URL(req.url), []);
  const id = parseOr400(NodeIdSchema, (await ctx.params).id);
  return Response.json(readNodeHistory(id), { headers: { 'cache-control': 'no-store' } });
});
