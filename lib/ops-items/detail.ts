import 'server-only';
import { parseScopeKey } from '@/lib/aws/scope';
import { settle } from '@/lib/aws/settle';
import type { OpsItem } from '@/lib/aws/ssm/get-ops-item';
import { listOpsItemRelatedItems, type OpsItemRelatedItemSummary } from '@/lib/aws/ssm/list-ops-item-related-items';
import { settableStatuses, type OpsItemDetail, type RelatedResource } from '@/lib/contracts/ops-items';
import type { NodeRow } from '@/lib/contracts/node';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { locateOpsItem } from './locate';
import { nodeIdOfArn, resourceArns, toRow } from './map';

const iso = (d: Date | undefined) => (d instanceof Date ? d.toISOString() : null);

/** AWS's resource type for a node ARN (what AssociateOpsItemRelatedItem is given). */
export const nodeResourceType = (arn: string) => (arn.includes(':managed-instance/') ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance');

/**
 * Related resources from both places AWS keeps them: related items (ListOpsItemRelatedItems) and the `/aws/resources`
 * operational data (older integrations and CreateOpsItem write only that). One entry per resource URI.
 */
export function mergeRelated(item: OpsItem, associations: OpsItemRelatedItemSummary[], nodeOf: (id: string) => NodeRow | null): RelatedResource[] {
  const byUri = new Map<string, RelatedResource>();
  for (const a of associations) {
    const uri = a.ResourceUri ?? '';
    const nodeId = nodeIdOfArn(uri);
    byUri.set(uri, {
      associationId: a.AssociationId ?? null, resourceType: a.ResourceType ?? 'unknown', uri, nodeId, inResourcesData: false,
      createdAt: iso(a.CreatedTime), createdBy: a.CreatedBy?.Arn ?? null, node: nodeId ? nodeOf(nodeId) : null,
    });
  }
  for (const arn of resourceArns(item.OperationalData)) {
    const hit = byUri.get(arn);
    if (hit) hit.inResourcesData = true;
    else {
      const nodeId = nodeIdOfArn(arn);
      byUri.set(arn, {
        associationId: null, resourceType: nodeId ? nodeResourceType(arn) : 'unknown', uri: arn, nodeId, inResourcesData: true,
        createdAt: null, createdBy: null, node: nodeId ? nodeOf(nodeId) : null,
      });
    }
  }
  return [...byUri.values()];
}

export function toDetail(region: string, item: OpsItem, associations: OpsItemRelatedItemSummary[], relatedError: string | null, nodeOf: (id: string) => NodeRow | null): OpsItemDetail {
  const row = toRow(region, item);
  const related = mergeRelated(item, associations, nodeOf);
  return {
    item: {
      ...row,
      nodeIds: [...new Set([...row.nodeIds, ...related.flatMap((r) => (r.nodeId ? [r.nodeId] : []))])],
      description: item.Description ?? null,
      version: item.Version ?? null,
      arn: item.OpsItemArn ?? null,
      relatedOpsItems: (item.RelatedOpsItems ?? []).map((r) => r.OpsItemId ?? '').filter(Boolean),
    },
    operationalData: Object.entries(item.OperationalData ?? {})
      .map(([key, v]) => ({ key, value: v.Value ?? '', searchable: v.Type !== 'String' }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    related,
    relatedError,
    settableStatuses: settableStatuses(row.type),
  };
}

/** One OpsItem with all its data, its related resources and the related nodes as the fleet shows them now. */
export async function getOpsItemDetail(id: string, hint?: string): Promise<OpsItemDetail> {
  const { region, item } = await locateOpsItem(id, hint);
  const [assoc, snap] = await Promise.all([settle(listOpsItemRelatedItems(parseScopeKey(region), id)), settle(getFleetSnapshot())]);
  const relatedError = assoc.ok ? null : `ListOpsItemRelatedItems failed (${assoc.error.code}): only the resources named in ${'/aws/resources'} are shown`;
  const nodeOf = (nodeId: string) => (snap.ok ? (snap.value.byId.get(nodeId)?.row ?? null) : null);
  return toDetail(region, item, assoc.ok ? assoc.value : [], relatedError, nodeOf);
}
