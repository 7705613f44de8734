import { OpsItemIdSchema, UpdateOpsItemRequestSchema } from '@/lib/contracts/ops-items';
import { parseOr400, readJson, rejectUnknownParams, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { getOpsItemDetail } from '@/lib/ops-items/detail';
import { changeOpsItem } from '@/lib/ops-items/update';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/ops-items/{id}: the OpsItem with all its operational data, related resources and their nodes' state. */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, ['region']);
  const id = parseOr400(OpsItemIdSchema, (await ctx.params).id);
  return Response.json(await getOpsItemDetail(id, url.searchParams.get('region') ?? undefined), { headers: { 'cache-control': 'no-store' } });
});

/**
 * PATCH /api/ops-items/{id}: change status, severity, priority, category, title or description, add operational data,
 * relate or unrelate nodes. Operator only, same-origin, Idempotency-Key; answers the OpsItem as it is afterwards.
 */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  rejectUnknownParams(new URL(req.url), []);
  const id = parseOr400(OpsItemIdSchema, (await ctx.params).id);
  const body = await readJson(req);
  const actor = requireOperator(req, { action: 'opsitem:update', targetSummary: `OpsItem ${id}`, targets: [id] });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(UpdateOpsItemRequestSchema, body);
  return runOnce(key, actor.id, { id, input }, () => changeOpsItem(id, input, actor, key));
});
