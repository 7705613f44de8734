/** Runs as the dashboard shows them: what was sent, and each node's progress as AWS reports it. */
import type { Outcome, OutcomeCounts, RunStatus } from './command-status';
import type { OutputOptions, RunTargets } from './run-request';

/** One SendCommand of a run: planned, then sent (with its CommandId) or not. */
export interface SentCommand {
  /** Position in the run; carried in the command's Comment as `[run-…#idx]`. */
  idx: number;
  /** The account it is sent in ('' for the dashboard's own identity without an accounts file). */
  account: string;
  region: string;
  /**
   * planned: not sent yet; sending: SendCommand may be under way (or the dashboard died during it); sent: AWS gave a
   * CommandId; failed: AWS refused it; unsent: never sent (the dashboard stopped first).
   */
  state: 'planned' | 'sending' | 'sent' | 'failed' | 'unsent';
  commandId: string | null;
  /** Explicit node IDs (at most 50), or tag conditions resolved by AWS at send time. */
  instanceIds?: string[];
  targets?: { Key: string; Values: string[] }[];
  /** Send these nodes by Targets (InstanceIds key) so AWS records Invalid Platform instead of refusing the batch. */
  byTargets?: boolean;
  expectedNodes: number;
  maxConcurrency: string;
  maxErrors: string;
  error?: { code: string; message: string };
  sentAt?: string | null;
  /** How it was found after a crash: "by its run tag in ListCommands". */
  reconciled?: string | null;
}

export interface RunSummary {
  id: string;
  createdAt: string;
  actor: string;
  document: string;
  documentVersion: string;
  comment: string | null;
  targetMode: RunTargets['mode'];
  targetSummary: string;
  expectedNodes: number;
  regions: string[];
  /** The accounts its commands went to (empty for the dashboard's own account without an accounts file). */
  accounts: string[];
  commandCount: number;
  status: RunStatus;
  /** Last known counts by outcome (from the last read of AWS). */
  counts: OutcomeCounts;
  /** When every command ended, as far as the dashboard saw. */
  endedAt: string | null;
  retryOf: string | null;
  rerunOf: string | null;
  cancelRequested: boolean;
}

/** A run's targets as the run page shows them (an explicit selection by its size: it can hold 100,000 IDs). */
export type RunTargetsView = Exclude<RunTargets, { mode: 'nodes' }> | { mode: 'nodes'; count: number };

/** What was asked, as confirmed: enough to re-run it on other targets. */
export interface RunSpec {
  document: string;
  documentVersion: string;
  parameters: Record<string, string[]>;
  targets: RunTargetsView;
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  output: OutputOptions | null;
  keepUnsupported: boolean;
}

/** A command of a run without its instance IDs (counted instead). */
export type CommandView = Omit<SentCommand, 'instanceIds'> & { instanceCount: number | null };

/** One node of a run, as AWS last reported it, with what the dashboard worked out from it. */
export interface RunNode {
  nodeId: string;
  name: string | null;
  account: string;
  region: string;
  commandId: string;
  outcome: Outcome;
  /** AWS's Status and StatusDetails as reported. */
  status: string;
  statusDetails: string | null;
  exitCode: number | null;
  /** First meaningful line of the error output (failed nodes). */
  errorLine: string | null;
  /** Triage group key (failed nodes). */
  group: string | null;
  requestedAt: string | null;
  /** Not Online while pending: when AWS gives up delivering (RequestedDateTime + TimeoutSeconds). */
  deliveryDeadline: string | null;
  /** The node's connectivity now, from the fleet view (null: the view does not know it). */
  ping: string | null;
  /** Revision of this row: bumps when anything above changes (the page re-renders changed rows only). */
  rev: number;
}

/** Failed nodes that failed the same way. */
export interface TriageGroup {
  key: string;
  outcome: Outcome;
  exitCode: number | null;
  /** The error with its variable parts (IDs, numbers, paths, addresses, times) folded. */
  signature: string;
  sample: { nodeId: string; text: string } | null;
  count: number;
  regions: string[];
}

export interface RunDetail {
  run: RunSummary & { spec: RunSpec; commands: CommandView[] };
  status: RunStatus;
  done: boolean;
  counts: OutcomeCounts;
  /** `full`: `nodes` is every node; otherwise only those changed since the cursor the client sent. */
  full: boolean;
  cursor: string;
  nodes: RunNode[];
  total: number;
  triage: TriageGroup[];
  /** Failed nodes whose error output is still being read (triage is complete when 0). */
  triagePending: number;
  /** What failed while reading progress (the rest is still shown). */
  errors: { commandId: string; region: string; code: string; message: string }[];
  /** The first read from AWS is still under way: `nodes` holds what it has so far. */
  reading: boolean;
  checkedAt: string;
  /** When the server reads AWS again (big runs are read less often, to stay within AWS's rate limits). */
  nextCheckAt: string | null;
}

export interface InvocationOutput {
  nodeId: string;
  commandId: string;
  region: string;
  pluginName: string | null;
  status: string;
  statusDetails: string | null;
  outcome: Outcome;
  responseCode: number | null;
  stdout: string;
  stderr: string;
  /** AWS returns at most 24,000 characters of stdout and 8,000 of stderr here. */
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  stdoutUrl: string | null;
  stderrUrl: string | null;
  cloudWatch: { logGroup: string; stdoutStream: string; stderrStream: string; consoleUrl: string } | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** A command in the fleet-wide history: the dashboard's runs and anything sent from the console or CLI. */
export interface CommandHistoryItem {
  commandId: string;
  region: string;
  document: string;
  documentVersion: string | null;
  comment: string | null;
  status: string;
  statusDetails: string | null;
  requestedAt: string | null;
  targetCount: number;
  completedCount: number;
  errorCount: number;
  deliveryTimedOutCount: number;
  targetSummary: string;
  /** The dashboard run it belongs to, and who sent it (from the audit log); null when sent elsewhere. */
  runId: string | null;
  actor: string | null;
  consoleUrl: string;
}
