import 'server-only';
import { paginateDescribeOpsItems, type OpsItemSummary, type OpsItemFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { OpsItemSummary };

export const OPEN_OPS_ITEM_STATUSES = ['Open', 'InProgress'];

/** OpsItem summaries matching the filters, all pages (50 a page). */
export async function listOpsItems(scope: AwsScope, filters: OpsItemFilter[]): Promise<OpsItemSummary[]> {
  const ctx = { service: 'ssm', operation: 'DescribeOpsItems', region: scope.region, account: scope.account };
  const out: OpsItemSummary[] = [];
  try {
    const pages = paginateDescribeOpsItems(
      { client: ssmClient(scope), pageSize: LIMITS.opsItemsPage },
      { OpsItemFilters: filters },
    );
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError(ctx.operation);
      out.push(...(page.OpsItemSummaries ?? []));
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return out;
}

/** Open and in-progress OpsItems of a region. */
export function listOpenOpsItems(scope: AwsScope): Promise<OpsItemSummary[]> {
  return listOpsItems(scope, [{ Key: 'Status', Operator: 'Equal', Values: OPEN_OPS_ITEM_STATUSES }]);
}
