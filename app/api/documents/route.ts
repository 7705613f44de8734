import { DocumentsQuerySchema } from '@/lib/contracts/documents';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { listCommandDocuments } from '@/lib/documents/catalog';

export const dynamic = 'force-dynamic';

/** GET /api/documents?q=&platform=&owner=: Command documents owned by AWS or this account, in every configured region. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['q', 'platform', 'owner']);
  const q = parseOr400(DocumentsQuerySchema, Object.fromEntries(url.searchParams));
  return Response.json(await listCommandDocuments(q), { headers: { 'cache-control': 'no-store' } });
});
