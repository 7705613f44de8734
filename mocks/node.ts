/**
 * The simulated AWS in-process, for tests: msw/node intercepts the SDK's requests to the
 * real AWS hostnames (or any endpoint) and answers from a seeded simulated fleet.
 *
 *   const { server, sim, scenario, stats } = setupMockAws({ nodes: 500 });
 *   server.listen({ onUnhandledRequest: 'error' });   // ... server.close();
 *
 * With `accounts`, one fleet per ACTIVE account; the request's credentials decide which answers (long-term keys:
 * the management account; keys from the simulated STS's AssumeRole: the assumed role's account).
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createAccounts, type Accounts, type MockAccountSpec, type ResolvedAccountSpec } from './accounts';
import { createAwsHandlers } from './aws/handlers';
import type { Simulation, SimulationOptions } from './fleet-sim';
import { createScenario, type Scenario } from './scenarios';
import { createStats, type Stats } from './stats';

export interface MockAwsOptions extends SimulationOptions {
  scenario?: Partial<Scenario>;
  /**
   * The accounts to serve (one fleet each; `nodes`, `regions` and `accountId` are then per account, and `seed` is
   * the base seed). Without it: one account, and any credentials are that account's, as before accounts existed.
   */
  accounts?: MockAccountSpec[];
}

export interface MockAws {
  /** The management account's fleet (the only one without `accounts`). */
  sim: Simulation;
  /** Every ACTIVE account's fleet, by account ID. */
  sims: ReadonlyMap<string, Simulation>;
  /** Every account, suspended and broken ones too, with defaults filled in. */
  accounts: ResolvedAccountSpec[];
  /** The organization and the STS sessions issued so far (e.g. `org.sessions.expireAll()`). */
  org: Accounts;
  scenario: Scenario;
  stats: Stats;
  server: SetupServer;
}

export function setupMockAws(opts: MockAwsOptions = {}): MockAws {
  const { scenario: initial, accounts: accountSpecs, ...simOptions } = opts;
  const org = createAccounts(accountSpecs, simOptions);
  const scenario = createScenario(initial);
  const stats = createStats();
  const server = setupServer(...createAwsHandlers(org, scenario, stats));
  return { sim: org.managementSim, sims: org.sims, accounts: [...org.specs], org, scenario, stats, server };
}

/** setupMockAws + listen (unhandled requests are errors); close() stops intercepting. */
export function startMockAws(opts: MockAwsOptions = {}): MockAws & { close(): void } {
  const mock = setupMockAws(opts);
  mock.server.listen({ onUnhandledRequest: 'error' });
  return { ...mock, close: () => mock.server.close() };
}

export type { Scenario } from './scenarios';
export type { Simulation } from './fleet-sim';
export type { Stats, StatsSnapshot, CallRecord } from './stats';
export type { MockAccountSpec, ResolvedAccountSpec } from './accounts';
