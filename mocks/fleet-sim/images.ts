/**
 * AMIs: the images the simulated instances were launched from. Each region has one image line per platform and
 * architecture, rebuilt about monthly (a golden-image pipeline; a year and more back, about quarterly). A launch used a
 * build created before it: an Auto Scaling launch mostly the newest, a long-lived server often a build or two behind, a
 * few servers a line's old pinned build. So instances launched or scaled out lately run images days to weeks old, and
 * long-lived servers older ones, some over a year. Which build a launch used is derived from the launch (hashes, not
 * draws from the seeded sequence, so every generated node stays as it was), and a build's creation time from its line
 * and the fleet's generation time. Old builds are deregistered more often than new ones (EC2 no longer shows them while
 * instances still run them).
 */
import { DAY, HOUR } from './clock';
import { SimError } from './errors';
import { hashSeed } from './prng';
import { regionFleet, type FleetStore } from './store';
import type { PlatformKey, SimNode } from './types';

export interface SimImage {
  id: string;
  platform: PlatformKey;
  architecture: 'x86_64' | 'arm64';
  createdTime: number;
  name: string;
  ownerId: string;
  ownerAlias?: string;
  deregistered: boolean;
}

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

const OWNERS: Record<PlatformKey, { id: string; alias?: string }> = {
  al2023: { id: '137112412989', alias: 'amazon' },
  ubuntu2204: { id: '099720109477' },
  ubuntu2404: { id: '099720109477' },
  rhel9: { id: '309956199498' },
  win2019: { id: '801119661308', alias: 'amazon' },
  win2022: { id: '801119661308', alias: 'amazon' },
};

function imageName(platform: PlatformKey, arch: SimImage['architecture'], created: number): string {
  const d = new Date(created).toISOString().slice(0, 10);
  const ymd = d.replaceAll('-', '');
  const deb = arch === 'arm64' ? 'arm64' : 'amd64';
  switch (platform) {
    case 'al2023': return `al2023-ami-2023.6.${ymd}.0-kernel-6.1-${arch}`;
    case 'ubuntu2204': return `ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-${deb}-server-${ymd}`;
    case 'ubuntu2404': return `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${deb}-server-${ymd}`;
    case 'rhel9': return `RHEL-9.4.0_HVM-${ymd}-${arch}-0-Hourly2-GP3`;
    case 'win2019': return `Windows_Server-2019-English-Full-Base-${d.replaceAll('-', '.')}`;
    case 'win2022': return `Windows_Server-2022-English-Full-Base-${d.replaceAll('-', '.')}`;
  }
}

/** Builds of one image line, newest first: monthly for about the last 13 months, about quarterly before. */
interface ImageLine {
  created: number[];
  /** The build some long-lived servers stay pinned to (14 to 16 months old). */
  pinned: number;
}

/** Launches reach 500 days back and may use a build months older. */
const LINE_HISTORY = 720 * DAY;
const lines = new Map<string, ImageLine>();

function imageLine(region: string, platform: PlatformKey, arch: string, now: number): ImageLine {
  const key = `${region}/${platform}/${arch}/${now}`;
  let line = lines.get(key);
  if (line) return line;
  const h = hashSeed('ami-line', region, platform, arch);
  const created: number[] = [];
  // The newest build is 2 to 26 days old; each build before it one period earlier, at a time of day of its own.
  let age = (2 + (h % 25)) * DAY;
  for (let k = 0; age < LINE_HISTORY; k++) {
    const hk = hashSeed('ami-build-time', region, platform, arch, k);
    created.push(Math.floor(now - age - (hk % 86_400) * 1000));
    age += age < 400 * DAY ? (26 + (hk % 10)) * DAY : (60 + (hk % 40)) * DAY;
  }
  const pinnedAge = (425 + ((h >>> 8) % 60)) * DAY;
  let pinned = created.findIndex((t) => t <= now - pinnedAge);
  if (pinned < 0) pinned = created.length - 1;
  line = { created, pinned };
  if (lines.size > 10_000) lines.clear();
  lines.set(key, line);
  return line;
}

/** What a launch's build is chosen from (the instances of one reservation share it). */
export interface LaunchRef {
  launchTime: number;
  reservationId: string;
  /** Launched by Auto Scaling (the group's name). */
  asg?: string;
}

/**
 * The build of the region's image line a launch used (its index, newest 0) and when it was created: always at least
 * 12 hours before the launch. Auto Scaling launches mostly use the newest build (a quarter the one before, the launch
 * template not updated yet); other launches half the newest, the rest a build or two behind, and one in eight the
 * line's pinned old build.
 */
export function imageBuild(region: string, platform: PlatformKey, arch: string, launch: LaunchRef, now: number): { index: number; createdTime: number } {
  const line = imageLine(region, platform, arch, now);
  const last = line.created.length - 1;
  let newest = line.created.findIndex((t) => t <= launch.launchTime - 12 * HOUR);
  if (newest < 0) newest = last;
  const r = (hashSeed('ami-pick', launch.reservationId) % 1000) / 1000;
  let lag: number;
  if (launch.asg) lag = r < 0.75 ? 0 : 1;
  else if (r < 0.5) lag = 0;
  else if (r < 0.75) lag = 1;
  else if (r < 0.875) lag = 2;
  else lag = line.pinned > newest ? line.pinned - newest : 3;
  const index = Math.min(last, newest + lag);
  return { index, createdTime: line.created[index] };
}

/** The ID of a build of the image line whose (seeded) ID is `lineId`. */
export function imageBuildId(lineId: string, index: number): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `ami-0${hex(hashSeed('ami-build', lineId, index))}${hex(hashSeed('ami-build-low', lineId, index))}`;
}

/** The image a new instance is launched from: a build of the region's line (lineId) for its platform and architecture. */
export function imageIdFor(lineId: string, region: string, platform: PlatformKey, arch: string, launch: LaunchRef, now: number): string {
  return imageBuildId(`${lineId}/${arch}`, imageBuild(region, platform, arch, launch, now).index);
}

/**
 * Deregistered builds: a third of those over a year old, a fifth of those over six months, one in twelve of those
 * over two months (pulled), never a newer one. A region with three or more images has at least one.
 */
function isDeregistered(id: string, ageDays: number): boolean {
  const p = ageDays > 365 ? 1 / 3 : ageDays > 180 ? 1 / 5 : ageDays > 60 ? 1 / 12 : 0;
  return (hashSeed('ami-gone', id) % 1200) / 1200 < p;
}

function deriveImages(nodes: readonly SimNode[], now: number): Map<string, SimImage> {
  const users = new Map<string, { node: SimNode; count: number; firstLaunch: number }>();
  for (const n of nodes) {
    if (!n.ec2) continue;
    const u = users.get(n.ec2.imageId);
    if (!u) users.set(n.ec2.imageId, { node: n, count: 1, firstLaunch: n.ec2.launchTime });
    else {
      u.count++;
      u.firstLaunch = Math.min(u.firstLaunch, n.ec2.launchTime);
    }
  }
  const images = new Map<string, SimImage>();
  for (const [id, { node: n, firstLaunch }] of users) {
    const ec2 = n.ec2 as NonNullable<SimNode['ec2']>;
    let createdTime = imageBuild(n.region, n.platform, ec2.architecture, { launchTime: ec2.launchTime, reservationId: ec2.reservationId, asg: ec2.autoScalingGroup }, now).createdTime;
    // An image not launched the way this simulation launches (a node made by hand): created shortly before its first launch.
    if (createdTime > firstLaunch - 12 * HOUR) createdTime = Math.floor(firstLaunch - (1 + (hashSeed('ami', id) % 45)) * DAY);
    const owner = OWNERS[n.platform];
    images.set(id, {
      id, platform: n.platform, architecture: ec2.architecture, createdTime,
      name: imageName(n.platform, ec2.architecture, createdTime), ownerId: owner.id, ownerAlias: owner.alias,
      deregistered: isDeregistered(id, (now - createdTime) / DAY),
    });
  }
  // At least one deregistered image in a region with three or more: the most used of its oldest half.
  if (images.size >= 3 && ![...images.values()].some((i) => i.deregistered)) {
    const byAge = [...images.values()].sort((a, b) => a.createdTime - b.createdTime || a.id.localeCompare(b.id));
    const oldest = byAge.slice(0, Math.ceil(byAge.length / 2));
    const most = oldest.reduce((m, i) => ((users.get(i.id)?.count ?? 0) > (users.get(m.id)?.count ?? 0) ? i : m));
    most.deregistered = true;
  }
  return images;
}

const derived = new WeakMap<FleetStore, Map<string, Map<string, SimImage>>>();

/** The region's images (deregistered ones included), derived once per fleet. */
export function regionImages(store: FleetStore, region: string): Map<string, SimImage> {
  let byRegion = derived.get(store);
  if (!byRegion) derived.set(store, (byRegion = new Map()));
  let images = byRegion.get(region);
  if (!images) byRegion.set(region, (images = deriveImages(regionFleet(store, region).ec2, store.generatedAt)));
  return images;
}

export interface ImagesQuery {
  imageIds?: string[];
  filters?: Array<{ Name?: string; Values?: string[] }>;
  owners?: string[];
  executableUsers?: string[];
  maxResults?: number;
  nextToken?: string;
}

/**
 * DescribeImages by ID: ImageIds (an ID EC2 never knew fails the call) or the `image-id` filter (unknown IDs are
 * left out). Deregistered images are left out either way. Listing every image available (public ones included) is
 * not simulated.
 */
export function queryImages(store: FleetStore, region: string, query: ImagesQuery): SimImage[] {
  if (query.owners?.length || query.executableUsers?.length || query.maxResults !== undefined || query.nextToken !== undefined) {
    throw new SimError('InvalidParameterCombination', 'The simulated AWS describes images by ID only (ImageIds or the image-id filter), without Owners, ExecutableBy or paging.');
  }
  const images = regionImages(store, region);
  const ids = query.imageIds ?? [];
  const filters = query.filters ?? [];
  for (const f of filters) {
    if (f.Name !== 'image-id') throw new SimError('InvalidParameterValue', `The simulated AWS supports only the image-id filter for DescribeImages (got '${f.Name}')`);
  }
  if (ids.length === 0 && filters.length === 0) {
    throw new SimError('InvalidParameterCombination', 'The simulated AWS does not list every image available to the account: name the images (ImageIds or the image-id filter).');
  }
  const malformed = ids.find((id) => !AMI_ID.test(id));
  if (malformed !== undefined) throw new SimError('InvalidAMIID.Malformed', `Invalid id: "${malformed}" (expecting "ami-...")`);
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !images.has(id));
  if (missing.length === 1) throw new SimError('InvalidAMIID.NotFound', `The image id '[${missing[0]}]' does not exist`);
  if (missing.length > 1) throw new SimError('InvalidAMIID.NotFound', `The image ids '[${missing.join(', ')}]' do not exist`);
  const wanted = filters.map((f) => new Set(f.Values ?? []));
  const candidates = unique.length ? unique.map((id) => images.get(id) as SimImage) : [...images.values()];
  return candidates.filter((img) => !img.deregistered && wanted.every((w) => w.has(img.id)));
}
