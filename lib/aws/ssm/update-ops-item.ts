import 'server-only';
import { UpdateOpsItemCommand, type UpdateOpsItemRequest } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { call } from '../errors';

export type { UpdateOpsItemRequest };

/** UpdateOpsItem, one attempt: a change is sent once, never by an SDK retry. */
export async function updateOpsItem(scope: ActingScope, input: UpdateOpsItemRequest): Promise<void> {
  await call({ service: 'ssm', operation: 'UpdateOpsItem', region: scope.region, account: scope.account }, () => ssmClient(scope, 'mutate', scope.actor).send(new UpdateOpsItemCommand(input)));
}
