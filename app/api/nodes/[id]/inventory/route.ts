import { NodeIdSchema } from '@/lib/contracts/node';
import { NodeInventoryQuerySchema } from '@/lib/contracts/inventory';
import { nodeInventoryPage } from '@/lib/inventory/node-inventory';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/nodes/{id}/inventory?type=AWS:Application&next=…: one page (50 entries) of the node's inventory. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['type', 'next']);
  const { id } = await ctx.params;
  const nodeId = parseOr400(NodeIdSchema, id);
  const q = parseOr400(NodeInventoryQuerySchema, { type: url.searchParams.get('type') ?? undefined, next: url.searchParams.get('next') ?? undefined });
  return Response.json(await nodeInventoryPage(nodeId, q.type, q.next), { headers: { 'cache-control': 'no-store' } });
});
