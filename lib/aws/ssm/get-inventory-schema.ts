import 'server-only';
import { paginateGetInventorySchema, type InventoryItemSchema } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { InventoryItemSchema };

/** Every inventory type the account knows (AWS's and custom ones), with their attributes. */
export async function getInventorySchema(scope: AwsScope): Promise<InventoryItemSchema[]> {
  const out: InventoryItemSchema[] = [];
  try {
    const pages = paginateGetInventorySchema({ client: ssmClient(scope), pageSize: 200 }, {});
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError('GetInventorySchema');
      out.push(...(page.Schemas ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetInventorySchema', region: scope.region, account: scope.account });
  }
  return out;
}
