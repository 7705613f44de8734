import 'server-only';
import { CancelCommandCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { ActingScope } from '../scope';
import { toAwsError } from '../errors';

/**
 * Ask AWS to cancel a command on its nodes that have not finished, or only on `instanceIds` (at most 50). No guarantee
 * a running step stops. Once: the mutate client makes a single attempt.
 */
export async function cancelCommand(scope: ActingScope, commandId: string, instanceIds?: string[]): Promise<void> {
  if (instanceIds && instanceIds.length > 50) throw new RangeError('CancelCommand takes at most 50 instance IDs');
  try {
    await ssmClient(scope, 'mutate', scope.actor).send(new CancelCommandCommand({ CommandId: commandId, InstanceIds: instanceIds?.length ? instanceIds : undefined }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'CancelCommand', region: scope.region, account: scope.account });
  }
}
