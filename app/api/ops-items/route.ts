import { CreateOpsItemRequestSchema, OPS_VIEW_PARAMS, OpsItemsViewSchema, opsViewInput } from '@/lib/contracts/ops-items';
import { parseOr400, parseRefresh, readJson, rejectUnknownParams, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { createOpsItems } from '@/lib/ops-items/create';
import { listOpsItemsView } from '@/lib/ops-items/list';

export const dynamic = 'force-dynamic';

/**
 * GET /api/ops-items: OpsItems of every region matching the view's filters (status, severity, priority, category,
 * source, type, region, created, createdAfter, createdBefore, node, title), applied by DescribeOpsItems. `refresh=1`
 * reads AWS again.
 */
export const GET = route(async (req: Request) => {
  const url = new URL(req.url);
  rejectUnknownParams(url, [...OPS_VIEW_PARAMS, 'refresh']);
  const refresh = parseRefresh(url);
  const view = parseOr400(OpsItemsViewSchema, opsViewInput(url.searchParams));
  return Response.json(await listOpsItemsView(view, { refresh }), { headers: { 'cache-control': 'no-store' } });
});

/**
 * POST /api/ops-items: create an OpsItem (one per region of its nodes) from the list, a node or a failed run's triage
 * group. Operator only, same-origin, with an Idempotency-Key; AWS's `/aws/dedup` keeps a repeat from making another.
 */
export const POST = route(async (req: Request) => {
  const body = await readJson(req);
  const title = typeof body === 'object' && body ? String((body as { title?: unknown }).title ?? '').slice(0, 200) : '';
  const actor = requireOperator(req, { action: 'opsitem:create', targetSummary: `OpsItem "${title}"` });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(CreateOpsItemRequestSchema, body);
  return runOnce(key, actor.id, input, () => createOpsItems(input, actor, key));
});
