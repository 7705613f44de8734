/** Helpers for the command state-machine tests (simulated time only moves when a test advances it). */
import { platformSpec } from '../catalog';
import { createSimulation, type Simulation } from '../index';
import type { PingStatus, SimNode } from '../types';
import type { SimCommand, SimInvocation } from './types';

export const NOW = Date.UTC(2025, 5, 1, 12);

export function frozenSim(nodes = 300, seed = 42): Simulation {
  return createSimulation({ nodes, seed, now: () => NOW });
}

export function regionNodes(sim: Simulation, region = 'us-east-1'): SimNode[] {
  return [...sim.store.byId.values()].filter((n) => n.region === region);
}

export function nodesWith(sim: Simulation, ping: PingStatus, platformType?: 'Linux' | 'Windows', region = 'us-east-1'): SimNode[] {
  return regionNodes(sim, region).filter((n) => n.ssm?.pingStatus === ping && (!platformType || platformSpec(n.platform).platformType === platformType));
}

/** Advances the clock in steps until the command has finished (or `maxMs` passed); returns the simulated ms used. */
export function runUntilFinished(sim: Simulation, cmd: SimCommand, stepMs = 1000, maxMs = 4 * 3_600_000, onStep?: () => void): number {
  let used = 0;
  sim.sync();
  while (!cmd.finished && used < maxMs) {
    sim.clock.advance(stepMs);
    used += stepMs;
    sim.sync();
    onStep?.();
  }
  return used;
}

/** The most invocations that were running at the same time ([dispatched, ended] intervals). */
export function maxOverlap(invocations: readonly SimInvocation[]): number {
  const events: Array<[number, number]> = [];
  for (const inv of invocations) {
    if (inv.dispatchedAt === undefined || inv.endedAt === undefined) continue;
    events.push([inv.dispatchedAt, 1], [inv.endedAt, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (now += d));
  return max;
}

export function byDetails(cmd: SimCommand): Record<string, number> {
  const out: Record<string, number> = {};
  for (const inv of cmd.invocations) out[inv.statusDetails] = (out[inv.statusDetails] ?? 0) + 1;
  return out;
}
