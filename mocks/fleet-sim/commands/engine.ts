/**
 * The invocation state machine, computed lazily from the simulation clock: no timers.
 * advanceCommands(store, now) replays every event up to `now` across all active commands
 * in time order (so effects on a node land in the order they happened):
 *
 *   dispatch  the next queued invocation, in target order, when fewer than the
 *             concurrency limit are running (a freed slot is reused after a short delay):
 *               Online node          -> InProgress, holds a slot until it ends
 *               ConnectionLost node  -> stays Pending (holds no slot) until the delivery timeout
 *               Inactive/unregistered-> Failed "Undeliverable" (holds no slot)
 *               document not for its platform -> Failed "Invalid Platform"
 *   end       Success / Failed / TimedOut "Execution Timed Out"; applies the run's effects
 *             to the node. Failed + Execution Timed Out count as errors: once they exceed
 *             MaxErrors nothing more is sent and the queued invocations end Cancelled
 *             "Terminated" (running ones finish).
 *   timeout   at RequestedDateTime + TimeoutSeconds every invocation not yet running ends
 *             TimedOut "Delivery Timed Out".
 *   cancel    a requested cancel takes effect a few seconds later: Cancelling -> Cancelled
 *             (a run that ends before that finishes normally).
 */
import { platformSpec } from '../catalog';
import type { FleetStore } from '../store';
import { completeRun } from './runners';
import { peek, schedule, take } from './timeline';
import type { SimCommand, SimInvocation } from './types';

const SECOND = 1000;

function finish(cmd: SimCommand, inv: SimInvocation, t: number, status: SimInvocation['status'], details: string, code: number): void {
  if (inv.phase === 'running') cmd.runningCount--;
  inv.phase = 'done';
  inv.status = status;
  inv.statusDetails = details;
  inv.responseCode = code;
  if (inv.startedAt !== undefined && inv.startedAt <= t) inv.endedAt = t;
  else inv.startedAt = undefined;
  cmd.doneCount++;
  cmd.doneByDetails[details] = (cmd.doneByDetails[details] ?? 0) + 1;
}

/** The agent's exit code for a run stopped early (timeout or cancel): 137 on Linux (SIGKILL), -1 on Windows. */
const stoppedCode = (inv: SimInvocation) => (inv.platformType === 'Windows' ? -1 : 137);

function headOfQueue(cmd: SimCommand): SimInvocation | undefined {
  const invs = cmd.invocations;
  while (cmd.nextQueued < invs.length && (invs[cmd.nextQueued].phase !== 'queued' || invs[cmd.nextQueued].cancelAt !== undefined)) cmd.nextQueued++;
  return invs[cmd.nextQueued];
}

function dispatch(store: FleetStore, cmd: SimCommand, inv: SimInvocation, t: number): void {
  cmd.nextQueued++;
  cmd.slotFreeAt = Math.max(cmd.slotFreeAt, t);
  inv.dispatchedAt = t;
  const node = store.byId.get(inv.nodeId);
  const ping = node?.ssm?.pingStatus;
  if (!node || !ping || ping === 'Inactive') return finish(cmd, inv, t, 'Failed', 'Undeliverable', -1);
  if (!cmd.doc.doc.platformTypes.includes(platformSpec(node.platform).platformType)) return finish(cmd, inv, t, 'Failed', 'Invalid Platform', -1);
  if (ping === 'ConnectionLost') {
    inv.phase = 'waiting';
    return;
  }
  inv.phase = 'running';
  inv.status = 'InProgress';
  inv.statusDetails = 'InProgress';
  cmd.runningCount++;
  inv.startedAt = t + inv.plan.pickupMs;
  inv.endAt = inv.startedAt + Math.min(inv.plan.durationMs, cmd.executionTimeoutSeconds * SECOND);
  schedule(cmd, inv.endAt, 'end', inv);
}

function stopSending(cmd: SimCommand, t: number): void {
  cmd.stopped = true;
  for (const inv of cmd.invocations) {
    if (inv.phase === 'queued' && inv.cancelAt === undefined) finish(cmd, inv, t, 'Cancelled', 'Terminated', -1);
  }
}

function end(store: FleetStore, cmd: SimCommand, inv: SimInvocation, t: number): void {
  cmd.slotFreeAt = Math.max(cmd.slotFreeAt, t + 300 + Math.floor(inv.plan.roll * 700));
  const node = store.byId.get(inv.nodeId);
  // A run cut off by its execution timeout has no outcome of its own (and no effects).
  const timedOut = inv.plan.durationMs > cmd.executionTimeoutSeconds * SECOND;
  const result = timedOut ? { exitCode: -1, timedOut } : node ? completeRun({ store, cmd, inv, node, start: inv.startedAt ?? t, end: t }) : { exitCode: 1 };
  inv.result = result;
  if (result.timedOut) finish(cmd, inv, t, 'TimedOut', 'Execution Timed Out', stoppedCode(inv));
  else if (result.exitCode === 0) finish(cmd, inv, t, 'Success', 'Success', 0);
  else finish(cmd, inv, t, 'Failed', 'Failed', result.exitCode);
  if (inv.status !== 'Success') {
    cmd.errors++;
    if (cmd.errors > cmd.errorLimit && !cmd.stopped) stopSending(cmd, t);
  }
}

function cancelNow(cmd: SimCommand, inv: SimInvocation, t: number): void {
  if (inv.phase === 'running') cmd.slotFreeAt = Math.max(cmd.slotFreeAt, t + 500);
  finish(cmd, inv, t, 'Cancelled', 'Cancelled', inv.phase === 'running' && (inv.startedAt ?? Infinity) <= t ? stoppedCode(inv) : -1);
}

function sweepDeliveryTimeout(cmd: SimCommand, t: number): void {
  cmd.timeoutSwept = true;
  for (const inv of cmd.invocations) {
    if ((inv.phase === 'queued' || inv.phase === 'waiting') && inv.cancelAt === undefined) finish(cmd, inv, t, 'TimedOut', 'Delivery Timed Out', -1);
  }
}

interface NextEvent {
  t: number;
  run(): void;
}

function nextEvent(store: FleetStore, cmd: SimCommand): NextEvent | null {
  let best: NextEvent | null = null;
  const consider = (t: number, run: () => void) => {
    if (!best || t < best.t) best = { t, run };
  };
  const timed = peek(cmd);
  if (timed) {
    consider(timed.t, () => {
      const e = take(cmd);
      if (!e) return;
      if (e.kind === 'end') end(store, cmd, e.invocation, e.t);
      else cancelNow(cmd, e.invocation, e.t);
    });
  }
  const deadline = cmd.requestedAt + cmd.timeoutSeconds * SECOND;
  if (!cmd.timeoutSwept) consider(deadline, () => sweepDeliveryTimeout(cmd, deadline));
  const head = headOfQueue(cmd);
  if (head && !cmd.stopped && cmd.cancelRequestedAt === undefined && cmd.runningCount < cmd.concurrencyLimit) {
    const t = Math.max(cmd.slotFreeAt, cmd.requestedAt + head.plan.readyDelayMs);
    if (t < deadline) consider(t, () => dispatch(store, cmd, head, t));
  }
  return best;
}

/** Replays every command event up to `now`, earliest first across commands. */
export function advanceCommands(store: FleetStore, now: number): void {
  const active = store.commands.active;
  while (active.size > 0) {
    let chosen: { cmd: SimCommand; event: NextEvent } | null = null;
    for (const cmd of active) {
      const event = nextEvent(store, cmd);
      if (event && event.t <= now && (!chosen || event.t < chosen.event.t)) chosen = { cmd, event };
    }
    if (!chosen) return;
    chosen.event.run();
    const { cmd } = chosen;
    if (cmd.doneCount === cmd.invocations.length) {
      cmd.finished = true;
      active.delete(cmd);
    }
  }
}

/** CancelCommand: the command's (or the given nodes') unfinished invocations go Cancelling, then Cancelled. */
export function requestCancel(cmd: SimCommand, now: number, nodeIds?: readonly string[]): void {
  if (cmd.finished) return;
  const only = nodeIds && nodeIds.length > 0;
  if (!only) cmd.cancelRequestedAt = now;
  const targets = only ? nodeIds.map((id) => cmd.byNode.get(id)).filter((i) => i !== undefined) : cmd.invocations;
  for (const inv of targets) {
    if (inv.phase === 'done' || inv.cancelAt !== undefined) continue;
    inv.status = 'Cancelling';
    inv.statusDetails = 'Cancelling';
    inv.cancelAt = now + inv.plan.cancelDelayMs;
    schedule(cmd, inv.cancelAt, 'cancel', inv);
  }
}
