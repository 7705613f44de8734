import 'server-only';
import { paginateDescribeSubnets, type Subnet } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { Subnet };

/** MaxResults 5-1000 (the model). */
export const SUBNETS_PAGE = 1000;

/** Every subnet of the named VPCs (200 VPCs a call, 1000 a page). */
export async function describeSubnets(scope: AwsScope, vpcIds: string[]): Promise<Subnet[]> {
  const ctx = { service: 'ec2', operation: 'DescribeSubnets', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeSubnets({ client, pageSize: SUBNETS_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.Subnets),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
