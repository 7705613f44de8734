import 'server-only';
import {
  GetInventoryCommand,
  type InventoryAggregator,
  type InventoryFilter,
  type InventoryResultEntity,
} from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { InventoryAggregator, InventoryFilter, InventoryResultEntity };

export interface GetInventoryInput {
  filters?: InventoryFilter[];
  aggregators?: InventoryAggregator[];
  /** Called after each page (50 entities or aggregate rows), e.g. to count calls or show progress. */
  onPage?: () => void;
}

/**
 * GetInventory, every page (50 a page, the API's maximum). Without aggregators each entity is a node with its
 * AWS:InstanceInformation; with aggregators the pages hold count rows (`Content` of the aggregated type).
 */
export async function getInventory(scope: AwsScope, input: GetInventoryInput): Promise<InventoryResultEntity[]> {
  const out: InventoryResultEntity[] = [];
  const client = ssmClient(scope);
  let token: string | undefined;
  let n = 0;
  try {
    do {
      if (++n > LIMITS.maxPages) throw new PageCapError('GetInventory');
      const page = await client.send(
        new GetInventoryCommand({
          Filters: input.filters?.length ? input.filters : undefined,
          Aggregators: input.aggregators?.length ? input.aggregators : undefined,
          MaxResults: 50,
          NextToken: token,
        }),
      );
      input.onPage?.();
      out.push(...(page.Entities ?? []));
      token = page.NextToken || undefined;
    } while (token);
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetInventory', region: scope.region, account: scope.account });
  }
  return out;
}
