import { HistoryQuerySchema } from '@/lib/contracts/history';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { readHistory } from '@/lib/history/read';

export const dynamic = 'force-dynamic';

/** GET /api/history?days=30: the fleet's recorded summaries over the last days, downsampled for a chart. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['days']);
  const { days } = parseOr400(HistoryQuerySchema, { days: url.searchParams.get('days') ?? undefined });
  return Response.json(readHistory(days), { headers: { 'cache-control': 'no-store' } });
});
