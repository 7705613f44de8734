/** Run Command records of the simulated fleet. Times are epoch milliseconds (simulated). */
import type { ResolvedVersion } from '../documents/types';
import type { PatchCounts } from '../patches';
import type { PatchDef } from '../types';

export type CommandStatus = 'Pending' | 'InProgress' | 'Success' | 'Cancelled' | 'Failed' | 'TimedOut' | 'Cancelling';
export type InvocationStatus = CommandStatus | 'Delayed';

/**
 * queued:  not sent yet (Pending), waiting for a concurrency slot
 * waiting: sent to a node whose agent is unreachable (Pending, holds no slot) until the delivery timeout
 * running: InProgress on the node, holds a slot until it ends
 * done:    terminal
 */
export type Phase = 'queued' | 'waiting' | 'running' | 'done';

export interface TargetDef {
  Key: string;
  Values: string[];
}

/** Per-invocation values drawn once at send time from (seed, command ID, node ID). */
export interface InvocationPlan {
  /** From the request until the service is ready to send to this node. */
  readyDelayMs: number;
  /** From sending until the agent starts the plugin. */
  pickupMs: number;
  /** How long the plugin runs. */
  durationMs: number;
  /** From a cancel request until the invocation is Cancelled. */
  cancelDelayMs: number;
  /** A transient failure for this run (Install only). */
  transientFailure: boolean;
  /** Which failure message, which patches fail, whether the output is long: uniform in [0, 1). */
  roll: number;
}

export interface PatchRunReport {
  operation: 'Scan' | 'Install';
  rebootOption: 'RebootIfNeeded' | 'NoReboot';
  baselineId: string;
  baselineName: string;
  patchGroup: string;
  operatingSystem: string;
  snapshotId: string;
  counts: PatchCounts;
  installed: PatchDef[];
  failed: PatchDef[];
  /** The node rebooted after installing. */
  rebooted: boolean;
  /** Index into the platform's failure messages, when the run failed. */
  failure?: number;
  verbose: boolean;
}

export interface RunResult {
  exitCode: number;
  /** Execution Timed Out instead of an exit. */
  timedOut?: boolean;
  patch?: PatchRunReport;
  /**
   * What the run found that its output needs and the node no longer shows (agent versions
   * before an update, the updates installed); output is rendered from it on demand.
   */
  facts?: Record<string, string | number | boolean>;
}

export interface SimInvocation {
  index: number;
  nodeId: string;
  instanceName: string;
  platformType: 'Linux' | 'Windows';
  phase: Phase;
  status: InvocationStatus;
  statusDetails: string;
  responseCode: number;
  /** When the service sent it to the node. */
  dispatchedAt?: number;
  /** When the plugin started and ended on the node. */
  startedAt?: number;
  endedAt?: number;
  /** Planned end while running. */
  endAt?: number;
  /** When a requested cancel takes effect. */
  cancelAt?: number;
  plan: InvocationPlan;
  result?: RunResult;
}

export interface SimCommand {
  id: string;
  seq: number;
  region: string;
  documentName: string;
  /** As requested ("" when not given, as AWS echoes it). */
  documentVersion: string;
  /** The document version the command runs. */
  doc: ResolvedVersion;
  comment: string;
  /** As given (echoed in responses). */
  parameters: Record<string, string[]>;
  /** With the document's defaults filled in. */
  effectiveParameters: Record<string, string[]>;
  instanceIds: string[];
  targets: TargetDef[];
  requestedAt: number;
  expiresAfter: number;
  timeoutSeconds: number;
  /** The plugin's execution timeout (document parameter or the document's own). */
  executionTimeoutSeconds: number;
  maxConcurrency: string;
  maxErrors: string;
  concurrencyLimit: number;
  errorLimit: number;
  serviceRole: string;
  outputS3BucketName?: string;
  outputS3KeyPrefix?: string;
  outputS3Region?: string;
  cloudWatch?: { logGroupName?: string; enabled?: boolean };
  invocations: SimInvocation[];
  /** Invocation by node ID (CancelCommand, GetCommandInvocation, filters by node). */
  byNode: Map<string, SimInvocation>;
  /** Terminal invocations by StatusDetails (status and counts without scanning). */
  doneByDetails: Record<string, number>;
  /** Index of the next invocation to send (skips those no longer queued). */
  nextQueued: number;
  /** Invocations holding a concurrency slot (running). */
  runningCount: number;
  doneCount: number;
  /** Earliest time the next invocation may be sent (sending is in order; a freed slot is reused after a short delay). */
  slotFreeAt: number;
  /** Failed + Execution Timed Out so far (what MaxErrors counts). */
  errors: number;
  /** MaxErrors was exceeded: nothing more is sent. */
  stopped: boolean;
  /** A cancel of the whole command was requested at this time. */
  cancelRequestedAt?: number;
  /** The delivery timeout has been applied. */
  timeoutSwept: boolean;
  /** Timed invocation events (ends, cancels) as a binary heap, earliest first. */
  timeline: TimedEvent[];
  /** All invocations are terminal. */
  finished: boolean;
  seed: number;
}

export interface TimedEvent {
  t: number;
  /** Tie-break: order of scheduling. */
  n: number;
  kind: 'end' | 'cancel';
  invocation: SimInvocation;
}

export interface CommandStore {
  /** Every command, in the order sent. */
  list: SimCommand[];
  byId: Map<string, SimCommand>;
  /** Commands with invocations not yet terminal. */
  active: Set<SimCommand>;
}
