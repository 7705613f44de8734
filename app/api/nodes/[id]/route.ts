import { getNodeDetail } from '@/lib/fleet/fleet';
import { NodeIdSchema } from '@/lib/contracts/node';
import { ApiError, parseOr400, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/nodes/{id}: one node with its SSM and EC2 facts, tags, patch summary and open OpsItems. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  rejectUnknownParams(new URL(req.url), []);
  const { id } = await ctx.params;
  const nodeId = parseOr400(NodeIdSchema, id);
  const detail = await getNodeDetail(nodeId);
  if (!detail) throw new ApiError(404, 'NodeNotFound', `no managed node or EC2 instance ${nodeId} in the configured regions`);
  return Response.json(detail, { headers: { 'cache-control': 'no-store' } });
});
