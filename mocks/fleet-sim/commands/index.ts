/** Run Command over the simulated fleet: send, cancel, list and read commands and invocations. */
import { SimError } from '../errors';
import type { FleetStore } from '../store';
import { requestCancel } from './engine';
import { checkCommandId } from './query';

/**
 * CancelCommand: unknown command -> InvalidCommandId; a node listed twice -> DuplicateInstanceId;
 * a node the command does not target -> InvalidInstanceId. Cancelling a finished command
 * changes nothing and is not an error (AWS only "attempts" to cancel).
 */
export function cancelCommand(store: FleetStore, region: string, commandId: string, instanceIds: readonly string[] | undefined, now: number): void {
  checkCommandId(commandId);
  const cmd = store.commands.byId.get(commandId);
  if (!cmd || cmd.region !== region) throw new SimError('InvalidCommandId', `Command ${commandId} does not exist in ${region}.`);
  const ids = instanceIds ?? [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new SimError('DuplicateInstanceId', `Instance ID ${id} is listed more than once.`);
    seen.add(id);
    if (!cmd.byNode.has(id)) throw new SimError('InvalidInstanceId', `Command ${commandId} was not sent to ${id}.`);
  }
  requestCancel(cmd, now, ids);
}

export { advanceCommands } from './engine';
export { createCommand, limitOf, type SendCommandInput } from './send';
export { getInvocation, listCommands, listInvocations, type CommandFilter, type CommandsQuery, type InvocationRef } from './query';
export { commandCounts, commandStatus, invocationOutput, pluginViews, stepOutputs, truncateOutput, type CommandCounts, type PluginView, type StatusView } from './status';
export { hasBrokenPatching } from './effects';
export { pluginDir, stepDir, type StepDef } from './documents';
export { FAILURE_SHARES, hasFullDisk } from './shell/failures';
export { nodeFacts } from './shell/node-facts';
export type * from './types';
