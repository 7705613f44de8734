import 'server-only';
import { paginateDescribeRouteTables, type RouteTable } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import { bySlices, collectPages } from '../pages';
import type { AwsScope } from '../scope';
import { EC2_FILTER_VALUES } from './describe-instances-by-filter';

export type { RouteTable };

/** MaxResults 5-100 (the model). */
export const ROUTE_TABLES_PAGE = 100;

/** Every route table of the named VPCs with its routes and subnet associations (the main one is marked `Main`). */
export async function describeRouteTables(scope: AwsScope, vpcIds: string[]): Promise<RouteTable[]> {
  const ctx = { service: 'ec2', operation: 'DescribeRouteTables', region: scope.region, account: scope.account };
  const client = ec2Client(scope);
  try {
    return await bySlices(vpcIds, EC2_FILTER_VALUES, (ids) =>
      collectPages(ctx.operation, paginateDescribeRouteTables({ client, pageSize: ROUTE_TABLES_PAGE }, { Filters: [{ Name: 'vpc-id', Values: ids }] }), (page) => page.RouteTables),
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
