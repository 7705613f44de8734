/**
 * What AWS reports about a command, its invocations and their plugins (steps), derived
 * from the invocations' states. A command's status once every invocation is terminal:
 *   Cancelled       a cancel of the whole command was requested
 *   Failed          Failed + Execution Timed Out invocations reached MaxErrors (at least one)
 *                   (TimedOut "Execution Timed Out" when most of them timed out);
 *                   also when no target matched ("No Instances In Tag") or none could be
 *                   delivered (all Undeliverable / Invalid Platform)
 *   TimedOut        "Delivery Timed Out" invocations reached MaxErrors (at least one)
 *   Success         every other invocation succeeded ("Success"), or some did not but too few
 *                   to fail the command ("Incomplete"); Undeliverable and Invalid Platform
 *                   invocations do not count either way
 */
import type { SimNode } from '../types';
import { documentSpec, runsOn, skipMessage } from './documents';
import { renderPatchOutput } from './patch-output';
import type { CommandStatus, InvocationStatus, SimCommand, SimInvocation } from './types';

export interface StatusView {
  status: CommandStatus;
  details: string;
}

export interface CommandCounts {
  targetCount: number;
  completedCount: number;
  errorCount: number;
  deliveryTimedOutCount: number;
}

export function commandCounts(cmd: SimCommand): CommandCounts {
  let errorCount = 0;
  let deliveryTimedOutCount = 0;
  for (const inv of cmd.invocations) {
    if (inv.statusDetails === 'Failed' || inv.statusDetails === 'Execution Timed Out') errorCount++;
    else if (inv.statusDetails === 'Delivery Timed Out') deliveryTimedOutCount++;
  }
  return { targetCount: cmd.invocations.length, completedCount: cmd.doneCount, errorCount, deliveryTimedOutCount };
}

export function commandStatus(cmd: SimCommand): StatusView {
  if (cmd.invocations.length === 0) return { status: 'Failed', details: 'No Instances In Tag' };
  if (!cmd.finished) {
    if (cmd.cancelRequestedAt !== undefined) return { status: 'Cancelling', details: 'Cancelling' };
    const sent = cmd.invocations.some((i) => i.dispatchedAt !== undefined);
    return sent ? { status: 'InProgress', details: 'InProgress' } : { status: 'Pending', details: 'Pending' };
  }
  if (cmd.cancelRequestedAt !== undefined) return { status: 'Cancelled', details: 'Cancelled' };
  const by = (details: string) => cmd.invocations.filter((i) => i.statusDetails === details).length;
  const failed = by('Failed');
  const executionTimedOut = by('Execution Timed Out');
  const errors = failed + executionTimedOut;
  if (errors > 0 && errors >= cmd.errorLimit) {
    return executionTimedOut > failed ? { status: 'TimedOut', details: 'Execution Timed Out' } : { status: 'Failed', details: 'Failed' };
  }
  const deliveryTimedOut = by('Delivery Timed Out');
  if (deliveryTimedOut > 0 && deliveryTimedOut >= cmd.errorLimit) return { status: 'TimedOut', details: 'Delivery Timed Out' };
  const considered = cmd.invocations.length - by('Undeliverable') - by('Invalid Platform');
  if (considered === 0) return { status: 'Failed', details: 'Failed' };
  return by('Success') === considered ? { status: 'Success', details: 'Success' } : { status: 'Success', details: 'Incomplete' };
}

/** The run's complete stdout and stderr ("" until it ended). */
export function invocationOutput(cmd: SimCommand, inv: SimInvocation, node: SimNode | undefined): { stdout: string; stderr: string } {
  const result = inv.result;
  if (!result) return { stdout: '', stderr: '' };
  if (result.patch && node) return renderPatchOutput(cmd, inv, node, result.patch);
  return { stdout: result.shellOut ?? '', stderr: result.shellErr ?? (result.exitCode === 0 ? '' : 'failed to run commands: exit status 1') };
}

export type PluginStatus = 'Pending' | 'InProgress' | 'Success' | 'TimedOut' | 'Cancelled' | 'Failed';

export interface PluginView {
  name: string;
  status: PluginStatus;
  details: string;
  responseCode: number;
  startedAt?: number;
  endedAt?: number;
  stdout: string;
  stderr: string;
}

function pluginStatus(status: InvocationStatus, running: boolean): PluginStatus {
  if (status === 'Cancelling' || status === 'Delayed') return running ? 'InProgress' : 'Pending';
  return status as PluginStatus;
}

/** The invocation's plugins (document steps) as of `now`, steps for other platforms reported as skipped. */
export function pluginViews(cmd: SimCommand, inv: SimInvocation, node: SimNode | undefined, now: number): PluginView[] {
  const steps = documentSpec(cmd.documentName)?.steps ?? [{ name: 'aws:runShellScript' }];
  const started = inv.startedAt !== undefined && inv.startedAt <= now;
  const done = inv.phase === 'done';
  const main = steps.findIndex((s) => runsOn(s, inv.platformType));
  return steps.map((step, i): PluginView => {
    const idle = (status: PluginStatus, details: string): PluginView => ({ name: step.name, status, details, responseCode: -1, stdout: '', stderr: '' });
    if (!started) {
      if (!done) return idle('Pending', 'Pending');
      return idle(pluginStatus(inv.status, false), inv.statusDetails);
    }
    if (i !== main) {
      const before = i < main;
      if (!before && !done) return idle('Pending', 'Pending');
      if (!before && inv.status === 'Cancelled') return idle('Cancelled', 'Cancelled');
      const at = before ? (inv.startedAt as number) : (inv.endedAt as number);
      return { name: step.name, status: 'Success', details: 'Success', responseCode: 0, startedAt: at, endedAt: at, stdout: skipMessage(step), stderr: '' };
    }
    if (!done) return { ...idle('InProgress', 'InProgress'), startedAt: inv.startedAt };
    const { stdout, stderr } = invocationOutput(cmd, inv, node);
    return { name: step.name, status: pluginStatus(inv.status, false), details: inv.statusDetails, responseCode: inv.responseCode, startedAt: inv.startedAt, endedAt: inv.endedAt, stdout, stderr };
  });
}

const truncOut = '\n---Output truncated---';
const truncErr = '\n---Error truncated----';

/** The agent's combined plugin output (stdout, an error title, stderr) cut to `capacity` characters. */
export function truncateOutput(stdout: string, stderr: string, capacity: number): string {
  const title = stderr.length > 0 ? '\n----------ERROR-------\n' : '';
  const space = capacity - title.length;
  if (stdout.length + stderr.length < space) return stdout + title + stderr;
  if (stdout.length > space / 2 && stderr.length > space / 2) {
    const half = Math.floor((space - truncErr.length - truncOut.length) / 2);
    return stdout.slice(0, half) + truncOut + title + stderr.slice(0, half) + truncErr;
  }
  if (stdout.length < space / 2) return stdout + title + stderr.slice(0, space - truncErr.length - stdout.length) + truncErr;
  return stdout.slice(0, space - truncOut.length - stderr.length) + truncOut + title + stderr;
}
