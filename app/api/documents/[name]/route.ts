import { z } from 'zod';
import { DocumentNameSchema, DocumentVersionSchema } from '@/lib/contracts/documents';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { getDocumentDetail } from '@/lib/documents/catalog';

export const dynamic = 'force-dynamic';

const Params = z.object({ name: DocumentNameSchema, version: DocumentVersionSchema.default('$DEFAULT') });

/** GET /api/documents/{name}?version=: the document's parameters (with their rules), platforms and versions. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ name: string }> }) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['version']);
  const { name, version } = parseOr400(Params, { name: (await ctx.params).name, version: url.searchParams.get('version') ?? undefined });
  return Response.json(await getDocumentDetail(name, version), { headers: { 'cache-control': 'no-store' } });
});
