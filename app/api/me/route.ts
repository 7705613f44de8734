import { route } from '@/lib/api/route';
import { resolveActor, refusalReason } from '@/lib/actions/identity';

export const dynamic = 'force-dynamic';

/** GET /api/me: who the dashboard thinks you are, and whether you may act (the UI disables actions and says why). */
export const GET = route(async (req: Request) => {
  const actor = resolveActor(req.headers);
  const refusal = refusalReason(actor);
  return Response.json({ actor: { id: actor.id, role: actor.role, source: actor.source }, canAct: !refusal, refusal }, { headers: { 'cache-control': 'no-store' } });
});
