import 'server-only';
import { GetCommandInvocationCommand, type GetCommandInvocationCommandOutput } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

/** AWS returns at most this much of each stream here; the rest only goes to S3 or CloudWatch when configured. */
export const STDOUT_LIMIT = 24_000;
export const STDERR_LIMIT = 8_000;

/** One node's result of a command, with its output. */
export async function getCommandInvocation(scope: AwsScope, commandId: string, instanceId: string, pluginName?: string): Promise<GetCommandInvocationCommandOutput> {
  try {
    return await ssmClient(scope).send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId, PluginName: pluginName }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetCommandInvocation', region: scope.region, account: scope.account });
  }
}
