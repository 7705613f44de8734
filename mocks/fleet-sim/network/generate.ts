/**
 * Plants the network and identity layer into a generated fleet: every node that is not Online gets exactly one cause,
 * and every EC2 instance a subnet, security group, instance profile and address consistent with it.
 *
 * Runs after the nodes are generated and before the OpsItems, with its own seeded draws, so the nodes' other values
 * (IDs, pings, agents, patches) stay as they were. What it rewrites: subnetId, vpcId, availabilityZone (for the few
 * instances moved to a planted subnet of one AZ), privateIp (unique, inside its subnet; SSM's IpAddress and Linux
 * computer names follow), publicIp (kept only in public subnets), securityGroup, iamInstanceProfile, the hybrid nodes'
 * activation IDs. One more: a fleet with no RHEL instance among its never-registered ones gets one (a Linux x86_64
 * instance alone in its reservation becomes RHEL 9, the platform whose AMIs ship without SSM Agent), so
 * `agent-not-installed` is always planted.
 */
import { platformSpec } from '../catalog';
import { DAY, HOUR, MINUTE } from '../clock';
import { imageIdFor } from '../images';
import { amiFor, type RegionInfra } from '../infra';
import { createRng, hashSeed, weightedPicker, type Rng } from '../prng';
import type { SimNode, StatusChecks } from '../types';
import { DHMC_MIN_AGENT, DHMC_SETTING_VALUE, HYBRID_ROLE, PROFILES, buildIam } from './iam';
import { buildLayout, nextAddressInt, sizeAndAddress, type RegionLayout, type VpcHandle } from './layout';
import { buildIndex } from './store';
import type { NetworkStore, PlantedCause, RegionNetwork, SimActivation, SimInstanceProfile, SimSecurityGroup, SimSubnet } from './types';

export interface NetworkOptions {
  seed: number;
  accountId: string;
  now: number;
  regions: readonly string[];
  infras: ReadonlyMap<string, RegionInfra>;
  /** Instance profile IDs the generator already drew (name -> ID). */
  profileIds: ReadonlyMap<string, string>;
}

const IAM_CAUSES = new Set<PlantedCause>(['no-instance-profile', 'role-missing-core-policy']);

/** Registered, running, not Online. */
const LOST_WEIGHTS: ReadonlyArray<readonly [PlantedCause, number]> = [
  ['status-impaired', 14], ['no-instance-profile', 9], ['role-missing-core-policy', 12], ['no-route', 16], ['no-public-ip', 6],
  ['endpoint-sg-blocks-443', 11], ['instance-sg-blocks-443-egress', 10], ['nacl-blocks-ephemeral', 10], ['vpc-dns-disabled', 10],
];
/** Running, never registered, on an AMI that ships the agent. */
const UNREGISTERED_WEIGHTS: ReadonlyArray<readonly [PlantedCause, number]> = [
  ['no-instance-profile', 30], ['role-missing-core-policy', 25], ['no-route', 12], ['no-public-ip', 5],
  ['endpoint-sg-blocks-443', 7], ['instance-sg-blocks-443-egress', 7], ['nacl-blocks-ephemeral', 7], ['vpc-dns-disabled', 7],
];

/** Apps whose servers live in the shared-services VPC (reaching SSM through its endpoints). */
const SHARED_APPS = new Set(['ad', 'fileserver', 'monitoring']);
const DATA_APPS = new Set(['db', 'cache', 'sql', 'etl']);
const APP_SERVER_APPS = new Set(['api', 'worker', 'auth', 'payments']);

/** AMIs that ship SSM Agent (AWS's list of AMIs with the agent preinstalled: Amazon Linux, Ubuntu Server, Windows Server; not RHEL). */
export function amiShipsAgent(platform: SimNode['platform']): boolean {
  return platform !== 'rhel9';
}

const atLeast = new Map<string, boolean>();

/** Compares dotted agent versions. */
export function agentAtLeast(version: string, min: string): boolean {
  const key = `${version}>=${min}`;
  let known = atLeast.get(key);
  if (known === undefined) {
    known = compareVersions(version, min);
    if (atLeast.size > 1000) atLeast.clear();
    atLeast.set(key, known);
  }
  return known;
}

function compareVersions(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** The region where Default Host Management Configuration is set: the second region, if there is one. */
export function dhmcRegionOf(regions: readonly string[]): string | undefined {
  return regions.length > 1 ? regions[1] : undefined;
}

/**
 * If no never-registered instance is RHEL, make one so (see the file comment): a Linux x86_64 one of the first region,
 * preferably not launched by Auto Scaling and alone in its reservation, else the first or last of its reservation, which then gets a reservation of its
 * own (one launch, one AMI).
 */
function ensureAgentlessInstance(nodes: SimNode[], opts: NetworkOptions, rng: Rng): void {
  const unregistered = nodes.filter((n) => n.ec2 && !n.ssm && n.ec2.state === 'running');
  if (unregistered.length === 0 || unregistered.some((n) => !amiShipsAgent(n.platform))) return;
  const region = opts.regions[0];
  const infra = opts.infras.get(region);
  const members = new Map<string, SimNode[]>();
  for (const n of nodes) {
    if (!n.ec2 || n.region !== region) continue;
    let list = members.get(n.ec2.reservationId);
    if (!list) members.set(n.ec2.reservationId, (list = []));
    list.push(n);
  }
  const linux = unregistered.filter((n) => n.region === region && platformSpec(n.platform).platformType === 'Linux' && n.ec2?.architecture === 'x86_64');
  const alone = linux.filter((n) => members.get(n.ec2?.reservationId as string)?.length === 1);
  const atEdge = linux.filter((n) => {
    const list = members.get(n.ec2?.reservationId as string) as SimNode[];
    return list[0] === n || list[list.length - 1] === n;
  });
  const noAsg = (list: SimNode[]) => list.filter((n) => !n.ec2?.autoScalingGroup);
  const node = [noAsg(alone), alone, noAsg(atEdge), atEdge].map((l) => l[l.length - 1]).find(Boolean);
  if (!node?.ec2 || !infra) return;
  const e = node.ec2;
  if ((members.get(e.reservationId) as SimNode[]).length > 1) {
    let id: string;
    do id = `r-0${rng.hex(16)}`;
    while (members.has(id));
    e.reservationId = id;
  }
  node.platform = 'rhel9';
  node.platformVersion = rng.pick(platformSpec('rhel9').platformVersions);
  e.imageId = imageIdFor(amiFor(infra, 'rhel9', 'x86_64'), region, 'rhel9', 'x86_64', { launchTime: e.launchTime, reservationId: e.reservationId, asg: e.autoScalingGroup }, opts.now);
}

type Symptom = 'online' | 'stopped' | 'unregistered' | 'lost' | 'hybrid';

function symptomOf(node: SimNode): Symptom {
  if (!node.ec2) return 'hybrid';
  if (node.ec2.state === 'stopped') return 'stopped';
  if (!node.ssm) return 'unregistered';
  return node.ssm.pingStatus === 'Online' ? 'online' : 'lost';
}

/** Picks the cause of every EC2 node of a region that is not Online (hybrid nodes: see plantActivations). */
function assignCauses(nodes: readonly SimNode[], dhmc: boolean, rng: Rng, planted: Map<string, PlantedCause>): void {
  const allowed = (weights: ReadonlyArray<readonly [PlantedCause, number]>) => weights.filter(([c]) => !(dhmc && IAM_CAUSES.has(c)));
  const lostWeights = allowed(LOST_WEIGHTS);
  const unregisteredWeights = allowed(UNREGISTERED_WEIGHTS);
  const pickLost = weightedPicker(lostWeights);
  const pickUnregistered = weightedPicker(unregisteredWeights);
  // Every cause at least once per region when there are enough lost nodes; then by weight.
  const pending = rng.shuffle(lostWeights.map(([c]) => c));
  // The first instances that never registered: one without a profile, one whose role lacks the policy (outside the DHMC region).
  const firstUnregistered: PlantedCause[] = dhmc ? [] : ['role-missing-core-policy', 'no-instance-profile'];
  for (const node of nodes) {
    switch (symptomOf(node)) {
      case 'stopped':
        planted.set(node.id, 'instance-stopped');
        break;
      case 'lost':
        planted.set(node.id, pending.pop() ?? pickLost(rng));
        break;
      case 'unregistered':
        if (!amiShipsAgent(node.platform)) planted.set(node.id, 'agent-not-installed');
        else planted.set(node.id, firstUnregistered.pop() ?? pickUnregistered(rng));
        break;
      default:
        break;
    }
  }
}

/** Where an instance goes: one shared object per (subnet, group, public IP kept). */
interface Spot {
  subnet: SimSubnet;
  group: SimSecurityGroup;
  keepPublicIp: boolean;
  /** The instance record's `securityGroup`, shared by every instance of the spot. */
  groupRef: { id: string; name: string };
}

const first = <T>(m: Map<string, T>) => m.values().next().value as T;

function healthyProfile(node: SimNode, dhmc: boolean, rng: Rng): string | null {
  // In the DHMC region some instances run without a profile: the default role covers them (agent 3.2.582.0+).
  if (dhmc && node.ssm?.pingStatus === 'Online' && node.ec2?.state === 'running' && agentAtLeast(node.ssm.agentVersion, DHMC_MIN_AGENT) && rng.chance(0.12)) return null;
  if (rng.chance(0.05)) return PROFILES.legacySsm;
  if (APP_SERVER_APPS.has(node.application)) return PROFILES.appServer;
  if (DATA_APPS.has(node.application)) return PROFILES.dataTier;
  return PROFILES.standard;
}

function profileFor(node: SimNode, cause: PlantedCause | undefined, dhmc: boolean, rng: Rng): string | null {
  if (cause === 'no-instance-profile') return null;
  if (cause === 'role-missing-core-policy') return rng.chance(0.6) ? PROFILES.legacyApp : PROFILES.batchJobs;
  return healthyProfile(node, dhmc, rng);
}

class Placer {
  private readonly spots = new Map<SimSubnet, Map<SimSecurityGroup, Spot[]>>();
  constructor(private readonly layout: RegionLayout) {}

  private spot(subnet: SimSubnet, group: SimSecurityGroup, keepPublicIp: boolean): Spot {
    let bySubnet = this.spots.get(subnet);
    if (!bySubnet) this.spots.set(subnet, (bySubnet = new Map()));
    let pair = bySubnet.get(group);
    if (!pair) bySubnet.set(group, (pair = []));
    const k = keepPublicIp ? 1 : 0;
    return (pair[k] ??= { subnet, group, keepPublicIp, groupRef: groupRef(group) });
  }

  private privateGroup(h: VpcHandle, app: string): SimSecurityGroup {
    return h === this.layout.prod ? (DATA_APPS.has(app) ? h.sg.data : h.sg.app) : h.sg.servers;
  }

  private inPrivate(h: VpcHandle, az: string, group: SimSecurityGroup): Spot {
    return this.spot(h.private.get(az) ?? first(h.private), group, false);
  }

  private healthy(node: SimNode, envVpc: VpcHandle, az: string): Spot {
    const { layout } = this;
    if (SHARED_APPS.has(node.application)) return this.inPrivate(layout.shared, az, layout.shared.sg.servers);
    if (node.ec2?.publicIp) {
      const group = envVpc === layout.dev ? envVpc.sg.web : node.application === 'bastion' ? envVpc.sg.bastion : envVpc.sg.web;
      return this.spot(envVpc.public.get(az) ?? first(envVpc.public), group, true);
    }
    return this.inPrivate(envVpc, az, this.privateGroup(envVpc, node.application));
  }

  place(node: SimNode, cause: PlantedCause | undefined): Spot {
    const { layout } = this;
    const az = (node.ec2 as NonNullable<SimNode['ec2']>).availabilityZone;
    const envVpc: VpcHandle = node.environment === 'dev' ? layout.dev : layout.prod;
    const app = node.application;
    switch (cause) {
      case 'no-route':
        return this.spot(envVpc === layout.dev ? layout.dev.sandbox : layout.prod.batch, this.privateGroup(envVpc, app), false);
      case 'no-public-ip':
        return this.spot(envVpc.public.get(az) ?? first(envVpc.public), this.privateGroup(envVpc, app), false);
      case 'endpoint-sg-blocks-443':
        return this.inPrivate(layout.analytics, az, layout.analytics.sg.workers);
      case 'vpc-dns-disabled':
        return this.inPrivate(layout.legacy, az, layout.legacy.sg.servers);
      case 'nacl-blocks-ephemeral':
        return this.spot(layout.prod.restricted, this.privateGroup(layout.prod, app), false);
      case 'instance-sg-blocks-443-egress': {
        const h = this.healthy(node, envVpc, az);
        if (h.subnet.vpcId === envVpc.vpc.id) return this.spot(h.subnet, envVpc.sg.lockedDown, h.keepPublicIp);
        return this.inPrivate(layout.prod, az, layout.prod.sg.lockedDown);
      }
      default:
        return this.healthy(node, envVpc, az);
    }
  }
}

function statusChecks(node: SimNode, now: number, rng: Rng): StatusChecks {
  const since = (node.ssm?.lastPingTime ?? now) - rng.range(1, 10) * MINUTE;
  if (rng.chance(0.25)) {
    return {
      system: 'impaired', instance: 'impaired', impairedSince: since,
      event: { id: `instance-event-0${rng.hex(16)}`, code: 'instance-retirement', description: 'The instance is running on degraded hardware', notBefore: Math.floor(now + rng.range(2, 14) * DAY) },
    };
  }
  return { system: 'ok', instance: 'impaired', impairedSince: since };
}

function maintenanceEvent(now: number, rng: Rng): StatusChecks {
  return {
    system: 'ok', instance: 'ok',
    event: { id: `instance-event-0${rng.hex(16)}`, code: 'system-reboot', description: 'scheduled reboot', notBefore: Math.floor(now + rng.range(3, 20) * DAY), notAfter: Math.floor(now + rng.range(21, 28) * DAY) },
  };
}

/** Hybrid nodes: one activation per activation name, expired (AWS activations last at most 30 days); a lost node's activation explains it. */
function plantActivations(nodes: readonly SimNode[], net: RegionNetwork, now: number, rng: Rng, planted: Map<string, PlantedCause>, counter: { lostActivations: number }): void {
  const groups = new Map<string, SimNode[]>();
  for (const n of nodes) {
    if (n.ec2 || !n.ssm) continue;
    const key = n.ssm.activationName ?? 'onprem';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(n);
  }
  for (const [name, members] of groups) {
    const lost = members.filter((n) => n.ssm?.pingStatus !== 'Online');
    let cause: PlantedCause | undefined;
    if (lost.length > 0) {
      const k = counter.lostActivations++;
      cause = k === 0 ? 'activation-expired' : k === 1 ? 'activation-limit-reached' : rng.chance(0.35) ? 'activation-limit-reached' : 'activation-expired';
    }
    const earliest = Math.min(...members.map((n) => n.ssm?.registrationDate ?? now));
    const createdTime = Math.floor(earliest - rng.range(0.5, 5) * DAY);
    const h = rng.hex(32);
    const location = members[0].tags.find((t) => t.Key === 'Location')?.Value ?? 'on-premises';
    const activation: SimActivation = {
      id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
      region: net.region,
      description: `${name.replace(/^onprem-/, '')} servers (${location})`,
      defaultInstanceName: name,
      iamRole: HYBRID_ROLE,
      registrationsCount: members.length,
      registrationLimit: cause === 'activation-limit-reached' ? members.length : members.length + 1 + rng.int(10),
      createdTime,
      expirationTime: Math.min(createdTime + rng.pick([1, 7, 14, 30]) * DAY, now - HOUR),
      tags: [{ Key: 'Team', Value: members[0].team }, { Key: 'Location', Value: location }],
    };
    net.activations.push(activation);
    for (const n of members) (n.ssm as NonNullable<SimNode['ssm']>).activationId = activation.id;
    if (cause) for (const n of lost) planted.set(n.id, cause);
  }
  net.activations.sort((a, b) => b.createdTime - a.createdTime);
}

const hostSuffix = (region: string) => (region === 'us-east-1' ? '.ec2.internal' : `.${region}.compute.internal`);

/** Moves an instance to its spot: subnet, AZ, address, group, profile (the shared record value, undefined for none). */
function apply(node: SimNode, p: Spot, profile: { arn: string; id: string } | undefined, address: number, suffix: string): void {
  const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
  const a = address >>> 24;
  const b = (address >>> 16) & 255;
  const c = (address >>> 8) & 255;
  const d = address & 255;
  const ip = `${a}.${b}.${c}.${d}`;
  ec2.subnetId = p.subnet.id;
  ec2.vpcId = p.subnet.vpcId;
  ec2.availabilityZone = p.subnet.availabilityZone;
  ec2.privateIp = ip;
  if (!p.keepPublicIp) ec2.publicIp = undefined;
  ec2.securityGroup = p.groupRef;
  ec2.iamInstanceProfile = profile;
  const ssm = node.ssm;
  if (ssm) {
    ssm.ipAddress = ip;
    // The OS's hostname: ip-a-b-c-d (Ubuntu), the private DNS name (Amazon Linux, RHEL); Windows keeps its EC2AMAZ- name.
    const spec = platformSpec(node.platform);
    if (spec.platformType !== 'Windows') ssm.computerName = spec.family === 'ubuntu' ? `ip-${a}-${b}-${c}-${d}` : `ip-${a}-${b}-${c}-${d}${suffix}`;
  }
}

/** Shared objects: many instances point at the same group and profile. */
const groupRefs = new WeakMap<SimSecurityGroup, { id: string; name: string }>();
function groupRef(g: SimSecurityGroup): { id: string; name: string } {
  let ref = groupRefs.get(g);
  if (!ref) groupRefs.set(g, (ref = { id: g.id, name: g.name }));
  return ref;
}
const profileRefs = new WeakMap<SimInstanceProfile, { arn: string; id: string }>();
function profileRef(p: SimInstanceProfile): { arn: string; id: string } {
  let ref = profileRefs.get(p);
  if (!ref) profileRefs.set(p, (ref = { arn: p.arn, id: p.id }));
  return ref;
}

export function generateNetwork(nodes: SimNode[], opts: NetworkOptions): NetworkStore {
  const rng = createRng(hashSeed('network', opts.seed));
  const iam = buildIam(rng, opts.accountId, opts.now, opts.profileIds);
  ensureAgentlessInstance(nodes, opts, rng);
  const planted = new Map<string, PlantedCause>();
  const regions = new Map<string, RegionNetwork>();
  const dhmcRegion = dhmcRegionOf(opts.regions);
  const byRegion = new Map<string, SimNode[]>(opts.regions.map((r) => [r, []]));
  for (const n of nodes) byRegion.get(n.region)?.push(n);
  const counter = { lostActivations: 0 };
  opts.regions.forEach((region, index) => {
    const infra = opts.infras.get(region);
    if (!infra) throw new Error(`no infra for ${region}`);
    const rrng = createRng(hashSeed('network', opts.seed, region));
    const layout = buildLayout(rrng, region, index, infra.azs, { vpcId: infra.vpcId, privateSubnets: infra.subnets, groups: infra.securityGroups }, opts.now);
    const net = layout.net;
    const dhmc = region === dhmcRegion;
    if (dhmc) {
      net.dhmcRole = DHMC_SETTING_VALUE;
      net.dhmcModifiedTime = Math.floor(opts.now - rrng.range(20, 120) * DAY);
    } else net.dhmcModifiedTime = Math.floor(opts.now - rrng.range(200, 400) * DAY);
    const regionNodes = byRegion.get(region) as SimNode[];
    assignCauses(regionNodes, dhmc, rrng, planted);
    const placer = new Placer(layout);
    const placed: SimNode[] = [];
    const spots: Spot[] = [];
    const profiles: Array<string | null> = [];
    const counts = new Map<SimSubnet, number>();
    for (const node of regionNodes) {
      if (!node.ec2) continue;
      const cause = planted.get(node.id);
      const p = placer.place(node, cause);
      placed.push(node);
      spots.push(p);
      profiles.push(profileFor(node, cause, dhmc, rrng));
      counts.set(p.subnet, (counts.get(p.subnet) ?? 0) + 1);
      if (cause === 'status-impaired') node.ec2.statusChecks = statusChecks(node, opts.now, rrng);
      else if (!cause && rrng.chance(0.006)) node.ec2.statusChecks = maintenanceEvent(opts.now, rrng);
    }
    sizeAndAddress(layout, counts, rrng);
    const suffix = hostSuffix(region);
    const refs = new Map<string, { arn: string; id: string }>([...iam.profiles.values()].map((p) => [p.name, profileRef(p)]));
    for (let i = 0; i < placed.length; i++) {
      const node = placed[i];
      const name = profiles[i];
      apply(node, spots[i], name === null ? undefined : refs.get(name), nextAddressInt(spots[i].subnet), suffix);
      // A tenth of the profiles were associated after launch (a role swapped or added later).
      const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
      if (ec2.iamInstanceProfile && rrng.chance(0.1)) ec2.profileAssociatedTime = Math.floor(ec2.launchTime + rrng.range(0, opts.now - ec2.launchTime));
    }
    plantActivations(regionNodes, net, opts.now, rrng, planted, counter);
    regions.set(region, net);
  });
  return { regions, iam, planted, index: buildIndex(regions) };
}
