import 'server-only';
import { UpdateOpsItemCommand, type UpdateOpsItemRequest } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { call } from '../errors';

export type { UpdateOpsItemRequest };

/** UpdateOpsItem, one attempt: a change is sent once, never by an SDK retry. */
export async function updateOpsItem(region: string, input: UpdateOpsItemRequest): Promise<void> {
  await call({ service: 'ssm', operation: 'UpdateOpsItem', region }, () => ssmClient(region, 'mutate').send(new UpdateOpsItemCommand(input)));
}
