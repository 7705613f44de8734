import 'server-only';
import { ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';

/** Tags of a hybrid (mi-) managed node; EC2 instances get theirs from DescribeInstances. */
export async function listManagedInstanceTags(region: string, nodeId: string): Promise<Record<string, string>> {
  try {
    const out = await ssmClient(region).send(
      new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: nodeId }),
    );
    return Object.fromEntries((out.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListTagsForResource', region });
  }
}
