/** Generates the whole seeded fleet: nodes per region (with reservations) and OpsItems. */
import { HYBRID_LOCATIONS } from './catalog';
import { instanceProfile, newEc2Node, newHybridNode, newLaunch, type Ec2Kind, type GenContext, type Launch } from './generate-node';
import { generateOpsItems } from './generate-ops-items';
import { buildInfra, type RegionInfra } from './infra';
import { buildMaintenanceWindows, type SimMaintenanceWindow } from './maintenance-windows';
import { baselineIdFor, buildPatchConfig, operatingSystemOf, type RegionPatchConfig } from './patch-config';
import { generateNetwork } from './network/generate';
import type { NetworkStore } from './network/types';
import { createRng, hashSeed } from './prng';
import type { OpsItem, SimNode } from './types';

export interface FleetOptions {
  seed: number;
  nodes: number;
  regions: readonly string[];
  accountId: string;
  now: number;
}

export interface GeneratedFleet {
  nodes: SimNode[];
  opsItems: OpsItem[];
  patchConfigs: Map<string, RegionPatchConfig>;
  maintenanceWindows: Map<string, SimMaintenanceWindow[]>;
  network: NetworkStore;
}

/** Descending region weights: 55/30/15 for three regions, a geometric decay for more. */
export function regionShares(count: number): number[] {
  if (count === 1) return [1];
  if (count === 2) return [0.65, 0.35];
  if (count === 3) return [0.55, 0.3, 0.15];
  const raw = Array.from({ length: count }, (_, i) => 0.6 ** i);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

export function splitAcrossRegions(total: number, regions: number): number[] {
  const shares = regionShares(regions);
  const counts = shares.map((s) => Math.floor(total * s));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

type Kind = Ec2Kind | 'hybrid';

function kindsFor(count: number, first: boolean, ctx: GenContext): Kind[] {
  const hybrid = Math.min(count, Math.max(Math.round(count * 0.002), first ? 2 : 0));
  const unregistered = Math.min(count - hybrid, Math.max(Math.round(count * 0.01), first ? 2 : 0));
  const stopped = Math.min(count - hybrid - unregistered, Math.round(count * 0.03));
  const kinds: Kind[] = [
    ...Array<Kind>(hybrid).fill('hybrid'),
    ...Array<Kind>(unregistered).fill('unregistered'),
    ...Array<Kind>(stopped).fill('stopped'),
  ];
  while (kinds.length < count) kinds.push('managed');
  return ctx.rng.shuffle(kinds);
}

export function generateFleet(opts: FleetOptions): GeneratedFleet {
  const rng = createRng(hashSeed('fleet', opts.seed));
  const ctx: GenContext = { rng, accountId: opts.accountId, now: opts.now, ids: new Set(), names: new Map(), profileIds: new Map() };
  const counts = splitAcrossRegions(opts.nodes, opts.regions.length);
  const nodes: SimNode[] = [];
  const patchConfigs = new Map<string, RegionPatchConfig>();
  const maintenanceWindows = new Map<string, SimMaintenanceWindow[]>();
  const infras = new Map<string, RegionInfra>();
  opts.regions.forEach((region, r) => {
    const infra = buildInfra(region, r, rng);
    infras.set(region, infra);
    // Derived from the infra's seeded IDs: no further draws, so the nodes stay the same.
    const config = buildPatchConfig(region, { now: opts.now, salt: infra.vpcId, customIds: infra.baselines });
    patchConfigs.set(region, config);
    maintenanceWindows.set(region, buildMaintenanceWindows(region, opts.now, infra.vpcId));
    const first = nodes.length;
    const kinds = kindsFor(counts[r], r === 0, ctx);
    let launch: Launch | undefined;
    let slots = 0;
    let unregisteredSeen = 0;
    for (const kind of kinds) {
      const order = nodes.length;
      if (kind === 'hybrid') {
        nodes.push(newHybridNode(ctx, infra, order, HYBRID_LOCATIONS[order % HYBRID_LOCATIONS.length]));
        slots = 0;
        continue;
      }
      if (!launch || slots <= 0) {
        launch = newLaunch(ctx);
        slots = rng.chance(0.12) ? 2 + rng.int(3) : 1;
      }
      slots--;
      const node = newEc2Node(ctx, infra, order, kind, launch);
      if (kind === 'unregistered' && node.ec2) {
        // Make sure both flavours exist: with and without an instance profile.
        if (unregisteredSeen === 0 && !node.ec2.iamInstanceProfile) node.ec2.iamInstanceProfile = instanceProfile(ctx, 'legacy-app-profile');
        if (unregisteredSeen === 1) node.ec2.iamInstanceProfile = undefined;
        unregisteredSeen++;
      }
      nodes.push(node);
    }
    // Each scanned node reports the baseline its patch group maps to for its OS (or the OS default).
    for (let i = first; i < nodes.length; i++) {
      const scan = nodes[i].patch;
      if (scan) scan.baselineId = baselineIdFor(config, scan.patchGroup, operatingSystemOf(nodes[i]));
    }
  });
  // Its own seeded draws (the nodes above stay as they were); before the OpsItems, which read public IPs.
  const network = generateNetwork(nodes, { seed: opts.seed, accountId: opts.accountId, now: opts.now, regions: opts.regions, infras, profileIds: ctx.profileIds });
  const opsItems = generateOpsItems(nodes, ctx);
  return { nodes, opsItems, patchConfigs, maintenanceWindows, network };
}
