import { z } from 'zod';
import { NodeIdSchema } from '@/lib/contracts/node';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { commandHistory } from '@/lib/runs/history';

export const dynamic = 'force-dynamic';

/** GET /api/nodes/{id}/commands: the node's recent commands (last 30 days, newest first). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  rejectUnknownParams(new URL(req.url), []);
  const { id } = parseOr400(z.object({ id: NodeIdSchema }), { id: (await ctx.params).id });
  return Response.json(await commandHistory({ node: id, limit: 50, from: new Date(Date.now() - 30 * 86_400_000).toISOString() }), { headers: { 'cache-control': 'no-store' } });
});
