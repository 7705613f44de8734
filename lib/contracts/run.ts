/** Runs as the dashboard shows them: what was sent, and each node's progress as AWS reports it. */

export const TERMINAL_STATUSES = ['Success', 'Failed', 'TimedOut', 'Cancelled', 'Undeliverable', 'Terminated', 'DeliveryTimedOut', 'NotSent'] as const;

export interface SentCommand {
  region: string;
  commandId: string | null;
  instanceIds?: string[];
  target?: { key: string; value: string };
  expectedNodes: number;
  maxConcurrency: string;
  maxErrors: string;
  /** Set when SendCommand failed: nothing was sent for this part of the run. */
  error?: { code: string; message: string };
}

export interface RunSummary {
  id: string;
  createdAt: string;
  actor: string;
  kind: 'patch';
  operation: string;
  rebootOption: string;
  targetMode: 'nodes' | 'tag' | 'patchGroup';
  targetSummary: string;
  expectedNodes: number;
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  comment: string | null;
  commands: SentCommand[];
  retryOf: string | null;
  /** Known once every command ended; null while running (or never looked at since). */
  finalStatus: RunStatus | null;
}

export type RunStatus = 'Sending' | 'InProgress' | 'Success' | 'Failed' | 'Cancelled' | 'TimedOut' | 'Partial' | 'NotSent';

export interface RunNode {
  nodeId: string;
  name: string | null;
  region: string;
  commandId: string;
  /** AWS's invocation status: Pending, InProgress, Delayed, Success, Failed, TimedOut, Cancelling, Cancelled… */
  status: string;
  statusDetails: string | null;
  responseCode: number | null;
  startedAt: string | null;
  endedAt: string | null;
}

export interface RunDetail {
  run: RunSummary;
  status: RunStatus;
  done: boolean;
  counts: Record<string, number>;
  nodes: RunNode[];
  /** What failed while reading progress (the rest is still shown). */
  errors: { commandId: string; region: string; code: string; message: string }[];
  checkedAt: string;
}

export interface InvocationOutput {
  nodeId: string;
  commandId: string;
  status: string;
  statusDetails: string | null;
  responseCode: number | null;
  stdout: string;
  stderr: string;
  /** AWS returns at most 24,000 characters of stdout and 8,000 of stderr here. */
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  startedAt: string | null;
  endedAt: string | null;
}
