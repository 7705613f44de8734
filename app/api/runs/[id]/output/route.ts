import { z } from 'zod';
import { NodeIdSchema } from '@/lib/contracts/node';
import { RunIdSchema } from '@/lib/contracts/run-request';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { getRunOutput } from '@/lib/runs/output';

export const dynamic = 'force-dynamic';

/** GET /api/runs/{id}/output?node=i-…: one node's stdout and stderr (GetCommandInvocation). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['node']);
  const id = parseOr400(RunIdSchema, (await ctx.params).id);
  const { node } = parseOr400(z.object({ node: NodeIdSchema }), { node: url.searchParams.get('node') ?? '' });
  return Response.json(await getRunOutput(id, node), { headers: { 'cache-control': 'no-store' } });
});
