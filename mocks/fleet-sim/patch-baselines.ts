/**
 * Patch baseline definitions: AWS's predefined baselines (owned by AWS, the same in every
 * account of a region, IDs are ARNs) and the custom baselines the simulated account owns.
 */
import type { PatchFamily } from './types';

export interface PatchFilterDef {
  Key: string;
  Values: string[];
}

export interface PatchRuleDef {
  filters: PatchFilterDef[];
  complianceLevel: string;
  approveAfterDays?: number;
  /** YYYY-MM-DD, instead of approveAfterDays. */
  approveUntilDate?: string;
  enableNonSecurity: boolean;
}

export interface SimBaseline {
  id: string;
  name: string;
  operatingSystem: string;
  description: string;
  owner: 'AWS' | 'Self';
  rules: PatchRuleDef[];
  globalFilters: PatchFilterDef[];
  approvedPatches: string[];
  rejectedPatches: string[];
  rejectedPatchesAction: 'ALLOW_AS_DEPENDENCY' | 'BLOCK';
  patchGroups: string[];
  createdDate: number;
  modifiedDate: number;
}

/** The OperatingSystem value of each platform family in the fleet. */
export const OS_OF_FAMILY: Record<PatchFamily, string> = {
  'amazon-linux': 'AMAZON_LINUX_2023',
  ubuntu: 'UBUNTU',
  rhel: 'REDHAT_ENTERPRISE_LINUX',
  windows: 'WINDOWS',
};

const all = (key: string): PatchFilterDef => ({ Key: key, Values: ['*'] });
const f = (key: string, ...values: string[]): PatchFilterDef => ({ Key: key, Values: values });

type Kind = 'rpm' | 'deb' | 'windows' | 'suse' | 'macos';

export function rulesFor(kind: Kind, days: number, level = 'UNSPECIFIED', nonSecurity = false): PatchRuleDef[] {
  const rule = (filters: PatchFilterDef[]): PatchRuleDef => ({ filters, complianceLevel: level, approveAfterDays: days, enableNonSecurity: nonSecurity });
  switch (kind) {
    case 'deb':
      return [rule([all('PRODUCT'), all('SECTION'), f('PRIORITY', 'Required', 'Important', 'Standard', 'Optional', 'Extra')])];
    case 'windows':
      return [rule([all('PRODUCT'), f('CLASSIFICATION', 'CriticalUpdates', 'SecurityUpdates'), f('MSRC_SEVERITY', 'Critical', 'Important')])];
    case 'suse':
      return [rule([all('PRODUCT'), f('CLASSIFICATION', 'Security', 'Recommended'), f('SEVERITY', 'Critical', 'Important')])];
    case 'macos':
      return [rule([all('PRODUCT'), f('CLASSIFICATION', 'Security', 'Bugfix')])];
    default:
      return [
        rule([all('PRODUCT'), f('CLASSIFICATION', 'Security'), f('SEVERITY', 'Critical', 'Important')]),
        rule([all('PRODUCT'), f('CLASSIFICATION', 'Bugfix')]),
      ];
  }
}

/** [name, OperatingSystem, description, rule kind, approval delay in days]; Debian-family repos have no release dates, so no delay. */
export const AWS_BASELINES: ReadonlyArray<readonly [string, string, string, Kind, number]> = [
  ['AWS-DefaultPatchBaseline', 'WINDOWS', 'Default Patch Baseline Provided by AWS.', 'windows', 7],
  ['AWS-WindowsPredefinedPatchBaseline-OS', 'WINDOWS', 'Windows Server patch baseline that approves critical and security updates for the operating system 7 days after release.', 'windows', 7],
  ['AWS-WindowsPredefinedPatchBaseline-OS-Applications', 'WINDOWS', 'Windows Server patch baseline that approves critical and security updates for the operating system and Microsoft applications 7 days after release.', 'windows', 7],
  ['AWS-AmazonLinuxDefaultPatchBaseline', 'AMAZON_LINUX', 'Default Patch Baseline for Amazon Linux Provided by AWS.', 'rpm', 7],
  ['AWS-AmazonLinux2DefaultPatchBaseline', 'AMAZON_LINUX_2', 'Default Patch Baseline for Amazon Linux 2 Provided by AWS.', 'rpm', 7],
  ['AWS-AmazonLinux2022DefaultPatchBaseline', 'AMAZON_LINUX_2022', 'Default Patch Baseline for Amazon Linux 2022 Provided by AWS.', 'rpm', 7],
  ['AWS-AmazonLinux2023DefaultPatchBaseline', 'AMAZON_LINUX_2023', 'Default Patch Baseline for Amazon Linux 2023 Provided by AWS.', 'rpm', 7],
  ['AWS-UbuntuDefaultPatchBaseline', 'UBUNTU', 'Default Patch Baseline for Ubuntu Provided by AWS.', 'deb', 0],
  ['AWS-DebianDefaultPatchBaseline', 'DEBIAN', 'Default Patch Baseline for Debian Provided by AWS.', 'deb', 0],
  ['AWS-RaspbianDefaultPatchBaseline', 'RASPBIAN', 'Default Patch Baseline for Raspbian Provided by AWS.', 'deb', 0],
  ['AWS-RedHatDefaultPatchBaseline', 'REDHAT_ENTERPRISE_LINUX', 'Default Patch Baseline for Redhat Enterprise Linux Provided by AWS.', 'rpm', 7],
  ['AWS-CentOSDefaultPatchBaseline', 'CENTOS', 'Default Patch Baseline for CentOS Provided by AWS.', 'rpm', 7],
  ['AWS-OracleLinuxDefaultPatchBaseline', 'ORACLE_LINUX', 'Default Patch Baseline for Oracle Linux Server Provided by AWS.', 'rpm', 7],
  ['AWS-RockyLinuxDefaultPatchBaseline', 'ROCKY_LINUX', 'Default Patch Baseline for Rocky Linux Provided by AWS.', 'rpm', 7],
  ['AWS-AlmaLinuxDefaultPatchBaseline', 'ALMA_LINUX', 'Default Patch Baseline for Alma Linux Provided by AWS.', 'rpm', 7],
  ['AWS-SuseDefaultPatchBaseline', 'SUSE', 'Default Patch Baseline for Suse Provided by AWS.', 'suse', 7],
  ['AWS-MacOSDefaultPatchBaseline', 'MACOS', 'Default Patch Baseline for MacOS Provided by AWS.', 'macos', 0],
];

export interface CustomBaselineDef {
  /** The infra key whose generated ID it uses, or a name to derive one from. */
  key: string;
  name: string;
  operatingSystem: string;
  description: string;
  patchGroup: string;
  kind: Kind;
  days?: number;
  /** Days before generation for ApproveUntilDate (instead of days). */
  untilDaysAgo?: number;
  level: string;
  nonSecurity?: boolean;
  products: string[];
  rejected?: string[];
  /** The region's default baseline for its operating system. */
  isDefault?: boolean;
}

export const CUSTOM_BASELINES: readonly CustomBaselineDef[] = [
  { key: 'prod-linux', name: 'prod-linux-baseline', operatingSystem: 'AMAZON_LINUX_2023', description: 'Production Amazon Linux 2023: security and bugfix updates 7 days after release', patchGroup: 'prod-linux', kind: 'rpm', days: 7, level: 'CRITICAL', products: ['AmazonLinux2023'], rejected: ['openssh-8.7p1-8.amzn2023.0.4'], isDefault: true },
  { key: 'prod-ubuntu', name: 'prod-ubuntu-baseline', operatingSystem: 'UBUNTU', description: 'Production Ubuntu: required, important and standard packages', patchGroup: 'prod-linux', kind: 'deb', days: 0, level: 'HIGH', products: ['Ubuntu22.04', 'Ubuntu24.04'] },
  { key: 'prod-rhel', name: 'prod-rhel-baseline', operatingSystem: 'REDHAT_ENTERPRISE_LINUX', description: 'Production RHEL 9: security updates released before the last approval date', patchGroup: 'prod-linux', kind: 'rpm', untilDaysAgo: 10, level: 'CRITICAL', products: ['RedhatEnterpriseLinux9.2', 'RedhatEnterpriseLinux9.4', 'RedhatEnterpriseLinux9.5'] },
  { key: 'prod-windows', name: 'prod-windows-baseline', operatingSystem: 'WINDOWS', description: 'Production Windows Server: critical and security updates 7 days after release', patchGroup: 'prod-windows', kind: 'windows', days: 7, level: 'CRITICAL', products: ['WindowsServer2019', 'WindowsServer2022'], rejected: ['KB5034439'] },
  { key: 'staging-linux', name: 'staging-linux-baseline', operatingSystem: 'AMAZON_LINUX_2023', description: 'Staging Amazon Linux 2023: security and bugfix updates 3 days after release', patchGroup: 'staging-linux', kind: 'rpm', days: 3, level: 'HIGH', products: ['AmazonLinux2023'] },
  { key: 'staging-windows', name: 'staging-windows-baseline', operatingSystem: 'WINDOWS', description: 'Staging Windows Server: critical and security updates 3 days after release', patchGroup: 'staging-windows', kind: 'windows', days: 3, level: 'HIGH', products: ['WindowsServer2019', 'WindowsServer2022'] },
  { key: 'dev-linux', name: 'dev-linux-baseline', operatingSystem: 'AMAZON_LINUX_2023', description: 'Development Amazon Linux 2023: every update as soon as it is released', patchGroup: 'dev-linux', kind: 'rpm', days: 0, level: 'MEDIUM', nonSecurity: true, products: ['AmazonLinux2023'] },
  { key: 'dev-ubuntu', name: 'dev-ubuntu-baseline', operatingSystem: 'UBUNTU', description: 'Development Ubuntu: every update as soon as it is released', patchGroup: 'dev-linux', kind: 'deb', days: 0, level: 'MEDIUM', nonSecurity: true, products: ['Ubuntu22.04', 'Ubuntu24.04'] },
  { key: 'dev-windows', name: 'dev-windows-baseline', operatingSystem: 'WINDOWS', description: 'Development Windows Server: security updates as soon as they are released', patchGroup: 'dev-windows', kind: 'windows', days: 0, level: 'MEDIUM', products: ['WindowsServer2019', 'WindowsServer2022'] },
];
