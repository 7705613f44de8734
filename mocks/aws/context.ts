/** What every simulated AWS call needs: the fleet, the active faults, the stats recorder. */
import type { Simulation } from '../fleet-sim';
import type { Scenario } from '../scenarios';
import type { Stats } from '../stats';

export interface AwsContext {
  sim: Simulation;
  scenario: Scenario;
  stats: Stats;
  /** Seeded randomness for throttling decisions. */
  random: () => number;
}

/** One request: when it was received (stats clock), so its recorded interval covers reading the body too. */
export interface CallStart {
  receivedAt: number;
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
  const finish = ctx.stats.begin(service, operation, region, start.receivedAt);
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
