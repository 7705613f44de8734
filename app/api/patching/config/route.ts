import { getPatchConfig } from '@/lib/patching/patch-config';
import { parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** GET /api/patching/config: baselines (with approval rules), patch groups and maintenance windows per region. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['refresh']);
  return Response.json({ regions: await getPatchConfig({ refresh: parseRefresh(url) }) }, { headers: { 'cache-control': 'no-store' } });
});
