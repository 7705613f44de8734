import { getFleetSummary } from '@/lib/fleet/fleet';
import { parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/overview: the fleet's figures for the overview page. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  const refresh = parseRefresh(url);
  return Response.json(await getFleetSummary({ refresh }), { headers: { 'cache-control': 'no-store' } });
});
