import { getFleetSnapshot, fleetGzip, fleetJson, fleetResponse } from '@/lib/fleet/fleet';
import { resolveSoftwareFilter } from '@/lib/inventory/software-filter';
import { NodeViewSchema, searchParamsToInput } from '@/lib/contracts/node-view';
import { z } from 'zod';
import { ApiError, parseOr400, parseRefresh, rejectUnknownParams, route } from '@/lib/api/route';
import { compactGzip, compactJson } from './compact';

export const dynamic = 'force-dynamic';

const PARAMS = ['q', 'ping', 'platform', 'acct', 'region', 'tag', 'patch', 'agent', 'ops', 'pgroup', 'sw', 'sort', 'dir', 'group', 'cols', 'refresh', 'format'] as const;
const FormatSchema = z.object({ format: z.enum(['plain', 'compact']).default('plain') });

/**
 * GET /api/nodes: the joined fleet, filtered and sorted by the same view parameters as the nodes page.
 * `format=compact` (the whole fleet only): the nodes page's compact form (CompactFleet in lib/contracts/node-view.ts).
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, PARAMS);
  const refresh = parseRefresh(url);
  const { format } = parseOr400(FormatSchema, { format: url.searchParams.get('format') ?? undefined });
  const view = parseOr400(NodeViewSchema, searchParamsToInput(url.searchParams));
  const viewParams = [...url.searchParams.keys()].filter((k) => k !== 'refresh' && k !== 'cols' && k !== 'group' && k !== 'format');
  if (format === 'compact' && viewParams.length) throw new ApiError(400, 'BadRequest', `format=compact is the whole fleet: drop ${viewParams.join(', ')}`);
  const snap = await getFleetSnapshot({ refresh });
  const headers = { 'cache-control': 'no-store', etag: `W/"${snap.version}${format === 'compact' ? '-compact' : ''}"`, vary: 'accept, accept-encoding' };

  if (format === 'compact') {
    if (req.headers.get('if-none-match') === headers.etag) return new Response(null, { status: 304, headers });
    if (/\bapplication\/gzip\b/.test(req.headers.get('accept') ?? '')) return new Response(streamOf(compactGzip(snap)), { headers: { ...headers, 'content-type': 'application/gzip' } });
    return new Response(compactJson(snap), { headers: { ...headers, 'content-type': 'application/json' } });
  }
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
