import 'server-only';
import { ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

/** Tags of a hybrid (mi-) managed node; EC2 instances get theirs from DescribeInstances. */
export async function listManagedInstanceTags(scope: AwsScope, nodeId: string): Promise<Record<string, string>> {
  try {
    const out = await ssmClient(scope).send(
      new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: nodeId }),
    );
    return Object.fromEntries((out.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListTagsForResource', region: scope.region, account: scope.account });
  }
}
