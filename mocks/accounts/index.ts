/**
 * The accounts the simulated AWS serves: one Simulation per ACTIVE account (all on one shared clock), the
 * organization they form, and the sessions the simulated STS issued into them.
 *
 * Without `accounts` (single-account mode, as before accounts existed) there is one implicit account, the given
 * simulation options' own, and Organizations is not in use.
 */
import { createClock } from '../fleet-sim/clock';
import { createSimulation, type Simulation, type SimulationOptions } from '../fleet-sim';
import { hashSeed } from '../fleet-sim/prng';
import { createSessionStore, type SessionStore } from './sessions';
import type { MockAccountSpec, ResolvedAccountSpec } from './types';
import { resolveAccountSpecs } from './validate';

export interface Accounts {
  /** true when accounts were configured: Organizations answers ListAccounts (else AWSOrganizationsNotInUseException). */
  readonly organization: boolean;
  /** Every account (suspended and broken ones too), defaults filled in. */
  readonly specs: readonly ResolvedAccountSpec[];
  /** Fleets of the ACTIVE accounts, by account ID. */
  readonly sims: ReadonlyMap<string, Simulation>;
  readonly management: ResolvedAccountSpec;
  readonly managementSim: Simulation;
  /** o-... (Organizations' account ARNs name it). */
  readonly organizationId: string;
  readonly sessions: SessionStore;
  spec(accountId: string): ResolvedAccountSpec | undefined;
  /** Nodes of every fleet together. */
  totalNodes(): number;
  /** A fresh fleet in every account (same seeds); issued sessions stay valid. */
  reset(): void;
}

/** Node IDs must not repeat across accounts (a dashboard keys nodes by ID): a colliding fleet is drawn again. */
function withUniqueNodeIds(build: (seed: number) => Simulation, seed: number, taken: Set<string>): Simulation {
  for (let attempt = 0; ; attempt++) {
    const sim = build((seed + attempt) % 2 ** 32);
    const ids = [...sim.store.byId.keys()];
    if (ids.every((id) => !taken.has(id)) || attempt >= 20) {
      for (const id of ids) taken.add(id);
      return sim;
    }
  }
}

export function createAccounts(accountSpecs: readonly MockAccountSpec[] | undefined, options: SimulationOptions = {}): Accounts {
  const baseSeed = options.seed ?? 42;
  const clock = options.clock ?? createClock(options.now, options.timeSpeed ?? 1);
  let specs: ResolvedAccountSpec[];
  const sims = new Map<string, Simulation>();
  if (!accountSpecs) {
    const sim = createSimulation({ ...options, clock });
    specs = [{ id: sim.accountId, name: 'default', regions: [...sim.regions], nodes: sim.nodeCount, seed: sim.seed, email: 'aws+default@example.com', status: 'ACTIVE', assumable: true, management: true }];
    sims.set(sim.accountId, sim);
  } else {
    const resolved = resolveAccountSpecs(accountSpecs, baseSeed);
    const taken = new Set<string>();
    for (const spec of resolved) {
      if (spec.status !== 'ACTIVE') continue;
      const build = (seed: number) => createSimulation({ ...options, seed, nodes: spec.nodes, regions: spec.regions, accountId: spec.id, clock });
      const sim = withUniqueNodeIds(build, spec.seed, taken);
      sims.set(spec.id, sim);
    }
    // The seed a fleet was actually drawn from (after any redraw), so GET /__mock/accounts reproduces it.
    specs = resolved.map((s) => ({ ...s, seed: sims.get(s.id)?.seed ?? s.seed }));
  }
  const management = specs.find((s) => s.management) as ResolvedAccountSpec;
  const managementSim = sims.get(management.id) as Simulation;
  const byId = new Map(specs.map((s) => [s.id, s]));
  return {
    organization: accountSpecs !== undefined,
    specs,
    sims,
    management,
    managementSim,
    organizationId: `o-${hashSeed('organization', management.id).toString(36).padStart(10, '0').slice(-10)}`,
    sessions: createSessionStore(),
    spec: (id) => byId.get(id),
    totalNodes: () => [...sims.values()].reduce((n, s) => n + s.nodeCount, 0),
    reset: () => sims.forEach((s) => s.reset()),
  };
}

export * from './types';
export { demoAccountProfile, BROKEN_ACCOUNT_ID, SUSPENDED_ACCOUNT_ID, MAX_DEMO_ACCOUNTS } from './default-profile';
export type { RoleSession, SessionStore } from './sessions';
