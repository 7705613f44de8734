import 'server-only';
import { paginateDescribeNetworkAcls, type NetworkAcl } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { NetworkAcl };

/** MaxResults 5-1000 (the model). */
export const NETWORK_ACLS_PAGE = 1000;

/** Every network ACL of the named VPCs with its entries and subnet associations. */
export async function describeNetworkAcls(scope: AwsScope, vpcIds: string[]): Promise<NetworkAcl[]> {
  const ctx = { service: 'ec2', operation: 'DescribeNetworkAcls', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeNetworkAcls({ client, pageSize: NETWORK_ACLS_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.NetworkAcls),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
