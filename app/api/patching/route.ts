import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { fleetCompliance } from '@/lib/patching/compliance';
import { parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/patching: the fleet's patch compliance and each region's read health (from the cached fleet; no extra AWS calls). */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  const snap = await getFleetSnapshot({ refresh: parseRefresh(url) });
  return Response.json(fleetCompliance(snap), { headers: { 'cache-control': 'no-store' } });
});
