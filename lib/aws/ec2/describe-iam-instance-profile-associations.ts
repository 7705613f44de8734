import 'server-only';
import { paginateDescribeIamInstanceProfileAssociations, type IamInstanceProfileAssociation } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { IamInstanceProfileAssociation };

/** MaxResults 5-1000 (the model). */
export const PROFILE_ASSOCIATIONS_PAGE = 1000;

/** The instance profile associations of the named instances (any state), 200 IDs a call through the `instance-id` filter. */
export async function describeIamInstanceProfileAssociations(scope: AwsScope, instanceIds: string[]): Promise<IamInstanceProfileAssociation[]> {
  const ctx = { service: 'ec2', operation: 'DescribeIamInstanceProfileAssociations', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(instanceIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(
        ctx.operation,
        paginateDescribeIamInstanceProfileAssociations({ client, pageSize: PROFILE_ASSOCIATIONS_PAGE }, { Filters: [{ Name: 'instance-id', Values: ids }] }),
        (page) => page.IamInstanceProfileAssociations,
      ),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
