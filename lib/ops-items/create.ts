import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import type { OpsItemDataValue } from '@aws-sdk/client-ssm';
import { auditFinished, auditRequested } from '@/lib/actions/audit';
import type { Actor } from '@/lib/actions/identity';
import type { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { createOpsItem } from '@/lib/aws/ssm/create-ops-item';
import { listOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { OPEN_STATUSES, type CreateOpsItemInput, type CreateOpsItemResponse } from '@/lib/contracts/ops-items';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { noteOpsItemChange } from '@/lib/fleet/ops-items-overlay';
import { invalid } from '@/lib/errors';
import { accountOf, nodeArn } from './arns';
import { afterOpsItemChange } from './list';
import { DEDUP_KEY, RESOURCES_KEY, resourcesValue } from './map';
import { dedupString, planCreation, type CreatePlan } from './sources';

/** An open OpsItem with this dedup string, if any (DescribeOpsItems searches searchable operational data). */
async function openWithDedup(region: string, dedup: string): Promise<string | null> {
  const r = await settle(listOpsItems(parseScopeKey(region), [
    { Key: 'OperationalData', Operator: 'Equal', Values: [JSON.stringify({ key: DEDUP_KEY, value: JSON.stringify({ dedupString: dedup }) })] },
    { Key: 'Status', Operator: 'Equal', Values: [...OPEN_STATUSES] },
  ]));
  return r.ok ? (r.value[0]?.OpsItemId ?? null) : null;
}

function operationalData(input: CreateOpsItemInput, plan: CreatePlan, account: string, dedup: string, actor: Actor): Record<string, OpsItemDataValue> {
  const data: Record<string, OpsItemDataValue> = { ...plan.data, RequestedBy: { Value: actor.id, Type: 'SearchableString' } };
  for (const e of input.operationalData) data[e.key] = { Value: e.value, Type: e.searchable ? 'SearchableString' : 'String' };
  if (plan.nodeIds.length) data[RESOURCES_KEY] = resourcesValue(plan.nodeIds.map((id) => nodeArn(plan.region, account, id)));
  data[DEDUP_KEY] = { Value: JSON.stringify({ dedupString: dedup }), Type: 'SearchableString' };
  return data;
}

/**
 * Create OpsItems, at most once: audited before AWS is called; each carries a `/aws/dedup` string derived from what it
 * is about, so a repeated creation (a retry after a crash, a second tab) finds the open one instead of making another.
 * Idempotency keys stop a repeat of the same submission before it gets here (lib/actions/idempotency.ts).
 */
export async function createOpsItems(input: CreateOpsItemInput, actor: Actor, idempotencyKey: string): Promise<{ status: number; body: CreateOpsItemResponse }> {
  const snap = await getFleetSnapshot();
  const { plans, omitted } = await planCreation(input, snap);
  const account = plans.some((p) => p.nodeIds.length) ? accountOf(snap, plans[0].region) : '';
  const prepared = plans.map((plan) => ({ plan, dedup: dedupString(plan.dedupSeed) }));
  const auditId = auditRequested({
    actor, action: 'opsitem:create', regions: plans.map((p) => p.region), targetSummary: `OpsItem "${input.title.slice(0, 120)}"`,
    targets: plans.flatMap((p) => p.nodeIds),
    parameters: { title: input.title, severity: input.severity, priority: input.priority, category: input.category, source: input.source, from: input.from, dedup: prepared.map((p) => p.dedup) },
    idempotencyKey,
  });
  const created: CreateOpsItemResponse['created'] = [];
  const failed: CreateOpsItemResponse['failed'] = [];
  let firstError: AwsError | null = null;
  for (const { plan, dedup } of prepared) {
    const existing = await openWithDedup(plan.region, dedup);
    if (existing) {
      created.push({ id: existing, region: plan.region, deduplicated: true, nodeIds: plan.nodeIds });
      continue;
    }
    const r = await settle(createOpsItem({ ...parseScopeKey(plan.region), actor: actor.id }, {
      Title: input.title, Description: input.description, Source: input.source, Severity: input.severity, Priority: input.priority,
      Category: input.category, OperationalData: operationalData(input, plan, account, dedup, actor),
    }));
    if (!r.ok) {
      firstError ??= r.error;
      failed.push({ region: plan.region, code: r.error.code, message: r.error.message });
      continue;
    }
    created.push({ id: r.value.id, region: plan.region, deduplicated: r.value.existed, nodeIds: plan.nodeIds });
    if (!r.value.existed) {
      const ref = {
        id: r.value.id, title: input.title, status: 'Open', severity: input.severity ?? null, priority: input.priority ?? null,
        source: input.source, category: input.category ?? null, createdAt: new Date().toISOString(),
      };
      noteOpsItemChange({ region: plan.region, ref, nodeIds: plan.nodeIds, open: true });
    }
  }
  afterOpsItemChange(plans.map((p) => p.region));
  auditFinished(auditId, {
    status: failed.length === 0 ? 'succeeded' : created.length ? 'partial' : 'failed',
    commandIds: created.map((c) => c.id),
    errorCode: failed[0]?.code,
    errorMessage: failed.map((f) => `${f.region}: ${f.message}`).join('; ') || undefined,
  });
  // Nothing created: AWS refusing the input frees the idempotency key (the corrected form may be sent again under it).
  if (firstError) {
    if (!created.length && firstError.status === 400) throw invalid(firstError.code, `AWS refused the OpsItem: ${firstError.message}`);
    if (!created.length) throw firstError;
  }
  return { status: 201, body: { created, failed, omittedNodes: omitted, auditId } };
}
