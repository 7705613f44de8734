import { AuditQuerySchema, type AuditRecord } from '@/lib/contracts/audit';
import { toCsv } from '@/lib/contracts/csv';
import { ApiError, parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { iterateAudit, queryAudit } from '@/lib/actions/audit';

export const dynamic = 'force-dynamic';
const PARAMS = ['actor', 'action', 'status', 'runId', 'from', 'to', 'q', 'cursor', 'limit', 'format'] as const;

const HEADER = ['id', 'at', 'actor', 'source', 'action', 'status', 'run', 'regions', 'targets', 'target count', 'parameters', 'command ids',
  'error code', 'error', 'finished at', 'outcome', 'outcome detail', 'route', 'body bytes', 'body sha256'];
const csvRow = (r: AuditRecord) => [r.id, r.at, r.actor, r.actorSource, r.action, r.status, r.runId, r.regions.join(' '), r.targetSummary, r.targetCount,
  JSON.stringify(r.parameters), r.commandIds.join(' '), r.errorCode, r.errorMessage, r.finishedAt, r.outcome, r.outcomeDetail, r.route, r.bodyBytes, r.bodySha256];

/**
 * GET /api/audit: the audit log, newest first, filtered, one page at a time (`limit` up to 200; `cursor` = the previous
 * page's `nextCursor`). `format=csv` streams every matching record (narrow it with `from`/`to`): the archive of a time
 * range, read from the database page by page.
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, PARAMS);
  const q = parseOr400(AuditQuerySchema, Object.fromEntries(url.searchParams));
  if (q.format === 'csv') {
    if (url.searchParams.has('limit')) throw new ApiError(400, 'BadRequest', 'format=csv exports every matching record: narrow it with from and to, not limit');
    return new Response(csvStream(q), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ssm-fleet-audit.csv"', 'cache-control': 'no-store' },
    });
  }
  return Response.json(queryAudit(q), { headers: { 'cache-control': 'no-store' } });
});

function csvStream(q: Parameters<typeof iterateAudit>[0]): ReadableStream<Uint8Array> {
  const pages = iterateAudit(q);
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream({
    pull(controller) {
      const next = pages.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(toCsv(HEADER, [])));
        controller.close();
        return;
      }
      const csv = toCsv(HEADER, next.value.map(csvRow));
      controller.enqueue(encoder.encode(first ? csv : csv.slice(csv.indexOf('\n') + 1)));
      first = false;
    },
    cancel() {
      pages.return(undefined);
    },
  });
}
