import 'server-only';
import {
  paginateDescribeInstanceInformation,
  DescribeInstanceInformationCommand,
  type InstanceInformation,
} from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { InstanceInformation };

/** Every managed node of a region, page by page (50 a page, the API's maximum). */
export async function* listInstanceInformation(scope: AwsScope): AsyncGenerator<InstanceInformation[]> {
  const ctx = { service: 'ssm', operation: 'DescribeInstanceInformation', region: scope.region, account: scope.account };
  try {
    const pages = paginateDescribeInstanceInformation(
      { client: ssmClient(scope), pageSize: LIMITS.describeInstanceInformationPage },
      {},
    );
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError(ctx.operation);
      yield page.InstanceInformationList ?? [];
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}

/** The named nodes (at most 50) that SSM knows; unknown IDs are simply absent. */
export async function describeInstanceInformationByIds(scope: AwsScope, ids: string[]): Promise<InstanceInformation[]> {
  if (ids.length > LIMITS.describeInstanceInformationPage) throw new RangeError('at most 50 node IDs per call');
  const ctx = { service: 'ssm', operation: 'DescribeInstanceInformation', region: scope.region, account: scope.account };
  try {
    const out = await ssmClient(scope).send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'InstanceIds', Values: ids }],
        MaxResults: LIMITS.describeInstanceInformationPage,
      }),
    );
    return out.InstanceInformationList ?? [];
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
