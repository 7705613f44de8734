import 'server-only';
import { ListCommandsCommand, type Command } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';

export type { Command };

/** One command's status and counts. */
export async function getCommand(region: string, commandId: string): Promise<Command | undefined> {
  try {
    const out = await ssmClient(region).send(new ListCommandsCommand({ CommandId: commandId }));
    return out.Commands?.[0];
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListCommands', region });
  }
}
