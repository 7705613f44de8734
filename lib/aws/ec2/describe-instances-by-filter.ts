import 'server-only';
import { paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { LIMITS } from '../limits';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';

export type { Instance };

/** Values per EC2 filter: EC2 documents up to 200 values a filter. */
export const EC2_FILTER_VALUES = 200;

/**
 * The named instances, through the `instance-id` filter (200 IDs a call, 1000 a page): unlike InstanceIds, the
 * filter leaves out IDs EC2 no longer knows instead of failing the call, and allows MaxResults.
 */
export async function describeInstancesByFilter(scope: AwsScope, instanceIds: string[]): Promise<Instance[]> {
  const ctx = { service: 'ec2', operation: 'DescribeInstances', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(instanceIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(
        ctx.operation,
        paginateDescribeInstances({ client, pageSize: LIMITS.describeInstancesPage }, { Filters: [{ Name: 'instance-id', Values: ids }] }),
        (page) => (page.Reservations ?? []).flatMap((r) => r.Instances ?? []),
      ),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
