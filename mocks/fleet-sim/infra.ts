/** Per-region scaffolding the nodes live in: AZs, a VPC and subnets, AMIs, patch baselines. */
import { PLATFORMS } from './catalog';
import type { Rng } from './prng';
import type { PlatformKey } from './types';

export interface RegionInfra {
  region: string;
  vpcId: string;
  vpcOctet: number;
  azs: string[];
  subnets: string[];
  amis: Map<string, string>;
  securityGroups: Array<{ id: string; name: string }>;
  baselines: Map<string, string>;
}

const AZ_LETTERS: Record<string, string> = { 'us-east-1': 'abcdf', 'eu-west-1': 'abc', 'ap-southeast-2': 'abc' };

export function buildInfra(region: string, index: number, rng: Rng): RegionInfra {
  const letters = AZ_LETTERS[region] ?? 'abc';
  const azs = [...letters].map((l) => `${region}${l}`);
  const amis = new Map<string, string>();
  for (const p of PLATFORMS) {
    amis.set(`${p.key}/x86_64`, `ami-0${rng.hex(16)}`);
    if (p.arm64) amis.set(`${p.key}/arm64`, `ami-0${rng.hex(16)}`);
  }
  const baselines = new Map<string, string>();
  for (const env of ['prod', 'staging', 'dev']) {
    for (const os of ['linux', 'windows']) baselines.set(`${env}-${os}`, `pb-0${rng.hex(16)}`);
  }
  // Still drawn so the seeded sequence (and every node after it) stays the same; the region's
  // defaults are resolved by patch-config.ts, which uses the env-os IDs above for its own baselines.
  for (const p of PLATFORMS) baselines.set(`default/${p.family}`, `pb-0${rng.hex(16)}`);
  return {
    region,
    vpcId: `vpc-0${rng.hex(16)}`,
    vpcOctet: 10 + index * 10,
    azs,
    subnets: azs.map(() => `subnet-0${rng.hex(16)}`),
    amis,
    securityGroups: [
      { id: `sg-0${rng.hex(16)}`, name: 'app-servers' },
      { id: `sg-0${rng.hex(16)}`, name: 'web-public' },
      { id: `sg-0${rng.hex(16)}`, name: 'data-tier' },
    ],
    baselines,
  };
}

export function amiFor(infra: RegionInfra, platform: PlatformKey, arch: string): string {
  return infra.amis.get(`${platform}/${arch}`) ?? (infra.amis.get(`${platform}/x86_64`) as string);
}

export function baselineFor(infra: RegionInfra, patchGroup: string, family: string): string {
  return infra.baselines.get(patchGroup) ?? (infra.baselines.get(`default/${family}`) as string);
}

/** Private DNS / hostname as EC2 and the OS report it in this region. */
export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(region: string, ip: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}
