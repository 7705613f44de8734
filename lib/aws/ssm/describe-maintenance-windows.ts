import 'server-only';
import { paginateDescribeMaintenanceWindows, type MaintenanceWindowIdentity } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { MaintenanceWindowIdentity };

/** Maintenance windows of a region, with schedule and next execution (100 a page). */
export async function describeMaintenanceWindows(scope: AwsScope): Promise<MaintenanceWindowIdentity[]> {
  const out: MaintenanceWindowIdentity[] = [];
  try {
    for await (const page of paginateDescribeMaintenanceWindows({ client: ssmClient(scope), pageSize: 100 }, {})) {
      out.push(...(page.WindowIdentities ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribeMaintenanceWindows', region: scope.region, account: scope.account });
  }
  return out;
}
