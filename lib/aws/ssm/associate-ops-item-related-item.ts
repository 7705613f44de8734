import 'server-only';
import { AssociateOpsItemRelatedItemCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { toAwsError } from '../errors';

/**
 * Relate a resource to an OpsItem, one attempt. A resource that is already related is not an error here: the
 * association exists, which is what the caller asked for (so a repeated request changes nothing).
 */
export async function associateOpsItemRelatedItem(
  scope: ActingScope,
  i: { opsItemId: string; resourceType: string; resourceUri: string },
): Promise<{ associationId: string | null; existed: boolean }> {
  try {
    const out = await ssmClient(scope, 'mutate', scope.actor).send(
      new AssociateOpsItemRelatedItemCommand({ OpsItemId: i.opsItemId, AssociationType: 'RelatesTo', ResourceType: i.resourceType, ResourceUri: i.resourceUri }),
    );
    return { associationId: out.AssociationId ?? null, existed: false };
  } catch (err) {
    if ((err as { name?: string }).name === 'OpsItemRelatedItemAlreadyExistsException') return { associationId: null, existed: true };
    throw toAwsError(err, { service: 'ssm', operation: 'AssociateOpsItemRelatedItem', region: scope.region, account: scope.account });
  }
}
