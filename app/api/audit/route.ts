import { AuditQuerySchema } from '@/lib/contracts/audit';
import { toCsv } from '@/lib/contracts/csv';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { queryAudit } from '@/lib/actions/audit';

export const dynamic = 'force-dynamic';
const PARAMS = ['actor', 'action', 'status', 'runId', 'from', 'to', 'q', 'limit', 'format'] as const;

/** GET /api/audit: the audit log, newest first, filtered; format=csv for a download. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, PARAMS);
  const q = parseOr400(AuditQuerySchema, Object.fromEntries(url.searchParams));
  const { records, total } = queryAudit(q);
  if (q.format === 'csv') {
    const csv = toCsv(
      ['id', 'at', 'actor', 'source', 'action', 'status', 'run', 'regions', 'targets', 'target count', 'parameters', 'command ids', 'error code', 'error', 'finished at', 'outcome', 'outcome detail'],
      records.map((r) => [r.id, r.at, r.actor, r.actorSource, r.action, r.status, r.runId, r.regions.join(' '), r.targetSummary, r.targetCount,
        JSON.stringify(r.parameters), r.commandIds.join(' '), r.errorCode, r.errorMessage, r.finishedAt, r.outcome, r.outcomeDetail]),
    );
    return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ssm-fleet-audit.csv"', 'cache-control': 'no-store' } });
  }
  return Response.json({ records, total }, { headers: { 'cache-control': 'no-store' } });
});
