import 'server-only';
import { paginateDescribeInstanceAssociationsStatus, type InstanceAssociationStatusInfo } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { InstanceAssociationStatusInfo };

/** The State Manager associations that apply to one node, with their last execution. */
export async function describeInstanceAssociationsStatus(scope: AwsScope, nodeId: string): Promise<InstanceAssociationStatusInfo[]> {
  const out: InstanceAssociationStatusInfo[] = [];
  try {
    const pages = paginateDescribeInstanceAssociationsStatus({ client: ssmClient(scope), pageSize: 50 }, { InstanceId: nodeId });
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError('DescribeInstanceAssociationsStatus');
      out.push(...(page.InstanceAssociationStatusInfos ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribeInstanceAssociationsStatus', region: scope.region, account: scope.account });
  }
  return out;
}
