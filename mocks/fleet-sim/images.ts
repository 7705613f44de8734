/**
 * AMIs: the images the simulated instances were launched from. Derived from the fleet (hashes of the image IDs, not
 * draws from the seeded sequence, so every generated node stays as it was): each image was created shortly before the
 * first instance launched from it, and one image in five has since been deregistered (EC2 no longer shows it
 * while instances still run it).
 */
import { DAY } from './clock';
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

function deriveImages(nodes: readonly SimNode[]): Map<string, SimImage> {
  const first = new Map<string, SimNode>();
  for (const n of nodes) {
    if (!n.ec2) continue;
    const seen = first.get(n.ec2.imageId);
    if (!seen || n.ec2.launchTime < (seen.ec2 as NonNullable<SimNode['ec2']>).launchTime) first.set(n.ec2.imageId, n);
  }
  const images = new Map<string, SimImage>();
  // Every fifth image (in hash order) is deregistered, so a region with three or more images always has one.
  const order = [...first.keys()].sort((a, b) => hashSeed('ami', a) - hashSeed('ami', b) || a.localeCompare(b));
  for (const [id, n] of first) {
    const ec2 = n.ec2 as NonNullable<SimNode['ec2']>;
    const h = hashSeed('ami', id);
    const createdTime = Math.floor(ec2.launchTime - (1 + (h % 45)) * DAY - ((h >>> 8) % 86_400) * 1000);
    const owner = OWNERS[n.platform];
    images.set(id, {
      id, platform: n.platform, architecture: ec2.architecture, createdTime,
      name: imageName(n.platform, ec2.architecture, createdTime), ownerId: owner.id, ownerAlias: owner.alias,
      deregistered: order.indexOf(id) % 5 === 2,
    });
  }
  return images;
}

const derived = new WeakMap<FleetStore, Map<string, Map<string, SimImage>>>();

/** The region's images (deregistered ones included), derived once per fleet. */
export function regionImages(store: FleetStore, region: string): Map<string, SimImage> {
  let byRegion = derived.get(store);
  if (!byRegion) derived.set(store, (byRegion = new Map()));
  let images = byRegion.get(region);
  if (!images) byRegion.set(region, (images = deriveImages(regionFleet(store, region).ec2)));
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
