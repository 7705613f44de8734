/**
 * The one vocabulary of Run Command statuses, used by the server, the pages and the tests.
 *
 * AWS reports an invocation as Status + StatusDetails (Failed + "Undeliverable", TimedOut + "Delivery Timed Out",
 * Cancelled + "Terminated"...). The dashboard folds the pair into one outcome, because what an operator does next
 * depends on the pair, not on Status alone: an Undeliverable node needs its agent fixed, a Failed one its script.
 */

export type Tone = 'green' | 'amber' | 'red' | 'gray' | 'violet' | 'blue';

export interface StatusDef {
  label: string;
  tone: Tone;
  /** It never changes again. */
  terminal: boolean;
  /** Counts as a failure: shown in triage. */
  failed: boolean;
  /** Offered to "Retry failed" (the same document could succeed; an unsupported platform never will). */
  retryable: boolean;
  /** Problems first: lower ranks sort to the top of the run page. */
  rank: number;
  /** What it means for the operator, in one sentence. */
  help: string;
}

export const OUTCOMES = {
  failed: { label: 'Failed', tone: 'red', terminal: true, failed: true, retryable: true, rank: 0, help: 'The script or document step ran and failed (non-zero exit code).' },
  executionTimedOut: { label: 'Execution timed out', tone: 'red', terminal: true, failed: true, retryable: true, rank: 1, help: 'It started but ran longer than the execution timeout and was stopped.' },
  deliveryTimedOut: { label: 'Delivery timed out', tone: 'red', terminal: true, failed: true, retryable: true, rank: 2, help: 'The node never picked the command up before the delivery timeout (offline, stopped or agent not running).' },
  undeliverable: { label: 'Undeliverable', tone: 'red', terminal: true, failed: true, retryable: true, rank: 3, help: 'AWS could not deliver it: the node is not registered, is Inactive or was terminated.' },
  accessDenied: { label: 'Access denied', tone: 'red', terminal: true, failed: true, retryable: true, rank: 4, help: 'The caller or the node was not allowed to run this document.' },
  invalidPlatform: { label: 'Invalid platform', tone: 'red', terminal: true, failed: true, retryable: false, rank: 5, help: 'The document does not support the node\'s platform.' },
  terminated: { label: 'Terminated', tone: 'amber', terminal: true, failed: true, retryable: true, rank: 6, help: 'Never ran: AWS stopped sending after MaxErrors was exceeded.' },
  notSent: { label: 'Not sent', tone: 'amber', terminal: true, failed: true, retryable: true, rank: 7, help: 'Never sent: its SendCommand failed or the command ended before reaching it.' },
  delayed: { label: 'Delayed', tone: 'amber', terminal: false, failed: false, retryable: false, rank: 8, help: 'The agent is busy or was interrupted; AWS retries until the timeout.' },
  inProgress: { label: 'In progress', tone: 'blue', terminal: false, failed: false, retryable: false, rank: 9, help: 'Running on the node.' },
  pending: { label: 'Pending', tone: 'blue', terminal: false, failed: false, retryable: false, rank: 10, help: 'Waiting for a concurrency slot, or for an offline node to come back.' },
  cancelling: { label: 'Cancelling', tone: 'gray', terminal: false, failed: false, retryable: false, rank: 11, help: 'A cancel was requested; a step already running may still finish.' },
  cancelled: { label: 'Cancelled', tone: 'gray', terminal: true, failed: false, retryable: false, rank: 12, help: 'Cancelled on request.' },
  success: { label: 'Success', tone: 'green', terminal: true, failed: false, retryable: false, rank: 13, help: 'Ran and exited 0.' },
} as const satisfies Record<string, StatusDef>;

export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_IDS = Object.keys(OUTCOMES) as Outcome[];
/** In the order a run page lists them: problems first. */
export const OUTCOMES_BY_RANK = [...OUTCOME_IDS].sort((a, b) => OUTCOMES[a].rank - OUTCOMES[b].rank);
export const FAILED_OUTCOMES = OUTCOME_IDS.filter((o) => OUTCOMES[o].failed);
export const RETRYABLE_OUTCOMES = OUTCOME_IDS.filter((o) => OUTCOMES[o].retryable);

const isOutcome = (s: string): s is Outcome => Object.hasOwn(OUTCOMES, s);

/** AWS's Status + StatusDetails of an invocation -> the dashboard's outcome. */
export function invocationOutcome(status: string | undefined, details: string | undefined | null): Outcome {
  const d = (details ?? '').toLowerCase();
  switch (status) {
    case 'Success': return 'success';
    case 'InProgress': return 'inProgress';
    case 'Delayed': return 'delayed';
    case 'Cancelling': return 'cancelling';
    case 'Cancelled': return d === 'terminated' ? 'terminated' : 'cancelled';
    case 'TimedOut': return d === 'delivery timed out' ? 'deliveryTimedOut' : 'executionTimedOut';
    case 'Failed':
      if (d === 'undeliverable') return 'undeliverable';
      if (d === 'invalid platform') return 'invalidPlatform';
      if (d === 'access denied') return 'accessDenied';
      if (d === 'delivery timed out') return 'deliveryTimedOut';
      return 'failed';
    case 'Pending':
    case undefined:
      return 'pending';
    default:
      // A status this code does not know yet: show it as AWS said, never as success.
      return isOutcome(status) ? status : 'failed';
  }
}

/** Command-level status (ListCommands), with the details AWS adds there. */
export const COMMAND_STATUSES = {
  Pending: { label: 'Pending', tone: 'blue', terminal: false },
  InProgress: { label: 'In progress', tone: 'blue', terminal: false },
  Cancelling: { label: 'Cancelling', tone: 'gray', terminal: false },
  Success: { label: 'Success', tone: 'green', terminal: true },
  Cancelled: { label: 'Cancelled', tone: 'gray', terminal: true },
  Failed: { label: 'Failed', tone: 'red', terminal: true },
  TimedOut: { label: 'Timed out', tone: 'red', terminal: true },
} as const satisfies Record<string, Pick<StatusDef, 'label' | 'tone' | 'terminal'>>;
export type CommandStatus = keyof typeof COMMAND_STATUSES;
export const COMMAND_STATUS_IDS = Object.keys(COMMAND_STATUSES) as CommandStatus[];

export const isCommandStatus = (s: string | undefined): s is CommandStatus => !!s && Object.hasOwn(COMMAND_STATUSES, s);
export const isCommandTerminal = (s: string | undefined) => isCommandStatus(s) && COMMAND_STATUSES[s].terminal;

/** A dashboard run as a whole. */
export const RUN_STATUSES = {
  sending: { label: 'Sending', tone: 'blue', terminal: false, help: 'The dashboard is still sending its commands.' },
  inProgress: { label: 'In progress', tone: 'blue', terminal: false, help: 'Sent; nodes are still running.' },
  success: { label: 'Success', tone: 'green', terminal: true, help: 'Every targeted node succeeded.' },
  failed: { label: 'Failed', tone: 'red', terminal: true, help: 'Some nodes failed, timed out or were never reached.' },
  cancelled: { label: 'Cancelled', tone: 'gray', terminal: true, help: 'Cancelled on request; what had finished keeps its result.' },
  partial: { label: 'Partly sent', tone: 'amber', terminal: true, help: 'Some of its commands were never sent (SendCommand failed or the dashboard stopped).' },
  notSent: { label: 'Not sent', tone: 'gray', terminal: true, help: 'Nothing was sent.' },
} as const satisfies Record<string, Pick<StatusDef, 'label' | 'tone' | 'terminal' | 'help'>>;
export type RunStatus = keyof typeof RUN_STATUSES;

/** Everything the run page counts, in one place: outcome -> how many nodes. */
export type OutcomeCounts = Partial<Record<Outcome, number>>;

/** The run's status from its nodes' outcomes and what the dashboard knows of its sending and cancelling. */
export function runStatusOf(counts: OutcomeCounts, s: { sending: boolean; sentCommands: number; unsentCommands: number; allEnded: boolean; cancelRequested: boolean }): RunStatus {
  if (s.sending) return 'sending';
  if (s.sentCommands === 0) return 'notSent';
  if (!s.allEnded) return 'inProgress';
  if (s.cancelRequested && (counts.cancelled ?? 0) + (counts.cancelling ?? 0) > 0) return 'cancelled';
  if (s.unsentCommands > 0) return 'partial';
  return FAILED_OUTCOMES.some((o) => (counts[o] ?? 0) > 0) ? 'failed' : 'success';
}
