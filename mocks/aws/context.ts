/** What every simulated AWS call needs: the caller's fleet, who the caller is, the active faults, the stats recorder. */
import type { Accounts } from '../accounts';
import type { AuthProblem, Caller } from '../accounts/identity';
import type { Simulation } from '../fleet-sim';
import type { Scenario } from '../scenarios';
import type { Stats } from '../stats';

export interface AwsContext {
  /** The fleet of the account the credentials belong to (the management account's when they were refused). */
  sim: Simulation;
  scenario: Scenario;
  stats: Stats;
  /** Seeded randomness for throttling decisions. */
  random: () => number;
  /** Every account, the organization and the STS sessions. */
  accounts: Accounts;
  /** Who is calling; null for unsigned requests and refused credentials. */
  caller: Caller | null;
  /** Why the credentials were refused (each service answers its own error for it before anything else). */
  authProblem?: AuthProblem;
}

/** One request: when it was received (stats clock), so its recorded interval covers reading the body too. */
export interface CallStart {
  receivedAt: number;
}

/** The caller's role session as the fault picker needs it (undefined for the long-term user). */
export function roleSession(ctx: AwsContext): { arn: string; readOnly: boolean } | undefined {
  return ctx.caller?.kind === 'role' ? { arn: ctx.caller.arn, readOnly: ctx.caller.readOnly } : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records the call in stats, applies the scenario's latency, and answers with `respond`. */
export async function recordCall(
  ctx: AwsContext,
  service: string,
  operation: string,
  region: string,
  start: CallStart,
  respond: () => Response,
): Promise<Response> {
  const finish = ctx.stats.begin(service, operation, region, start.receivedAt, { account: ctx.caller?.account ?? '', principal: ctx.caller?.arn ?? '' });
  let status = 500;
  try {
    if (ctx.scenario.latencyMs > 0) await sleep(ctx.scenario.latencyMs);
    const response = respond();
    status = response.status;
    // Done, but the answer is slow to come back: a caller that dies meanwhile never learns what happened.
    const hold = ctx.scenario.slowAnswers[`${service}:${operation}`] ?? 0;
    if (hold > 0) await sleep(hold);
    return response;
  } finally {
    finish(status);
  }
}
