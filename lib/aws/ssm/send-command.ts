import 'server-only';
import { SendCommandCommand, type Target } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';

export interface SendCommandInput {
  region: string;
  documentName: string;
  parameters: Record<string, string[]>;
  instanceIds?: string[];
  targets?: Target[];
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  comment?: string;
}

/**
 * SendCommand, exactly once: the "mutate" client makes a single attempt (SSM has no idempotency token for
 * SendCommand, so an SDK retry after a timeout could run the command twice). Returns the CommandId.
 */
export async function sendCommand(i: SendCommandInput): Promise<string> {
  try {
    const out = await ssmClient(i.region, 'mutate').send(
      new SendCommandCommand({
        DocumentName: i.documentName,
        Parameters: i.parameters,
        InstanceIds: i.instanceIds,
        Targets: i.targets,
        MaxConcurrency: i.maxConcurrency,
        MaxErrors: i.maxErrors,
        TimeoutSeconds: i.timeoutSeconds,
        Comment: i.comment,
      }),
    );
    const id = out.Command?.CommandId;
    if (!id) throw new Error('SendCommand returned no CommandId');
    return id;
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'SendCommand', region: i.region });
  }
}
