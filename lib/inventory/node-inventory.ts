import 'server-only';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { listInventoryEntries } from '@/lib/aws/ssm/list-inventory-entries';
import { getInventorySchema } from '@/lib/aws/ssm/get-inventory-schema';
import { describeInstanceAssociationsStatus } from '@/lib/aws/ssm/describe-instance-associations-status';
import { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { createKeyedCache } from '@/lib/cache/keyed-cache';
import { getNodeDetail } from '@/lib/fleet/fleet';
import { invalid, notFound } from '@/lib/errors';
import { KNOWN_INVENTORY_TYPES, type InventoryTypeInfo, type NodeInventoryPage } from '@/lib/contracts/inventory';
import type { NodeRow } from '@/lib/contracts/node';

export const INVENTORY_ASSOCIATION_DOCUMENT = 'AWS-GatherSoftwareInventory';

const order = (t: string) => {
  const i = (KNOWN_INVENTORY_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? KNOWN_INVENTORY_TYPES.length : i;
};

const schemaCache = createKeyedCache<InventoryTypeInfo[]>({
  ttlMs: () => 3600_000,
  maxKeys: 64,
  load: async (region) =>
    (await getInventorySchema(parseScopeKey(region)))
      .filter((s) => s.TypeName)
      .map((s) => ({
        typeName: s.TypeName!,
        displayName: s.DisplayName ?? null,
        attributes: (s.Attributes ?? []).map((a) => ({ name: a.Name ?? '', dataType: a.DataType ?? 'string' })),
      }))
      .sort((a, b) => order(a.typeName) - order(b.typeName) || a.typeName.localeCompare(b.typeName)),
});

/** Types that exist for the platform: Windows updates and roles only on Windows. */
function typesFor(node: NodeRow, types: InventoryTypeInfo[]): InventoryTypeInfo[] {
  const windows = (node.platformType ?? '').toLowerCase() === 'windows';
  return types.filter((t) => windows || !['AWS:WindowsUpdate', 'AWS:WindowsRole'].includes(t.typeName));
}

/** Why a node reports none of a type, in words an engineer can act on. */
async function whyNone(node: NodeRow, region: string, typeName: string): Promise<NonNullable<NodeInventoryPage['none']>> {
  if (!node.managed) {
    return { reason: 'not-managed', detail: `${node.id} is not a managed node (${node.ping === 'NotRunning' ? `EC2 state ${node.ec2State ?? 'not running'}` : 'SSM does not list it'}): inventory is collected by the SSM Agent.` };
  }
  if (node.ping !== 'Online') {
    return { reason: 'not-online', detail: `The node is ${node.ping}${node.lastPingAt ? ` since its last ping at ${node.lastPingAt}` : ''}: the agent reports inventory only while it is connected.` };
  }
  // Only an Online node's associations can explain the gap: no call for the others.
  const assocs = await settle(describeInstanceAssociationsStatus(parseScopeKey(region), node.id));
  const inv = assocs.ok ? assocs.value.filter((a) => a.Name === INVENTORY_ASSOCIATION_DOCUMENT) : [];
  if (!assocs.ok) {
    return { reason: 'not-collected', detail: `The node reports no ${typeName}; whether it has an inventory association could not be read (${assocs.error.code}: needs ssm:DescribeInstanceAssociationsStatus).` };
  }
  if (inv.length === 0) {
    return { reason: 'no-association', detail: `No State Manager association runs ${INVENTORY_ASSOCIATION_DOCUMENT} on this node: set up inventory collection (Systems Manager → Inventory → Setup inventory) for it or its tags.` };
  }
  const failed = inv.find((a) => a.Status === 'Failed');
  if (failed) {
    return { reason: 'association-failed', detail: `The inventory association ${failed.AssociationName ?? failed.AssociationId ?? ''} failed at ${failed.ExecutionDate ? new Date(failed.ExecutionDate).toISOString() : 'its last run'}${failed.DetailedStatus ? ` (${failed.DetailedStatus})` : ''}.`.replace('  ', ' ') };
  }
  return { reason: 'not-collected', detail: `The inventory association runs, but it does not collect ${typeName} on this node (its parameters leave the type out), or it has not run yet.` };
}

/**
 * One page of a node's inventory of one type, as AWS pages it (50 entries); for an empty first page, why.
 */
export async function nodeInventoryPage(nodeId: string, typeName: string, next?: string): Promise<NodeInventoryPage> {
  const detail = await getNodeDetail(nodeId);
  if (!detail) throw notFound('NodeNotFound', `no managed node or EC2 instance ${nodeId} in the configured regions`);
  const node = detail.node;
  const region = scopeKey(node);
  const schema = await settle(schemaCache.get(region));
  const types = schema.ok ? typesFor(node, schema.value) : [];
  if (schema.ok && !types.some((t) => t.typeName === typeName)) {
    throw invalid('UnknownInventoryType', `type ${typeName} is not an inventory type of this node; use one of ${types.map((t) => t.typeName).join(', ')}`);
  }
  if (!node.managed) {
    return { nodeId, region, typeName, captureTime: null, entries: [], next: null, types, none: await whyNone(node, region, typeName) };
  }
  let page;
  try {
    page = await listInventoryEntries(parseScopeKey(region), { nodeId, typeName, nextToken: next });
  } catch (err) {
    if (err instanceof AwsError && err.code === 'InvalidNextToken') throw invalid('InvalidNextToken', 'next is not a paging token of this node and type: start again without it');
    if (err instanceof AwsError && err.code === 'InvalidTypeNameException') throw invalid('UnknownInventoryType', `AWS does not know the inventory type ${typeName}`);
    throw err;
  }
  const none = !next && page.entries.length === 0 ? await whyNone(node, region, typeName) : null;
  return { nodeId, region, typeName, captureTime: page.captureTime, entries: page.entries, next: page.nextToken, types, none };
}
