import 'server-only';
import { DescribeInstanceStatusCommand, type InstanceStatus } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices } from '../pages';
import type { AwsScope } from '../scope';

export type { InstanceStatus };

/** DescribeInstanceStatus takes at most 100 InstanceIds (and no MaxResults with them: a call answers its own IDs). */
export const INSTANCE_STATUS_BATCH = 100;

/**
 * State and status checks of the named instances, stopped ones included (IncludeAllInstances), 100 IDs a call. An ID
 * EC2 no longer knows fails its whole batch with InvalidInstanceID.NotFound: the batch is asked again once without
 * the IDs the error names.
 */
export async function describeInstanceStatus(scope: AwsScope, instanceIds: string[]): Promise<InstanceStatus[]> {
  const ctx = { service: 'ec2', operation: 'DescribeInstanceStatus', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  const send = async (ids: string[]) =>
    (await client.send(new DescribeInstanceStatusCommand({ InstanceIds: ids, IncludeAllInstances: true }))).InstanceStatuses ?? [];
  try {
    return await bySlices(instanceIds, INSTANCE_STATUS_BATCH, async (ids) => {
      try {
        return await send(ids);
      } catch (err) {
        const e = err as { name?: string; message?: string };
        if (e.name !== 'InvalidInstanceID.NotFound') throw err;
        const gone = new Set(e.message?.match(/i-[0-9a-f]+/g) ?? []);
        const rest = ids.filter((id) => !gone.has(id));
        return rest.length && rest.length < ids.length ? send(rest) : [];
      }
    });
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
