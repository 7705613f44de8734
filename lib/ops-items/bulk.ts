import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey } from '@/lib/aws/scope';
import pLimit from 'p-limit';
import { auditFinished, auditRequested } from '@/lib/actions/audit';
import type { Actor } from '@/lib/actions/identity';
import { settle } from '@/lib/aws/settle';
import { updateOpsItem } from '@/lib/aws/ssm/update-ops-item';
import { isOpenStatus, type BulkOpsItemsResponse, type OpsItemStatus } from '@/lib/contracts/ops-items';
import { noteOpsItemChange } from '@/lib/fleet/ops-items-overlay';
import { invalid } from '@/lib/errors';
import { afterOpsItemChange } from './list';

/** UpdateOpsItem calls in flight at once: a bulk change of 1,000 must not eat the account's SSM request rate. */
const CONCURRENCY = 4;

/**
 * One status for many OpsItems: one audit record (written before the first call) listing them all, one UpdateOpsItem
 * each, sent once; the answer says which went through and why the others did not.
 */
export async function bulkSetStatus(
  items: { id: string; region: string }[], status: OpsItemStatus, actor: Actor, idempotencyKey: string,
): Promise<{ status: number; body: BulkOpsItemsResponse }> {
  const regions = await fleetScopeKeys();
  const unknown = [...new Set(items.map((i) => i.region).filter((r) => !regions.includes(r)))];
  if (unknown.length) throw invalid('UnknownRegion', `items: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the dashboard's regions (${regions.join(', ')})`);
  const auditId = auditRequested({
    actor, action: 'opsitem:bulk-status', regions: [...new Set(items.map((i) => i.region))], targetSummary: `${items.length} OpsItem${items.length === 1 ? '' : 's'} → ${status}`,
    targets: items.map((i) => i.id), parameters: { status }, idempotencyKey,
  });
  const limit = pLimit(CONCURRENCY);
  const results = await Promise.all(
    items.map((i) => limit(async () => {
      const r = await settle(updateOpsItem({ ...parseScopeKey(i.region), actor: actor.id }, { OpsItemId: i.id, Status: status }));
      if (r.ok && !isOpenStatus(status)) {
        // Closed: off its nodes' open OpsItems at once (reopening shows up at the next fleet refresh).
        noteOpsItemChange({ region: i.region, ref: { id: i.id, title: '', status, severity: null, priority: null, source: null, category: null, createdAt: null }, nodeIds: [], open: false });
      }
      return { ...i, ok: r.ok, error: r.ok ? null : { code: r.error.code, message: r.error.message } };
    })),
  );
  afterOpsItemChange(items.map((i) => i.region));
  const succeeded = results.filter((r) => r.ok).length;
  const failed = results.length - succeeded;
  auditFinished(auditId, {
    status: failed === 0 ? 'succeeded' : succeeded ? 'partial' : 'failed',
    commandIds: results.filter((r) => r.ok).map((r) => r.id),
    errorCode: results.find((r) => r.error)?.error?.code,
    errorMessage: failed ? `${failed} of ${results.length} failed: ${results.filter((r) => r.error).slice(0, 5).map((r) => `${r.id}: ${r.error!.message}`).join('; ')}` : undefined,
  });
  return { status: 200, body: { results, succeeded, failed, auditId } };
}
