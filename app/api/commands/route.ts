import { CommandsQuerySchema } from '@/lib/contracts/commands';
import { parseOr400, rejectUnknownParams, route } from '@/lib/api/route';
import { commandHistory } from '@/lib/runs/history';

export const dynamic = 'force-dynamic';
const PARAMS = ['document', 'status', 'from', 'to', 'actor', 'node', 'region', 'limit'] as const;

/** GET /api/commands: every command of the fleet (console and CLI ones too), with the dashboard's runs and who sent them. */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, PARAMS);
  const q = parseOr400(CommandsQuerySchema, Object.fromEntries(url.searchParams));
  return Response.json(await commandHistory(q), { headers: { 'cache-control': 'no-store' } });
});
