import { NodeIdSchema } from '@/lib/contracts/node';
import { ApiError, parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { getNodePatches } from '@/lib/patching/node-patches';

export const dynamic = 'force-dynamic';

/** GET /api/nodes/{id}/patches: the node's patches (DescribeInstancePatches). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  rejectUnknownParams(new URL(req.url), []);
  const id = parseOr400(NodeIdSchema, (await ctx.params).id);
  const patches = await getNodePatches(id);
  if (!patches) throw new ApiError(404, 'NodeNotFound', `no managed node or EC2 instance ${id} in the configured regions`);
  return Response.json(patches, { headers: { 'cache-control': 'no-store' } });
});
