import 'server-only';
import { paginateListOpsItemRelatedItems, type OpsItemRelatedItemSummary } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { OpsItemRelatedItemSummary };

/** Every related item of an OpsItem (50 a page). */
export async function listOpsItemRelatedItems(scope: AwsScope, id: string): Promise<OpsItemRelatedItemSummary[]> {
  const ctx = { service: 'ssm', operation: 'ListOpsItemRelatedItems', region: scope.region, account: scope.account };
  const out: OpsItemRelatedItemSummary[] = [];
  try {
    let n = 0;
    for await (const page of paginateListOpsItemRelatedItems({ client: ssmClient(scope), pageSize: LIMITS.opsItemsPage }, { OpsItemId: id })) {
      if (++n > LIMITS.maxPages) throw new PageCapError(ctx.operation);
      out.push(...(page.Summaries ?? []));
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return out;
}
