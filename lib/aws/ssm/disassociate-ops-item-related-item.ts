import 'server-only';
import { DisassociateOpsItemRelatedItemCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { toAwsError } from '../errors';

/** Remove a related item, one attempt. One already gone is not an error: it is not related, as asked. */
export async function disassociateOpsItemRelatedItem(scope: ActingScope, opsItemId: string, associationId: string): Promise<{ existed: boolean }> {
  try {
    await ssmClient(scope, 'mutate', scope.actor).send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: opsItemId, AssociationId: associationId }));
    return { existed: true };
  } catch (err) {
    if ((err as { name?: string }).name === 'OpsItemRelatedItemAssociationNotFoundException') return { existed: false };
    throw toAwsError(err, { service: 'ssm', operation: 'DisassociateOpsItemRelatedItem', region: scope.region, account: scope.account });
  }
}
