import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import type { OpsItemDataValue, UpdateOpsItemRequest } from '@aws-sdk/client-ssm';
import { auditFinished, auditRequested } from '@/lib/actions/audit';
import type { Actor } from '@/lib/actions/identity';
import { settle } from '@/lib/aws/settle';
import type { OpsItem } from '@/lib/aws/ssm/get-ops-item';
import { associateOpsItemRelatedItem } from '@/lib/aws/ssm/associate-ops-item-related-item';
import { disassociateOpsItemRelatedItem } from '@/lib/aws/ssm/disassociate-ops-item-related-item';
import { listOpsItemRelatedItems } from '@/lib/aws/ssm/list-ops-item-related-items';
import { updateOpsItem } from '@/lib/aws/ssm/update-ops-item';
import { isOpenStatus, OPS_LIMITS, settableStatuses, type OpsItemDetail, type UpdateOpsItemInput } from '@/lib/contracts/ops-items';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { noteOpsItemChange } from '@/lib/fleet/ops-items-overlay';
import { invalid } from '@/lib/errors';
import { accountOf, nodeArn } from './arns';
import { getOpsItemDetail, nodeResourceType } from './detail';
import { afterOpsItemChange } from './list';
import { locateOpsItem } from './locate';
import { nodeIdOfArn, RESOURCES_KEY, resourceArns, resourcesValue } from './map';

/** AWS's own rules the request can be checked against before anything is sent (the rest AWS checks). */
function checkAgainst(item: OpsItem, input: UpdateOpsItemInput): void {
  const type = item.OpsItemType || '/aws/issue';
  const allowed = settableStatuses(type);
  if (input.status && !allowed.includes(input.status)) {
    throw invalid('StatusNotAllowed', allowed.length
      ? `status: an OpsItem of type ${type} can be set to ${allowed.join(', ')}, not ${input.status}`
      : `status: the status of a ${type} OpsItem follows its Change Manager workflow and cannot be set here`);
  }
}

/** Nodes to relate must be known, and in the OpsItem's region (a node page reads its own region's OpsItems). */
function checkRelatable(snap: FleetSnapshot, region: string, relate: string[]): void {
  for (const id of relate) {
    const hit = snap.byId.get(id);
    if (!hit) throw invalid('UnknownNode', `relate: node ${id} is not in the fleet (as last read); refresh the fleet or check the ID`);
    if (hit.region.region !== region) throw invalid('OtherRegion', `relate: node ${id} is in ${hit.region.region}, this OpsItem in ${region}; OpsItems are regional, so create one there`);
  }
}

/** The new `/aws/resources` ARNs after relating and unrelating nodes (other resources are kept as they are). */
function newResources(item: OpsItem, region: string, account: () => string, relate: string[], unrelate: string[]): string[] | null {
  if (!relate.length && !unrelate.length) return null;
  const drop = new Set(unrelate);
  const arns = resourceArns(item.OperationalData).filter((arn) => !drop.has(nodeIdOfArn(arn) ?? ''));
  const have = new Set(arns.map(nodeIdOfArn));
  for (const id of relate) if (!have.has(id) && !drop.has(id)) arns.push(nodeArn(region, account(), id));
  if (arns.filter((a) => nodeIdOfArn(a)).length > OPS_LIMITS.relatedNodes) {
    throw invalid('TooManyNodes', `relate: an OpsItem relates at most ${OPS_LIMITS.relatedNodes} nodes here`);
  }
  return arns;
}

function awsRequest(id: string, input: UpdateOpsItemInput, resources: string[] | null): UpdateOpsItemRequest | null {
  const data: Record<string, OpsItemDataValue> = {};
  for (const e of input.operationalData ?? []) data[e.key] = { Value: e.value, Type: e.searchable ? 'SearchableString' : 'String' };
  const toDelete: string[] = [];
  if (resources?.length) data[RESOURCES_KEY] = resourcesValue(resources);
  else if (resources) toDelete.push(RESOURCES_KEY);
  const req: UpdateOpsItemRequest = {
    OpsItemId: id, Status: input.status, Severity: input.severity, Priority: input.priority, Category: input.category, Title: input.title,
    Description: input.description, OperationalData: Object.keys(data).length ? data : undefined, OperationalDataToDelete: toDelete.length ? toDelete : undefined,
  };
  return Object.entries(req).some(([k, v]) => k !== 'OpsItemId' && v !== undefined) ? req : null;
}

/** Related-item associations for relate/unrelate; a failure is reported, not thrown (the update itself went through). */
async function syncAssociations(region: string, id: string, account: () => string, relate: string[], unrelate: string[], actor: string): Promise<string[]> {
  const warnings: string[] = [];
  for (const nodeId of relate) {
    const arn = nodeArn(region, account(), nodeId);
    const r = await settle(associateOpsItemRelatedItem({ ...parseScopeKey(region), actor }, { opsItemId: id, resourceType: nodeResourceType(arn), resourceUri: arn }));
    if (!r.ok) warnings.push(`relating ${nodeId} as a related item failed (${r.error.code}); it is named in ${RESOURCES_KEY}`);
  }
  if (unrelate.length) {
    const list = await settle(listOpsItemRelatedItems(parseScopeKey(region), id));
    if (!list.ok) return [...warnings, `related items could not be listed (${list.error.code}); ${unrelate.join(', ')} may still be related items`];
    const drop = new Set(unrelate);
    for (const a of list.value) {
      if (!drop.has(nodeIdOfArn(a.ResourceUri ?? '') ?? '') || !a.AssociationId) continue;
      const r = await settle(disassociateOpsItemRelatedItem({ ...parseScopeKey(region), actor }, id, a.AssociationId));
      if (!r.ok) warnings.push(`unrelating ${nodeIdOfArn(a.ResourceUri ?? '')} failed (${r.error.code})`);
    }
  }
  return warnings;
}

/** Change one OpsItem: checked, audited before AWS is called, sent once (no SDK retries), then read back. */
export async function changeOpsItem(id: string, input: UpdateOpsItemInput, actor: Actor, idempotencyKey: string): Promise<{ status: number; body: OpsItemDetail }> {
  const { region, item } = await locateOpsItem(id, input.region);
  checkAgainst(item, input);
  const relate = input.relate ?? [];
  const unrelate = input.unrelate ?? [];
  const snap = relate.length ? await getFleetSnapshot() : null;
  if (snap) checkRelatable(snap, region, relate);
  const account = () => accountOf(snap!, region);
  const resources = newResources(item, region, account, relate, unrelate);
  const request = awsRequest(id, input, resources);
  const change = { ...input, region: undefined };
  const auditId = auditRequested({ actor, action: 'opsitem:update', regions: [region], targetSummary: `OpsItem ${id}`, targets: [id], parameters: change, idempotencyKey });
  if (request) {
    const r = await settle(updateOpsItem({ ...parseScopeKey(region), actor: actor.id }, request));
    if (!r.ok) {
      auditFinished(auditId, { status: 'failed', errorCode: r.error.code, errorMessage: r.error.message });
      if (r.error.status === 400) throw invalid(r.error.code, `AWS refused the change: ${r.error.message}`);
      throw r.error;
    }
  }
  const warnings = await syncAssociations(region, id, account, relate, unrelate, actor.id);
  auditFinished(auditId, { status: warnings.length ? 'partial' : 'succeeded', commandIds: [id], errorMessage: warnings.join('; ') || undefined });
  afterOpsItemChange([region]);
  const detail = await getOpsItemDetail(id, region);
  noteOpsItemChange({
    region,
    ref: { id, title: detail.item.title, status: detail.item.status, severity: detail.item.severity, priority: detail.item.priority, source: detail.item.source, category: detail.item.category, createdAt: detail.item.createdAt },
    nodeIds: detail.item.nodeIds,
    open: isOpenStatus(detail.item.status),
  });
  return { status: 200, body: warnings.length ? { ...detail, warnings } : detail };
}
