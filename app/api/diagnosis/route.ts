import { getFleetDiagnosis } from '@/lib/diagnosis/fleet-cache';
import { parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/diagnosis: every node that is not Online, diagnosed and grouped by its top cause and VPC (or region):
 * "23 instances in vpc-0abc have no route to SSM", with the fix; nodes with no cause found, nodes whose checks could
 * not all run (and the permissions missing), and nodes not diagnosed (their region's SSM could not be read).
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  return Response.json(await getFleetDiagnosis({ refresh: parseRefresh(url) }), { headers: { 'cache-control': 'no-store' } });
});
