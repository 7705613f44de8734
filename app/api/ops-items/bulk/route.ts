import { BulkOpsItemsRequestSchema } from '@/lib/contracts/ops-items';
import { parseOr400, readJson, rejectUnknownParams, route } from '@/lib/api/route';
import { requireOperator } from '@/lib/actions/guard';
import { idempotencyKeyOf, runOnce } from '@/lib/actions/idempotency';
import { bulkSetStatus } from '@/lib/ops-items/bulk';

export const dynamic = 'force-dynamic';

/** POST /api/ops-items/bulk: one status for up to 1,000 selected OpsItems (`{ items: [{ id, region }], status }`). */
export const POST = route(async (req: Request) => {
  rejectUnknownParams(new URL(req.url), []);
  const body = await readJson(req);
  const actor = requireOperator(req, { action: 'opsitem:bulk-status', targetSummary: 'bulk OpsItem status' });
  const key = idempotencyKeyOf(req);
  const input = parseOr400(BulkOpsItemsRequestSchema, body);
  return runOnce(key, actor.id, input, () => bulkSetStatus(input.items, input.status, actor, key));
});
