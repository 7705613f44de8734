/** The fleet's records with the indexes the queries need (by id, by region, in paging order). */
import type { CommandStore } from './commands/types';
import type { SimMaintenanceWindow } from './maintenance-windows';
import type { NetworkStore } from './network/types';
import { buildPatchConfig, type RegionPatchConfig } from './patch-config';
import { createRng, hashSeed, type Rng } from './prng';
import type { OpsItem, SimNode } from './types';

export interface RegionFleet {
  region: string;
  /** Every node of the region, in paging order. */
  nodes: SimNode[];
  /** Nodes with an EC2 record (not hybrid). */
  ec2: SimNode[];
  /** Nodes registered with SSM (including stopped instances, which the queries skip). */
  managed: SimNode[];
  /** OpsItems, oldest first (by seq). */
  opsItems: OpsItem[];
}

export interface FleetStore {
  accountId: string;
  generatedAt: number;
  regions: Map<string, RegionFleet>;
  byId: Map<string, SimNode>;
  opsItemsById: Map<string, OpsItem>;
  /** Signs NextTokens so tampered tokens are detected. */
  tokenSecret: string;
  /** Per region: baselines, defaults and patch group registrations. */
  patchConfigs: Map<string, RegionPatchConfig>;
  maintenanceWindows: Map<string, SimMaintenanceWindow[]>;
  /** Run Command commands sent so far (all regions). */
  commands: CommandStore;
  /** The seq the next OpsItem created through the API gets (after every generated one). */
  nextOpsItemSeq: number;
  /** Seeded draws for IDs made by API calls (OpsItem IDs, association IDs), so a replay gives the same IDs. */
  opsRng: Rng;
  /** VPCs, subnets, gateways, endpoints, security groups, ACLs, activations, DHMC per region; IAM; planted causes. */
  network: NetworkStore;
}

function emptyRegion(region: string): RegionFleet {
  return { region, nodes: [], ec2: [], managed: [], opsItems: [] };
}

export function buildStore(
  nodes: readonly SimNode[],
  opsItems: readonly OpsItem[],
  opts: {
    accountId: string; regions: readonly string[]; generatedAt: number; tokenSecret: string;
    patchConfigs: Map<string, RegionPatchConfig>; maintenanceWindows: Map<string, SimMaintenanceWindow[]>;
    network: NetworkStore;
  },
): FleetStore {
  const regions = new Map<string, RegionFleet>();
  for (const region of opts.regions) regions.set(region, emptyRegion(region));
  const byId = new Map<string, SimNode>();
  for (const node of nodes) {
    const fleet = regions.get(node.region) as RegionFleet;
    fleet.nodes.push(node);
    if (node.ec2) fleet.ec2.push(node);
    if (node.ssm) fleet.managed.push(node);
    byId.set(node.id, node);
  }
  const opsItemsById = new Map<string, OpsItem>();
  for (const item of opsItems) {
    regions.get(item.region)?.opsItems.push(item);
    opsItemsById.set(item.id, item);
  }
  return {
    accountId: opts.accountId, generatedAt: opts.generatedAt, regions, byId, opsItemsById, tokenSecret: opts.tokenSecret,
    patchConfigs: opts.patchConfigs, maintenanceWindows: opts.maintenanceWindows, commands: { list: [], byId: new Map(), active: new Set() },
    nextOpsItemSeq: opsItems.reduce((max, i) => Math.max(max, i.seq), 0) + 1,
    opsRng: createRng(hashSeed('ops-api', opts.tokenSecret)),
    network: opts.network,
  };
}

/** The region's patch configuration (a region outside the simulation has only AWS's baselines). */
export function patchConfigFor(store: FleetStore, region: string): RegionPatchConfig {
  let config = store.patchConfigs.get(region);
  if (!config) {
    config = buildPatchConfig(region, { now: store.generatedAt, salt: '', withCustom: false });
    store.patchConfigs.set(region, config);
  }
  return config;
}

export function regionFleet(store: FleetStore, region: string): RegionFleet {
  return store.regions.get(region) ?? emptyRegion(region);
}

/** The region's records, created if the region is outside the simulation (a write there keeps its data). */
export function regionFleetForWrite(store: FleetStore, region: string): RegionFleet {
  let fleet = store.regions.get(region);
  if (!fleet) {
    fleet = emptyRegion(region);
    store.regions.set(region, fleet);
  }
  return fleet;
}

/** A node by id, only if it lives in `region`. */
export function nodeInRegion(store: FleetStore, region: string, id: string): SimNode | undefined {
  const node = store.byId.get(id);
  return node && node.region === region ? node : undefined;
}

/** SSM lists a node unless it is an EC2 instance that is not running. */
export function isListedBySsm(node: SimNode): boolean {
  return !!node.ssm && (!node.ec2 || node.ec2.state === 'running');
}
