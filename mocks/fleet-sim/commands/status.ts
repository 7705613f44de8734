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
import type { FleetStore } from '../store';
import type { SimNode } from '../types';
import { runsOn, skipMessage, type StepDef } from './documents';
import { renderRun, type StepOutput } from './runners';
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

/** Terminal invocations with these details (kept as a tally, so this is O(1)). */
const by = (cmd: SimCommand, details: string) => cmd.doneByDetails[details] ?? 0;

export function commandCounts(cmd: SimCommand): CommandCounts {
  return {
    targetCount: cmd.invocations.length,
    completedCount: cmd.doneCount,
    errorCount: by(cmd, 'Failed') + by(cmd, 'Execution Timed Out'),
    deliveryTimedOutCount: by(cmd, 'Delivery Timed Out'),
  };
}

export function commandStatus(cmd: SimCommand): StatusView {
  if (cmd.invocations.length === 0) return { status: 'Failed', details: 'No Instances In Tag' };
  if (!cmd.finished) {
    if (cmd.cancelRequestedAt !== undefined) return { status: 'Cancelling', details: 'Cancelling' };
    const sent = cmd.nextQueued > 0 || cmd.doneCount > 0;
    return sent ? { status: 'InProgress', details: 'InProgress' } : { status: 'Pending', details: 'Pending' };
  }
  if (cmd.cancelRequestedAt !== undefined) return { status: 'Cancelled', details: 'Cancelled' };
  const failed = by(cmd, 'Failed');
  const executionTimedOut = by(cmd, 'Execution Timed Out');
  const errors = failed + executionTimedOut;
  if (errors > 0 && errors >= cmd.errorLimit) {
    return executionTimedOut > failed ? { status: 'TimedOut', details: 'Execution Timed Out' } : { status: 'Failed', details: 'Failed' };
  }
  const deliveryTimedOut = by(cmd, 'Delivery Timed Out');
  if (deliveryTimedOut > 0 && deliveryTimedOut >= cmd.errorLimit) return { status: 'TimedOut', details: 'Delivery Timed Out' };
  const considered = cmd.invocations.length - by(cmd, 'Undeliverable') - by(cmd, 'Invalid Platform');
  if (considered === 0) return { status: 'Failed', details: 'Failed' };
  return by(cmd, 'Success') === considered ? { status: 'Success', details: 'Success' } : { status: 'Success', details: 'Incomplete' };
}

/** Each step's output once the run ended ({} before). */
export function stepOutputs(store: FleetStore, cmd: SimCommand, inv: SimInvocation, node: SimNode | undefined): Record<string, StepOutput> {
  if (!node || inv.startedAt === undefined || inv.endedAt === undefined) return {};
  return renderRun({ store, cmd, inv, node, start: inv.startedAt, end: inv.endedAt });
}

/** The output of the step that ran last on the node (the only one for most documents). */
export function invocationOutput(store: FleetStore, cmd: SimCommand, inv: SimInvocation, node: SimNode | undefined): { stdout: string; stderr: string } {
  const outputs = Object.values(stepOutputs(store, cmd, inv, node));
  const last = outputs[outputs.length - 1];
  return last ? { stdout: last.stdout, stderr: last.stderr } : { stdout: '', stderr: '' };
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
  /** The step ran (or runs) on the node: it has output files (S3, CloudWatch). */
  ran: boolean;
}

function pluginStatus(status: InvocationStatus): PluginStatus {
  if (status === 'Cancelling' || status === 'Delayed') return 'Pending';
  return status as PluginStatus;
}

interface ViewContext {
  cmd: SimCommand;
  inv: SimInvocation;
  now: number;
  running: string[];
  outputs: Record<string, StepOutput>;
}

const idle = (name: string, status: PluginStatus, details: string): PluginView => ({ name, status, details, responseCode: -1, stdout: '', stderr: '', ran: false });

/** A step skipped by its precondition: reported Success with AWS's message, at the start (steps before the first that runs) or the end. */
function skippedView(v: ViewContext, step: StepDef, index: number, firstRunning: number): PluginView {
  const { inv } = v;
  const before = index < firstRunning;
  if (!before && inv.phase !== 'done') return idle(step.name, 'Pending', 'Pending');
  if (!before && inv.status === 'Cancelled') return idle(step.name, 'Cancelled', 'Cancelled');
  const at = before ? (inv.startedAt as number) : (inv.endedAt as number);
  return { name: step.name, status: 'Success', details: 'Success', responseCode: 0, startedAt: at, endedAt: at, stdout: skipMessage(step), stderr: '', ran: false };
}

/** A step that runs on the node: its share of the run's time, its own output and exit code. */
function runningView(v: ViewContext, name: string): PluginView {
  const { inv, now } = v;
  const k = v.running.indexOf(name);
  const last = k === v.running.length - 1;
  const start = inv.startedAt as number;
  const span = (inv.endedAt ?? inv.endAt ?? now) - start;
  const from = start + Math.round((span * k) / v.running.length);
  const to = last ? start + span : start + Math.round((span * (k + 1)) / v.running.length);
  if (inv.phase !== 'done') {
    if (now < from) return idle(name, 'Pending', 'Pending');
    return { ...idle(name, 'InProgress', 'InProgress'), startedAt: from, ran: true };
  }
  const out = v.outputs[name] ?? { stdout: '', stderr: '', code: inv.responseCode };
  const stopped = inv.status === 'TimedOut' || inv.status === 'Cancelled';
  const [status, details, code] = last && (stopped || out.code === inv.responseCode)
    ? [pluginStatus(inv.status), inv.statusDetails, inv.responseCode]
    : out.code === 0 ? ['Success' as const, 'Success', 0] : ['Failed' as const, 'Failed', out.code];
  return { name, status, details, responseCode: code, startedAt: from, endedAt: to, stdout: out.stdout, stderr: out.stderr, ran: true };
}

/** The invocation's plugins (document steps) as of `now`; steps for other platforms are reported as skipped. */
export function pluginViews(store: FleetStore, cmd: SimCommand, inv: SimInvocation, node: SimNode | undefined, now: number): PluginView[] {
  const steps = cmd.doc.def.steps;
  const started = inv.startedAt !== undefined && inv.startedAt <= now;
  const running = steps.filter((s) => runsOn(s, inv.platformType)).map((s) => s.name);
  const firstRunning = steps.findIndex((s) => running.includes(s.name));
  const v: ViewContext = { cmd, inv, now, running, outputs: started && inv.phase === 'done' ? stepOutputs(store, cmd, inv, node) : {} };
  return steps.map((step, i) => {
    if (!started) return inv.phase === 'done' ? idle(step.name, pluginStatus(inv.status), inv.statusDetails) : idle(step.name, 'Pending', 'Pending');
    return running.includes(step.name) ? runningView(v, step.name) : skippedView(v, step, i, firstRunning);
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
