/**
 * The simulated fleet: seeded, stateful, plain TypeScript (no HTTP). Same seed, same fleet.
 *
 *   const sim = createSimulation({ seed: 42, nodes: 300 });
 *   sim.instanceInformation('us-east-1', { maxResults: 50 });
 */
import { createClock, type SimClock } from './clock';
import { generateFleet } from './generate';
import { hashSeed } from './prng';
import { queryEc2Instances, type Ec2InstancesQuery } from './query-ec2-instances';
import { queryInstanceInformation, type InstanceInformationQuery } from './query-instance-information';
import { queryOpsItems, type OpsItemsQuery } from './query-ops-items';
import { queryPatchStates, type PatchStatesQuery } from './query-patch-states';
import { buildStore, nodeInRegion, type FleetStore } from './store';
import type { SimNode } from './types';

export const DEFAULT_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
export const MAX_NODES = 50_000;

export interface SimulationOptions {
  seed?: number;
  nodes?: number;
  regions?: readonly string[];
  accountId?: string;
  now?: () => number;
}

export interface Simulation {
  readonly seed: number;
  readonly nodeCount: number;
  readonly regions: readonly string[];
  readonly accountId: string;
  readonly clock: SimClock;
  /** The current fleet (replaced by reset()). */
  readonly store: FleetStore;
  /** A fresh fleet from the same seed (all changes dropped). */
  reset(): void;
  node(region: string, id: string): SimNode | undefined;
  instanceInformation(region: string, query: InstanceInformationQuery): ReturnType<typeof queryInstanceInformation>;
  patchStates(region: string, query: PatchStatesQuery): ReturnType<typeof queryPatchStates>;
  opsItems(region: string, query: OpsItemsQuery): ReturnType<typeof queryOpsItems>;
  ec2Instances(region: string, query: Ec2InstancesQuery): ReturnType<typeof queryEc2Instances>;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 42;
  const nodeCount = options.nodes ?? 300;
  const regions = [...(options.regions ?? DEFAULT_REGIONS)];
  const accountId = options.accountId ?? '123456789012';
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > MAX_NODES) {
    throw new RangeError(`nodes must be an integer between 0 and ${MAX_NODES} (got ${nodeCount})`);
  }
  if (regions.length === 0) throw new RangeError('at least one region is needed');
  const clock = createClock(options.now);
  const build = (): FleetStore => {
    const now = clock.now();
    const fleet = generateFleet({ seed, nodes: nodeCount, regions, accountId, now });
    return buildStore(fleet.nodes, fleet.opsItems, { accountId, regions, generatedAt: now, tokenSecret: `${hashSeed('tokens', seed, now)}` });
  };
  let store = build();
  return {
    seed,
    nodeCount,
    regions,
    accountId,
    clock,
    get store() {
      return store;
    },
    reset() {
      store = build();
    },
    node: (region, id) => nodeInRegion(store, region, id),
    instanceInformation: (region, query) => queryInstanceInformation(store, region, query),
    patchStates: (region, query) => queryPatchStates(store, region, query),
    opsItems: (region, query) => queryOpsItems(store, region, query),
    ec2Instances: (region, query) => queryEc2Instances(store, region, query),
  };
}

export { SimError } from './errors';
export { nodePatchCounts, patchCounts, patchList, updatePatchList, isCompliant, type PatchCounts } from './patches';
export { isLatestAgent } from './query-instance-information';
export { stateCode, type ReservationGroup } from './query-ec2-instances';
export { platformSpec, LATEST_AGENT } from './catalog';
export { privateDnsName, publicDnsName } from './infra';
export { resourceArn } from './generate-ops-items';
export { isListedBySsm, regionFleet, type FleetStore, type RegionFleet } from './store';
export type { SimClock } from './clock';
export type * from './types';
export type { InstanceInformationQuery, Ec2InstancesQuery, OpsItemsQuery, PatchStatesQuery };
