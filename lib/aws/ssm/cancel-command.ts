import 'server-only';
import { CancelCommandCommand } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';

/** Ask AWS to cancel a command on its nodes that have not finished (no guarantee a running step stops). Once. */
export async function cancelCommand(region: string, commandId: string): Promise<void> {
  try {
    await ssmClient(region, 'mutate').send(new CancelCommandCommand({ CommandId: commandId }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'CancelCommand', region });
  }
}
