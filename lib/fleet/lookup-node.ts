import 'server-only';
import type { NodeDetail } from '@/lib/contracts/node';
import { accountLabel, fleetAccounts } from '@/lib/accounts/accounts';
import type { AwsScope } from '@/lib/aws/scope';
import { describeInstanceInformationByIds } from '@/lib/aws/ssm/describe-instance-information';
import { describeInstancePatchStates } from '@/lib/aws/ssm/describe-instance-patch-states';
import { listOpsItems, OPEN_OPS_ITEM_STATUSES } from '@/lib/aws/ssm/describe-ops-items';
import { listManagedInstanceTags } from '@/lib/aws/ssm/list-tags-for-resource';
import { describeInstancesByIds } from '@/lib/aws/ec2/describe-instances';
import { managedNodeRow, unmanagedNodeRow } from './map-node';
import { opsItemRef } from './ops-items';
import { ssmExtra } from './build-region';
import { settle } from '@/lib/aws/settle';

/**
 * A node that is not in the cached fleet (registered since the last refresh, or mistyped): ask every region
 * directly. A handful of calls per region; the caller caches misses briefly.
 */
export async function lookupNode(id: string): Promise<NodeDetail | null> {
  const { accounts, scopes } = await fleetAccounts();
  const found = await Promise.all(scopes.map((scope) => lookupInRegion(scope, accountLabel(accounts, scope.account), id)));
  return found.find((d) => d !== null) ?? null;
}

async function lookupInRegion(scope: AwsScope, accountName: string, id: string): Promise<NodeDetail | null> {
  const place = { account: scope.account, accountName, region: scope.region };
  const [info, ec2] = await Promise.all([
    settle(describeInstanceInformationByIds(scope, [id])),
    id.startsWith('i-') ? settle(describeInstancesByIds(scope, [id])) : Promise.resolve(null),
  ]);
  // EC2 says NotFound for IDs it does not know; treat that as "not here", any other failure as "unknown".
  const instance = ec2?.ok ? ec2.value[0] : undefined;
  const ssmInfo = info.ok ? info.value.find((i) => i.InstanceId === id) : undefined;
  if (!ssmInfo && !instance) return null;

  const [patch, ops, tags] = await Promise.all([
    ssmInfo ? settle(describeInstancePatchStates(scope, [id])) : Promise.resolve(null),
    settle(listOpsItems(scope, [
      { Key: 'ResourceId', Operator: 'Contains', Values: [id] }, // AWS allows only Contains for ResourceId
      { Key: 'Status', Operator: 'Equal', Values: OPEN_OPS_ITEM_STATUSES },
    ])),
    id.startsWith('mi-') ? settle(listManagedInstanceTags(scope, id)) : Promise.resolve(null),
  ]);
  const opsItems = ops.ok ? ops.value.map(opsItemRef) : [];
  const openOpsItems = ops.ok ? opsItems.length : null;
  const fetchedAt = new Date().toISOString();

  if (!ssmInfo) {
    return { node: unmanagedNodeRow(place, instance!, openOpsItems), ssm: null, opsItems, fetchedAt, regionStatus: null };
  }
  const node = managedNodeRow({
    ...place,
    info: ssmInfo,
    instance,
    hybridTags: tags ? (tags.ok ? tags.value : {}) : undefined,
    patch: patch?.ok ? patch.value[0] : undefined,
    patchKnown: !!patch?.ok,
    openOpsItems,
  });
  return { node, ssm: ssmExtra(ssmInfo), opsItems, fetchedAt, regionStatus: null };
}
