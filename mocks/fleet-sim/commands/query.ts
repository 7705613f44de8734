/**
 * ListCommands, ListCommandInvocations and GetCommandInvocation over a region's commands:
 * newest command first, invocations in target order, filters (key/value, ANDed), signed
 * NextTokens bound to the query.
 */
import { SimError } from '../errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from '../paging';
import type { FleetStore } from '../store';
import type { StepDef } from './documents';
import { commandStatus } from './status';
import type { SimCommand, SimInvocation } from './types';

export interface CommandFilter {
  key: string;
  value: string;
}

export interface CommandsQuery {
  commandId?: string;
  instanceId?: string;
  filters?: CommandFilter[];
  maxResults?: number;
  nextToken?: string;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function checkCommandId(id: string): void {
  if (!UUID.test(id)) throw new SimError('InvalidCommandId', `${id} is not a valid command ID.`);
}

/** Status filter values that name a detailed status rather than a Status. */
const DETAIL_VALUES: Record<string, string> = {
  DeliveryTimedOut: 'Delivery Timed Out', ExecutionTimedOut: 'Execution Timed Out', Incomplete: 'Incomplete', NoInstancesInTag: 'No Instances In Tag',
  AccessDenied: 'Access Denied', LimitExceeded: 'Rate Exceeded', Undeliverable: 'Undeliverable', InvalidPlatform: 'Invalid Platform', Terminated: 'Terminated',
};
const COMMAND_STATUS = ['Pending', 'InProgress', 'Success', 'Cancelled', 'Cancelling', 'Failed', 'TimedOut', 'AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Incomplete', 'NoInstancesInTag', 'LimitExceeded'];
const INVOCATION_STATUS = ['Pending', 'InProgress', 'Delayed', 'Success', 'Cancelled', 'Cancelling', 'Failed', 'TimedOut', 'AccessDenied', 'DeliveryTimedOut', 'ExecutionTimedOut', 'Undeliverable', 'InvalidPlatform', 'Terminated'];

type Status = { status: string; details: string };
type Predicate<T> = (item: T, status: Status) => boolean;

function timeOf(filter: CommandFilter): number {
  const t = Date.parse(filter.value);
  if (Number.isNaN(t)) throw new SimError('ValidationException', `The ${filter.key} filter value ${filter.value} is not a valid timestamp (for example 2024-07-07T00:00:00Z).`);
  return t;
}

function predicates<T extends { requestedAt: number; documentName: string }>(filters: CommandFilter[], forInvocations: boolean): Array<Predicate<T>> {
  return filters.map(({ key, value }): Predicate<T> => {
    switch (key) {
      case 'InvokedAfter': {
        const t = timeOf({ key, value });
        return (item) => item.requestedAt >= t;
      }
      case 'InvokedBefore': {
        const t = timeOf({ key, value });
        return (item) => item.requestedAt <= t;
      }
      case 'DocumentName':
        return (item) => item.documentName === value;
      case 'Status': {
        const allowed = forInvocations ? INVOCATION_STATUS : COMMAND_STATUS;
        if (!allowed.includes(value)) throw new SimError('ValidationException', `${value} is not a valid Status filter value. Valid values: ${allowed.join(', ')}.`);
        const details = DETAIL_VALUES[value];
        return (_item, s) => (details ? s.details === details : s.status === value);
      }
      case 'ExecutionStage':
        if (forInvocations) throw new SimError('InvalidFilterKey', 'The ExecutionStage filter can be used only with ListCommands.');
        if (value !== 'Executing' && value !== 'Complete') throw new SimError('ValidationException', `${value} is not a valid ExecutionStage filter value. Valid values: Executing, Complete.`);
        return (_item, s) => ['Pending', 'InProgress', 'Cancelling'].includes(s.status) === (value === 'Executing');
      default:
        throw new SimError('InvalidFilterKey', `${key} is not a valid filter key.`);
    }
  });
}

function regionCommands(store: FleetStore, region: string, commandId?: string): SimCommand[] {
  if (commandId !== undefined) {
    checkCommandId(commandId);
    const cmd = store.commands.byId.get(commandId);
    if (!cmd || cmd.region !== region) throw new SimError('InvalidCommandId', `Command ${commandId} does not exist in ${region}.`);
    return [cmd];
  }
  return store.commands.list.filter((c) => c.region === region).reverse();
}

function cursorOf(store: FleetStore, scope: string, token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const cursor = decodeToken(store.tokenSecret, scope, token);
  if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
  return cursor;
}

export function listCommands(store: FleetStore, region: string, q: CommandsQuery): { commands: SimCommand[]; nextToken?: string } {
  const filters = q.filters ?? [];
  if (q.instanceId !== undefined && filters.some((f) => f.key === 'Status' && f.value === 'Pending')) {
    throw new SimError('ValidationException', "You can't specify a managed node ID together with the Status filter value Pending.");
  }
  const preds = predicates<SimCommand>(filters, false);
  const commands = regionCommands(store, region, q.commandId);
  const scope = `ListCommands/${region}/${hashToken(JSON.stringify([q.commandId, q.instanceId, filters]))}`;
  const accept = (cmd: SimCommand) => {
    if (q.instanceId !== undefined && !cmd.byNode.has(q.instanceId)) return false;
    const status = commandStatus(cmd);
    return preds.every((p) => p(cmd, status));
  };
  const page = pageAfter(commands, (c) => -c.seq, cursorOf(store, scope, q.nextToken), q.maxResults ?? 50, accept);
  return { commands: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

export interface InvocationRef {
  cmd: SimCommand;
  inv: SimInvocation;
}

const KEY_SPAN = 2 ** 20;

/**
 * Newest command first, invocations in target order. The cursor is (command seq, index),
 * so a page is read from where the last one stopped: O(page) for one command's invocations.
 */
export function listInvocations(store: FleetStore, region: string, q: CommandsQuery): { items: InvocationRef[]; nextToken?: string } {
  const filters = q.filters ?? [];
  const preds = predicates<{ requestedAt: number; documentName: string }>(filters, true);
  const scope = `ListCommandInvocations/${region}/${hashToken(JSON.stringify([q.commandId, q.instanceId, filters]))}`;
  const cursor = cursorOf(store, scope, q.nextToken);
  const max = q.maxResults ?? 50;
  const accept = (cmd: SimCommand, inv: SimInvocation) => preds.every((p) => p(cmd, { status: inv.status, details: inv.statusDetails }));
  const items: InvocationRef[] = [];
  let last: number | undefined;
  for (const cmd of regionCommands(store, region, q.commandId)) {
    const base = (1e7 - cmd.seq) * KEY_SPAN;
    if (cursor !== undefined && base + KEY_SPAN <= cursor) continue;
    const candidates = q.instanceId !== undefined ? [cmd.byNode.get(q.instanceId)].filter((i) => i !== undefined) : cmd.invocations;
    let i = q.instanceId === undefined && cursor !== undefined && cursor >= base ? cursor - base + 1 : 0;
    for (; i < candidates.length; i++) {
      const inv = candidates[i];
      const key = base + inv.index;
      if ((cursor !== undefined && key <= cursor) || !accept(cmd, inv)) continue;
      if (items.length === max) return { items, nextToken: encodeToken(store.tokenSecret, scope, last as number) };
      items.push({ cmd, inv });
      last = key;
    }
  }
  return { items };
}

/**
 * One node's invocation, and the step asked for. Without PluginName a single-step
 * document answers for its plugin; a multi-step one (AWS-RunPatchBaseline) answers for
 * the invocation as a whole, without output (as AWS does).
 */
export function getInvocation(store: FleetStore, region: string, commandId: string, instanceId: string, pluginName?: string): InvocationRef & { step?: StepDef } {
  checkCommandId(commandId);
  const cmd = store.commands.byId.get(commandId);
  const inv = cmd && cmd.region === region ? cmd.byNode.get(instanceId) : undefined;
  if (!cmd || !inv) throw new SimError('InvocationDoesNotExist', `An invocation of command ${commandId} on ${instanceId} does not exist.`);
  const steps = cmd.doc.def.steps;
  if (pluginName === undefined) return { cmd, inv, step: steps.length === 1 ? steps[0] : undefined };
  const step = steps.find((s) => s.name === pluginName);
  if (!step) throw new SimError('InvalidPluginName', `Plugin ${pluginName} is not a step of ${cmd.documentName}. Steps: ${steps.map((s) => s.name).join(', ')}.`);
  return { cmd, inv, step };
}
