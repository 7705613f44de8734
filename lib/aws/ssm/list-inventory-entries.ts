import 'server-only';
import { ListInventoryEntriesCommand, type InventoryFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export interface InventoryEntriesPage {
  typeName: string;
  captureTime: string | null;
  schemaVersion: string | null;
  entries: Record<string, string>[];
  nextToken: string | null;
}

/**
 * One page of one node's inventory of one type (50 entries, the API's maximum; the API has no paginator, so paging
 * is the caller's: the node page pages as AWS does).
 */
export async function listInventoryEntries(
  scope: AwsScope,
  input: { nodeId: string; typeName: string; filters?: InventoryFilter[]; nextToken?: string | null },
): Promise<InventoryEntriesPage> {
  try {
    const page = await ssmClient(scope).send(
      new ListInventoryEntriesCommand({
        InstanceId: input.nodeId,
        TypeName: input.typeName,
        Filters: input.filters?.length ? input.filters : undefined,
        MaxResults: 50,
        NextToken: input.nextToken ?? undefined,
      }),
    );
    return {
      typeName: page.TypeName ?? input.typeName,
      captureTime: page.CaptureTime ?? null,
      schemaVersion: page.SchemaVersion ?? null,
      entries: page.Entries ?? [],
      nextToken: page.NextToken || null,
    };
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListInventoryEntries', region: scope.region, account: scope.account });
  }
}
