/**
 * The simulated AWS in-process, for tests: msw/node intercepts the SDK's requests to the
 * real AWS hostnames (or any endpoint) and answers from a seeded simulated fleet.
 *
 *   const { server, sim, scenario, stats } = setupMockAws({ nodes: 500 });
 *   server.listen({ onUnhandledRequest: 'error' });   // ... server.close();
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createAwsHandlers } from './aws/handlers';
import { createSimulation, type Simulation, type SimulationOptions } from './fleet-sim';
import { createScenario, type Scenario } from './scenarios';
import { createStats, type Stats } from './stats';

export interface MockAwsOptions extends SimulationOptions {
  scenario?: Partial<Scenario>;
}

export interface MockAws {
  sim: Simulation;
  scenario: Scenario;
  stats: Stats;
  server: SetupServer;
}

export function setupMockAws(opts: MockAwsOptions = {}): MockAws {
  const { scenario: initial, ...simOptions } = opts;
  const sim = createSimulation(simOptions);
  const scenario = createScenario(initial);
  const stats = createStats();
  const server = setupServer(...createAwsHandlers(sim, scenario, stats));
  return { sim, scenario, stats, server };
}

/** setupMockAws + listen (unhandled requests are errors); close() stops intercepting. */
export function startMockAws(opts: MockAwsOptions = {}): MockAws & { close(): void } {
  const mock = setupMockAws(opts);
  mock.server.listen({ onUnhandledRequest: 'error' });
  return { ...mock, close: () => mock.server.close() };
}

export type { Scenario } from './scenarios';
export type { Simulation } from './fleet-sim';
export type { Stats, StatsSnapshot } from './stats';
