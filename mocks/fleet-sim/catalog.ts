/** Static data the generator draws from: platforms, applications, agent versions. */
import type { Environment, PatchFamily, PlatformKey } from './types';

export interface PlatformSpec {
  key: PlatformKey;
  weight: number;
  family: PatchFamily;
  platformType: 'Linux' | 'Windows';
  /** PlatformName / PlatformVersion exactly as SSM reports them. */
  platformName: string;
  platformVersions: readonly string[];
  /** EC2 platformDetails. */
  platformDetails: string;
  rootDeviceName: string;
  arm64: boolean;
}

export const PLATFORMS: readonly PlatformSpec[] = [
  { key: 'al2023', weight: 38, family: 'amazon-linux', platformType: 'Linux', platformName: 'Amazon Linux', platformVersions: ['2023'], platformDetails: 'Linux/UNIX', rootDeviceName: '/dev/xvda', arm64: true },
  { key: 'ubuntu2204', weight: 16, family: 'ubuntu', platformType: 'Linux', platformName: 'Ubuntu', platformVersions: ['22.04'], platformDetails: 'Linux/UNIX', rootDeviceName: '/dev/sda1', arm64: true },
  { key: 'ubuntu2404', weight: 13, family: 'ubuntu', platformType: 'Linux', platformName: 'Ubuntu', platformVersions: ['24.04'], platformDetails: 'Linux/UNIX', rootDeviceName: '/dev/sda1', arm64: true },
  { key: 'rhel9', weight: 11, family: 'rhel', platformType: 'Linux', platformName: 'Red Hat Enterprise Linux', platformVersions: ['9.4', '9.4', '9.5', '9.2'], platformDetails: 'Red Hat Enterprise Linux', rootDeviceName: '/dev/sda1', arm64: false },
  { key: 'win2019', weight: 9, family: 'windows', platformType: 'Windows', platformName: 'Microsoft Windows Server 2019 Datacenter', platformVersions: ['10.0.17763'], platformDetails: 'Windows', rootDeviceName: '/dev/sda1', arm64: false },
  { key: 'win2022', weight: 13, family: 'windows', platformType: 'Windows', platformName: 'Microsoft Windows Server 2022 Datacenter', platformVersions: ['10.0.20348'], platformDetails: 'Windows', rootDeviceName: '/dev/sda1', arm64: false },
];

export const PLATFORM_BY_KEY = new Map(PLATFORMS.map((p) => [p.key, p]));

export function platformSpec(key: PlatformKey): PlatformSpec {
  return PLATFORM_BY_KEY.get(key) as PlatformSpec;
}

/** Applications by OS, with their owning team and instance types. */
export const LINUX_APPS = [
  { app: 'web', team: 'storefront', types: ['t3.medium', 'm6i.large', 'm7g.large'], asg: true, publicIp: 0.3 },
  { app: 'api', team: 'platform', types: ['m6i.large', 'm6i.xlarge', 'c7g.xlarge'], asg: true, publicIp: 0 },
  { app: 'worker', team: 'platform', types: ['c6i.large', 'c7g.xlarge', 't3.large'], asg: true, publicIp: 0 },
  { app: 'db', team: 'data', types: ['r6i.large', 'r6i.xlarge'], asg: false, publicIp: 0 },
  { app: 'cache', team: 'data', types: ['r6g.large', 'r6i.large'], asg: false, publicIp: 0 },
  { app: 'etl', team: 'data', types: ['m6i.xlarge', 'c6i.2xlarge'], asg: false, publicIp: 0 },
  { app: 'search', team: 'search', types: ['r6i.xlarge', 'm6i.xlarge'], asg: false, publicIp: 0 },
  { app: 'auth', team: 'identity', types: ['t3.medium', 'm6i.large'], asg: true, publicIp: 0 },
  { app: 'payments', team: 'payments', types: ['m6i.large', 'c6i.large'], asg: true, publicIp: 0 },
  { app: 'bastion', team: 'ops', types: ['t3.micro', 't4g.small'], asg: false, publicIp: 1 },
  { app: 'monitoring', team: 'ops', types: ['t3.large', 'm6i.large'], asg: false, publicIp: 0 },
] as const;

export const WINDOWS_APPS = [
  { app: 'iis-web', team: 'storefront', types: ['t3.large', 'm6i.large'], asg: true, publicIp: 0.2 },
  { app: 'sql', team: 'data', types: ['r6i.xlarge', 'r5.2xlarge'], asg: false, publicIp: 0 },
  { app: 'ad', team: 'identity', types: ['t3.large', 'm5.large'], asg: false, publicIp: 0 },
  { app: 'fileserver', team: 'ops', types: ['m5.xlarge', 'm6i.large'], asg: false, publicIp: 0 },
  { app: 'reporting', team: 'finance', types: ['m6i.xlarge', 't3.xlarge'], asg: false, publicIp: 0 },
] as const;

export type AppSpec = (typeof LINUX_APPS)[number] | (typeof WINDOWS_APPS)[number];

/** Graviton types (arm64). */
export const ARM_TYPE = /^[a-z]\dg\./;

export const ENVIRONMENTS: ReadonlyArray<readonly [Environment, number]> = [['prod', 50], ['staging', 20], ['dev', 30]];

export const LATEST_AGENT = '3.3.1142.0';
export const AGENT_VERSIONS: ReadonlyArray<readonly [string, number]> = [
  [LATEST_AGENT, 72],
  ['3.3.987.0', 9], ['3.3.808.0', 6], ['3.2.2303.0', 5],
  ['3.2.1705.0', 3], ['3.1.1732.0', 2],
  ['3.0.1390.0', 2], ['2.3.1644.0', 1],
];

export const HYBRID_LOCATIONS = ['dc-frankfurt', 'dc-virginia', 'office-sydney', 'dc-dublin'] as const;
