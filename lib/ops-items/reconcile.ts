import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import { auditFinished, auditOutcome } from '@/lib/actions/audit';
import { completeKey, orphanedKeys, releaseKey } from '@/lib/actions/idempotency';
import { settle } from '@/lib/aws/settle';
import { listOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { db } from '@/lib/db/database';
import { DEDUP_KEY } from './map';

type Row = { id: number; action: string; regions: string; parameters: string };

/** OpsItems (any status) carrying a dedup string: what a creation that was cut short did make. */
async function withDedup(region: string, dedup: string): Promise<string[] | null> {
  const r = await settle(listOpsItems(parseScopeKey(region), [{ Key: 'OperationalData', Operator: 'Equal', Values: [JSON.stringify({ key: DEDUP_KEY, value: JSON.stringify({ dedupString: dedup }) })] }]));
  return r.ok ? r.value.map((i) => i.OpsItemId ?? '').filter(Boolean) : null;
}

/**
 * A creation whose process died after the audit record was written: AWS is asked, by the dedup strings the record
 * holds, which OpsItems exist. The record and the idempotency key get that answer; a repeat of the submission then
 * replays it. Nothing found: the key is released (a repeat creates, and AWS's dedup still guards it).
 */
async function reconcileCreate(key: string, row: Row): Promise<void> {
  const regions = JSON.parse(row.regions) as string[];
  const dedups = ((JSON.parse(row.parameters) as { dedup?: string[] }).dedup ?? []).slice(0, regions.length);
  const found = await Promise.all(dedups.map(async (d, i) => ({ region: regions[i], ids: await withDedup(regions[i], d) })));
  if (found.some((f) => f.ids === null)) return; // AWS could not be asked: leave it for the next start
  const created = found.flatMap((f) => f.ids!.slice(0, 1).map((id) => ({ id, region: f.region, deduplicated: false, nodeIds: [] as string[] })));
  if (!created.length) {
    auditFinished(row.id, { status: 'failed', errorCode: 'NotCreated', errorMessage: 'the dashboard stopped before AWS answered; AWS has no such OpsItem' });
    releaseKey(key);
    return;
  }
  auditFinished(row.id, { status: created.length === dedups.length ? 'succeeded' : 'partial', commandIds: created.map((c) => c.id) });
  auditOutcome(row.id, 'reconciled', `found ${created.length} of ${dedups.length} OpsItem(s) by their dedup string after a restart`);
  completeKey(key, 201, { created, failed: [], omittedNodes: 0, auditId: row.id, reconciled: true });
}

/**
 * At start: OpsItem actions another process left in flight. Creations are settled from AWS; an update cannot be
 * told from AWS's record, so its audit record says the outcome is unknown, and its key is released (setting the same
 * fields again changes nothing).
 */
export async function reconcileOpsItemsOnStart(): Promise<number> {
  let n = 0;
  for (const key of orphanedKeys()) {
    const row = db().prepare("SELECT id, action, regions, parameters FROM audit WHERE idempotency_key = ? AND action LIKE 'opsitem:%' AND status = 'requested'").get(key) as Row | undefined;
    if (!row) continue;
    n++;
    if (row.action === 'opsitem:create') await reconcileCreate(key, row);
    else {
      auditOutcome(row.id, 'unknown', 'the dashboard stopped before AWS answered: the change may or may not have been applied; check the OpsItem');
      releaseKey(key);
    }
  }
  return n;
}
