import { getFleetSnapshot, fleetGzip, fleetJson, fleetResponse } from '@/lib/fleet/fleet';
import { resolveSoftwareFilter } from '@/lib/inventory/software-filter';
import { NodeViewSchema, searchParamsToInput } from '@/lib/contracts/node-view';
import { parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

const PARAMS = ['q', 'ping', 'platform', 'acct', 'region', 'tag', 'patch', 'agent', 'ops', 'pgroup', 'sw', 'sort', 'dir', 'group', 'cols', 'refresh'] as const;

/** GET /api/nodes: the joined fleet, filtered and sorted by the same view parameters as the nodes page. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, PARAMS);
  const refresh = parseRefresh(url);
  const view = parseOr400(NodeViewSchema, searchParamsToInput(url.searchParams));
  const snap = await getFleetSnapshot({ refresh });
  const headers = { 'cache-control': 'no-store', etag: `W/"${snap.version}"`, vary: 'accept, accept-encoding' };

  const viewParams = [...url.searchParams.keys()].filter((k) => k !== 'refresh' && k !== 'cols' && k !== 'group');
  if (viewParams.length === 0) {
    // The whole fleet: a body serialized once per snapshot, and 304 when the viewer already has it.
    if (req.headers.get('if-none-match') === headers.etag) return new Response(null, { status: 304, headers });
    if (/\bapplication\/gzip\b/.test(req.headers.get('accept') ?? '')) {
      // The dashboard's own client asks for the body gzipped once per snapshot and unzips it itself
      // (DecompressionStream): Next.js would otherwise gzip 10 MB again for every viewer and every refresh.
      return new Response(streamOf(fleetGzip(snap)), { headers: { ...headers, 'content-type': 'application/gzip' } });
    }
    return new Response(fleetJson(snap), { headers: { ...headers, 'content-type': 'application/json' } });
  }
  const software = view.sw ? await resolveSoftwareFilter(view.sw) : undefined;
  return Response.json(fleetResponse(snap, view, { software }), { headers });
});

/** A body over the shared bytes: `new Response(bytes)` would copy them for every request. */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
