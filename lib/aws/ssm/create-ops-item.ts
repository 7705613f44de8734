import 'server-only';
import { CreateOpsItemCommand, type CreateOpsItemRequest } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { toAwsError } from '../errors';

export type { CreateOpsItemRequest };

/**
 * CreateOpsItem, one attempt (the "mutate" client does not retry). When a `/aws/dedup` string matches an open
 * OpsItem, AWS creates nothing; its documentation leaves open whether it then answers with that OpsItem's ID or with
 * OpsItemAlreadyExistsException (which carries the ID). Both come back here as `{ id, existed }` — `existed` is only
 * certain in the second case; the caller tells the first apart by reading the OpsItem.
 */
export async function createOpsItem(scope: ActingScope, input: CreateOpsItemRequest): Promise<{ id: string; existed: boolean }> {
  try {
    const out = await ssmClient(scope, 'mutate', scope.actor).send(new CreateOpsItemCommand(input));
    if (!out.OpsItemId) throw new Error('CreateOpsItem returned no OpsItemId');
    return { id: out.OpsItemId, existed: false };
  } catch (err) {
    const e = err as { name?: string; OpsItemId?: string };
    if (e.name === 'OpsItemAlreadyExistsException' && e.OpsItemId) return { id: e.OpsItemId, existed: true };
    throw toAwsError(err, { service: 'ssm', operation: 'CreateOpsItem', region: scope.region, account: scope.account });
  }
}
