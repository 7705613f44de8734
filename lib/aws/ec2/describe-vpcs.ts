import 'server-only';
import { paginateDescribeVpcs, type Vpc } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { Vpc };

/** MaxResults 5-1000 (the model). */
export const VPCS_PAGE = 1000;

/** The named VPCs (CIDR blocks, default or not), through the `vpc-id` filter: unknown IDs are left out. */
export async function describeVpcs(scope: AwsScope, vpcIds: string[]): Promise<Vpc[]> {
  const ctx = { service: 'ec2', operation: 'DescribeVpcs', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeVpcs({ client, pageSize: VPCS_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.Vpcs),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
