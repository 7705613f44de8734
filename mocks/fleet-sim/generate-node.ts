/** Builds one simulated node: its EC2 record, SSM registration and last patch scan. */
import { ARM_TYPE, ENVIRONMENTS, LINUX_APPS, PLATFORMS, WINDOWS_APPS, platformSpec, type AppSpec } from './catalog';
import { DAY } from './clock';
import { patchScan, ssmRecord } from './generate-ssm';
import { imageIdFor } from './images';
import { amiFor, type RegionInfra } from './infra';
import { weightedPicker, type Rng } from './prng';
import type { Ec2Record, Environment, PingStatus, PlatformKey, SimNode, Tag } from './types';

const pickPlatform = weightedPicker(PLATFORMS.map((p) => [p.key, p.weight] as const));
const pickEnvironment = weightedPicker(ENVIRONMENTS);
const pickEc2Ping = weightedPicker<PingStatus>([['Online', 86], ['ConnectionLost', 11], ['Inactive', 3]]);
const pickHybridPing = weightedPicker<PingStatus>([['Online', 80], ['ConnectionLost', 15], ['Inactive', 5]]);
const pickHybridPlatform = weightedPicker<PlatformKey>([['ubuntu2204', 40], ['rhel9', 35], ['win2022', 25]]);

/** Interned strings for values many nodes share. */
const interned = new Map<string, string>();
function intern(s: string): string {
  const existing = interned.get(s);
  if (existing !== undefined) return existing;
  interned.set(s, s);
  return s;
}

export interface GenContext {
  rng: Rng;
  accountId: string;
  now: number;
  ids: Set<string>;
  names: Map<string, number>;
  profileIds: Map<string, string>;
}

/** What the instances of one reservation (one launch) share. */
export interface Launch {
  reservationId: string;
  platform: PlatformKey;
  app: AppSpec;
  environment: Environment;
  instanceType: string;
  launchTime: number;
  asg?: string;
}

export function uniqueId(ctx: GenContext, prefix: string): string {
  let id: string;
  do id = `${prefix}0${ctx.rng.hex(16)}`;
  while (ctx.ids.has(id));
  ctx.ids.add(id);
  return id;
}

function nextName(ctx: GenContext, app: string, env: string): string {
  const key = `${app}-${env}`;
  const n = (ctx.names.get(key) ?? 0) + 1;
  ctx.names.set(key, n);
  return `${key}-${n}`;
}

export function instanceProfile(ctx: GenContext, name: string): { arn: string; id: string } {
  let id = ctx.profileIds.get(name);
  if (!id) {
    id = `AIPA${ctx.rng.hex(17).toUpperCase()}`;
    ctx.profileIds.set(name, id);
  }
  return { arn: `arn:aws:iam::${ctx.accountId}:instance-profile/${name}`, id };
}

export function newLaunch(ctx: GenContext, platform?: PlatformKey): Launch {
  const { rng, now } = ctx;
  const key = platform ?? pickPlatform(rng);
  const spec = platformSpec(key);
  const app: AppSpec = spec.platformType === 'Windows' ? rng.pick(WINDOWS_APPS) : rng.pick(LINUX_APPS);
  const environment = pickEnvironment(rng);
  let instanceType: string = rng.pick(app.types);
  if (ARM_TYPE.test(instanceType) && !spec.arm64) instanceType = app.types.find((t) => !ARM_TYPE.test(t)) as string;
  const asg = app.asg && environment !== 'dev' && rng.chance(0.6) ? intern(`${app.app}-${environment}-asg`) : undefined;
  const launchTime = now - (asg ? rng.range(0.5, 30) : rng.range(3, 500)) * DAY;
  return { reservationId: uniqueId(ctx, 'r-'), platform: key, app, environment, instanceType, launchTime, asg };
}

function baseTags(name: string | null, launch: Launch, patchGroup: string): Tag[] {
  const tags: Tag[] = [];
  if (name) tags.push({ Key: 'Name', Value: name });
  tags.push(
    { Key: 'Environment', Value: launch.environment },
    { Key: 'Team', Value: launch.app.team },
    { Key: 'Application', Value: launch.app.app },
  );
  if (patchGroup) tags.push({ Key: 'Patch Group', Value: patchGroup });
  return tags;
}

function patchGroupFor(ctx: GenContext, launch: Launch): string {
  const os = platformSpec(launch.platform).platformType === 'Windows' ? 'windows' : 'linux';
  return ctx.rng.chance(0.04) ? '' : intern(`${launch.environment}-${os}`);
}

export type Ec2Kind = 'managed' | 'stopped' | 'unregistered';

export function newEc2Node(ctx: GenContext, infra: RegionInfra, order: number, kind: Ec2Kind, launch: Launch): SimNode {
  const { rng } = ctx;
  const spec = platformSpec(launch.platform);
  const azIndex = rng.int(infra.azs.length);
  // The address (and the Linux computer names made from it) is given by the network layer (network/generate.ts),
  // inside the subnet it places the instance in; these two draws only keep the seeded sequence as it was.
  rng.int(16);
  rng.int(250);
  const privateIp = '';
  const architecture = ARM_TYPE.test(launch.instanceType) ? 'arm64' : 'x86_64';
  const ec2: Ec2Record = {
    reservationId: launch.reservationId,
    // A build of the region's image line for the platform, created before the launch (images.ts).
    imageId: imageIdFor(amiFor(infra, launch.platform, architecture), infra.region, launch.platform, architecture, launch, ctx.now),
    instanceType: launch.instanceType,
    state: kind === 'stopped' ? 'stopped' : 'running',
    availabilityZone: infra.azs[azIndex],
    subnetId: infra.subnets[azIndex],
    vpcId: infra.vpcId,
    privateIp,
    publicIp: kind !== 'stopped' && rng.chance(launch.app.publicIp) ? `${rng.pick([3, 18, 34, 52, 54])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}` : undefined,
    launchTime: launch.launchTime,
    architecture,
    iamInstanceProfile: kind === 'unregistered' ? (rng.chance(0.5) ? instanceProfile(ctx, 'legacy-app-profile') : undefined) : instanceProfile(ctx, 'SSMManagedInstanceProfile'),
    autoScalingGroup: launch.asg,
    monitoring: rng.chance(0.15) ? 'enabled' : 'disabled',
    ebsOptimized: !launch.instanceType.startsWith('t3.micro'),
    securityGroup: infra.securityGroups[launch.app.publicIp > 0 ? 1 : launch.app.team === 'data' ? 2 : 0],
    keyName: rng.chance(0.3) ? `${launch.app.team}-key` : undefined,
  };
  const name = nextName(ctx, launch.app.app, launch.environment);
  const patchGroup = patchGroupFor(ctx, launch);
  const tags = baseTags(name, launch, patchGroup);
  if (launch.asg) tags.push({ Key: 'aws:autoscaling:groupName', Value: launch.asg });
  const node: SimNode = {
    id: uniqueId(ctx, 'i-'), order, region: infra.region, platform: launch.platform, platformVersion: rng.pick(spec.platformVersions), environment: launch.environment,
    team: launch.app.team, application: launch.app.app, name, tags, ec2, ssm: undefined, patch: undefined,
  };
  if (kind === 'unregistered') return node;
  const status: PingStatus = kind === 'stopped' ? 'ConnectionLost' : pickEc2Ping(rng);
  const computerName = spec.platformType === 'Windows' ? `EC2AMAZ-${rng.hex(7).toUpperCase()}` : '';
  node.ssm = ssmRecord(ctx, status, computerName, privateIp);
  node.patch = patchScan(ctx, infra, node, patchGroup);
  return node;
}

export function newHybridNode(ctx: GenContext, infra: RegionInfra, order: number, location: string): SimNode {
  const { rng, now } = ctx;
  const launch = newLaunch(ctx, pickHybridPlatform(rng));
  ctx.ids.delete(launch.reservationId);
  const windows = launch.platform === 'win2022';
  const name = nextName(ctx, `onprem-${launch.app.app}`, launch.environment);
  const patchGroup = patchGroupFor(ctx, launch);
  const tags = [...baseTags(null, launch, patchGroup), { Key: 'Location', Value: location }];
  const ipAddress = `192.168.${rng.int(256)}.${1 + rng.int(254)}`;
  const computerName = windows ? `CORP-${launch.app.app.toUpperCase()}${10 + rng.int(90)}` : `${name}.corp.example.com`;
  const status = pickHybridPing(rng);
  const node: SimNode = {
    id: uniqueId(ctx, 'mi-'), order, region: infra.region, platform: launch.platform, platformVersion: rng.pick(platformSpec(launch.platform).platformVersions), environment: launch.environment,
    team: launch.app.team, application: launch.app.app, name, tags, ec2: undefined, ssm: undefined, patch: undefined,
  };
  const h = rng.hex(32);
  node.ssm = {
    ...ssmRecord(ctx, status, computerName, ipAddress),
    registrationDate: now - rng.range(30, 700) * DAY,
    activationId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
    iamRole: 'SSMServiceRole',
    activationName: `onprem-${launch.app.app}`,
  };
  node.patch = patchScan(ctx, infra, node, patchGroup);
  return node;
}
