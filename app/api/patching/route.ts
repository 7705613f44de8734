import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { complianceSummary } from '@/lib/patching/compliance';
import { parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/patching: the fleet's patch compliance (from the cached fleet; no extra AWS calls). */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  const snap = await getFleetSnapshot({ refresh: parseRefresh(url) });
  return Response.json(complianceSummary(snap.nodes, snap.generatedAt), { headers: { 'cache-control': 'no-store' } });
});
