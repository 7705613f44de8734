import { diagnoseNode } from '@/lib/diagnosis/node';
import { NodeIdSchema } from '@/lib/contracts/node';
import { parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/nodes/{id}/diagnosis: why the node is not managed (or, for an Online one, anything that would break it),
 * its causes ranked with evidence and fix, each check's result, and the checks that could not run for lack of a
 * permission. Read-only; facts are cached a few minutes (`?refresh=1` reads them again).
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  const { id } = await ctx.params;
  const nodeId = parseOr400(NodeIdSchema, id);
  return Response.json(await diagnoseNode(nodeId, { refresh: parseRefresh(url) }), { headers: { 'cache-control': 'no-store' } });
});
