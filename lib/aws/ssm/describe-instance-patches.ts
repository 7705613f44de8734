import 'server-only';
import { paginateDescribeInstancePatches, type PatchComplianceData } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { PatchComplianceData };

/** Every patch AWS reports for one node (100 a page, the API's maximum). */
export async function describeInstancePatches(scope: AwsScope, nodeId: string): Promise<PatchComplianceData[]> {
  const out: PatchComplianceData[] = [];
  try {
    const pages = paginateDescribeInstancePatches({ client: ssmClient(scope), pageSize: 100 }, { InstanceId: nodeId });
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError('DescribeInstancePatches');
      out.push(...(page.Patches ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribeInstancePatches', region: scope.region, account: scope.account });
  }
  return out;
}
