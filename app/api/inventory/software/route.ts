import { NodeViewSchema, searchParamsToInput } from '@/lib/contracts/node-view';
import { SoftwareQuerySchema } from '@/lib/contracts/inventory';
import { softwareCatalog } from '@/lib/inventory/catalog';
import { searchSoftware } from '@/lib/inventory/search';
import { ApiError, parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

const VIEW_PARAMS = ['q', 'ping', 'platform', 'region', 'tag', 'patch', 'agent', 'ops', 'pgroup', 'os', 'agentv', 'ami'] as const;

/**
 * GET /api/inventory/software: without `name`, the fleet's software catalog (every application, its versions and
 * node counts, plus OS, kernel, agent and instance-type counts); with `name` (and `match=exact|prefix`,
 * `version=lt:3.0.13`), the nodes that have it. Both take the nodes view's filters.
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['name', 'match', 'version', 'refresh', ...VIEW_PARAMS]);
  const refresh = parseRefresh(url);
  const q = parseOr400(SoftwareQuerySchema, {
    name: url.searchParams.get('name') ?? undefined,
    match: url.searchParams.get('match') ?? undefined,
    version: url.searchParams.get('version') ?? undefined,
  });
  const view = parseOr400(NodeViewSchema, searchParamsToInput(url.searchParams));
  const headers = { 'cache-control': 'no-store' };
  if (!q.name) {
    if (q.version) throw new ApiError(400, 'InvalidRequest', 'version needs a name: which software should be older or newer than it?');
    return Response.json(await softwareCatalog({ view, refresh }), { headers });
  }
  return Response.json(await searchSoftware(q, { view, refresh }), { headers });
});
