import 'server-only';
import { paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { VpcEndpoint };

/** MaxResults: the model sets no range; the API reference answers at most 1000 a page. */
export const VPC_ENDPOINTS_PAGE = 1000;

/** Every VPC endpoint of the named VPCs (interface and gateway), with its subnets, security groups and private DNS setting. */
export async function describeVpcEndpoints(scope: AwsScope, vpcIds: string[]): Promise<VpcEndpoint[]> {
  const ctx = { service: 'ec2', operation: 'DescribeVpcEndpoints', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeVpcEndpoints({ client, pageSize: VPC_ENDPOINTS_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.VpcEndpoints),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
