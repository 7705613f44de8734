/** SSM Run Command operations -> the simulated fleet's command engine. Input has passed model validation. */
import type {
  CancelCommandRequest, CancelCommandResult, GetCommandInvocationRequest, GetCommandInvocationResult, ListCommandInvocationsRequest,
  ListCommandInvocationsResult, ListCommandsRequest, ListCommandsResult, SendCommandRequest, SendCommandResult,
} from '@aws-sdk/client-ssm';
import type { CommandsQuery, Simulation } from '../fleet-sim';
import { toCommand, toGetInvocation, toInvocation } from './ssm-command-output';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;

function sendCommand(sim: Simulation, region: string, input: SendCommandRequest): SendCommandResult {
  const cmd = sim.sendCommand(region, {
    documentName: input.DocumentName as string,
    documentVersion: input.DocumentVersion,
    instanceIds: input.InstanceIds,
    targets: input.Targets?.map((t) => ({ Key: t.Key ?? '', Values: t.Values ?? [] })),
    parameters: input.Parameters,
    timeoutSeconds: input.TimeoutSeconds,
    comment: input.Comment,
    maxConcurrency: input.MaxConcurrency,
    maxErrors: input.MaxErrors,
    serviceRoleArn: input.ServiceRoleArn,
    outputS3BucketName: input.OutputS3BucketName,
    outputS3KeyPrefix: input.OutputS3KeyPrefix,
    outputS3Region: input.OutputS3Region,
    cloudWatchOutputConfig: input.CloudWatchOutputConfig && {
      logGroupName: input.CloudWatchOutputConfig.CloudWatchLogGroupName,
      enabled: input.CloudWatchOutputConfig.CloudWatchOutputEnabled,
    },
  });
  return { Command: toCommand(cmd) };
}

function query(input: ListCommandsRequest | ListCommandInvocationsRequest): CommandsQuery {
  return {
    commandId: input.CommandId,
    instanceId: input.InstanceId,
    filters: input.Filters?.map((f) => ({ key: f.key as string, value: f.value as string })),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  };
}

function listCommands(sim: Simulation, region: string, input: ListCommandsRequest): ListCommandsResult {
  const page = sim.commands(region, query(input));
  return { Commands: page.commands.map(toCommand), NextToken: page.nextToken };
}

function listCommandInvocations(sim: Simulation, region: string, input: ListCommandInvocationsRequest): ListCommandInvocationsResult {
  const page = sim.commandInvocations(region, query(input));
  return {
    CommandInvocations: page.items.map(({ cmd, inv }) => toInvocation(sim, cmd, inv, input.Details === true)),
    NextToken: page.nextToken,
  };
}

function getCommandInvocation(sim: Simulation, region: string, input: GetCommandInvocationRequest): GetCommandInvocationResult {
  const ref = sim.commandInvocation(region, input.CommandId as string, input.InstanceId as string, input.PluginName);
  return toGetInvocation(sim, ref);
}

function cancelCommand(sim: Simulation, region: string, input: CancelCommandRequest): CancelCommandResult {
  sim.cancelCommand(region, input.CommandId as string, input.InstanceIds);
  return {};
}

export const SSM_COMMAND_OPERATIONS: Record<string, Operation> = {
  SendCommand: operation(sendCommand),
  ListCommands: operation(listCommands),
  ListCommandInvocations: operation(listCommandInvocations),
  GetCommandInvocation: operation(getCommandInvocation),
  CancelCommand: operation(cancelCommand),
};
