import 'server-only';
import { paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { SecurityGroup };

/** MaxResults 5-1000 (the model). */
export const SECURITY_GROUPS_PAGE = 1000;

/** Every security group of the named VPCs with its ingress and egress rules. */
export async function describeSecurityGroups(scope: AwsScope, vpcIds: string[]): Promise<SecurityGroup[]> {
  const ctx = { service: 'ec2', operation: 'DescribeSecurityGroups', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeSecurityGroups({ client, pageSize: SECURITY_GROUPS_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.SecurityGroups),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
