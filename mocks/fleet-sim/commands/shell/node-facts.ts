/**
 * What a script sees on a node, derived once per node from its record (deterministic):
 * host name, OS release, kernel, memory, disk, network, and the services installed
 * (a base set per distribution plus the application's own). Nodes never change these.
 */
import { platformSpec } from '../../catalog';
import { hashSeed } from '../../prng';
import type { SimNode } from '../../types';

export type Family = 'amazon-linux' | 'ubuntu' | 'rhel' | 'windows';

export interface NodeFacts {
  id: string;
  hostname: string;
  ip: string;
  mac: string;
  family: Family;
  /** The shell `sh` is on this distribution (Ubuntu: dash) or PowerShell. */
  shell: 'bash' | 'dash' | 'powershell';
  platformVersion: string;
  kernel: string;
  arch: 'x86_64' | 'aarch64';
  memMiB: number;
  vcpus: number;
  diskGiB: number;
  diskUsedPct: number;
  bootTime: number;
  /** Installed services (systemd unit names without .service, or Windows service names). */
  services: ReadonlySet<string>;
  /** An EC2 instance (not a hybrid node): it has instance metadata. */
  ec2: boolean;
}

const MEMORY: Record<string, [number, number]> = {
  micro: [1, 2], small: [2, 2], medium: [4, 2], large: [8, 2], xlarge: [16, 4], '2xlarge': [32, 8],
};

/** A deterministic number in [0, 1) for the given parts. */
export const unit = (...parts: Array<string | number>): number => hashSeed(...parts) / 2 ** 32;

function memoryOf(node: SimNode): [number, number] {
  const type = node.ec2?.instanceType ?? 'm5.large';
  const [family, size] = type.split('.');
  const [gib, vcpus] = MEMORY[size] ?? [8, 2];
  // r (memory-optimised) types have twice the memory, c (compute) half.
  const factor = family.startsWith('r') ? 2 : family.startsWith('c') ? 0.5 : 1;
  return [Math.round(gib * factor * 1024 * 0.955), vcpus];
}

const KERNELS: Record<string, string[]> = {
  al2023: ['6.1.102-111.182.amzn2023', '6.1.97-104.177.amzn2023', '6.1.94-99.176.amzn2023'],
  ubuntu2204: ['6.5.0-1022-aws', '6.8.0-1015-aws', '5.15.0-1066-aws'],
  ubuntu2404: ['6.8.0-1016-aws', '6.8.0-1012-aws'],
  rhel9: ['5.14.0-427.28.1.el9_4', '5.14.0-427.24.1.el9_4', '5.14.0-503.11.1.el9_5'],
};

const APP_SERVICES: Record<string, string[]> = {
  web: ['nginx'], api: ['docker', 'api'], worker: ['docker', 'worker'], db: ['postgresql'], cache: ['redis'], etl: ['docker'],
  search: ['opensearch'], auth: ['auth'], payments: ['payments'], monitoring: ['prometheus', 'grafana-server'],
  'iis-web': ['W3SVC', 'WAS'], sql: ['MSSQLSERVER', 'SQLSERVERAGENT'], ad: ['NTDS', 'DNS', 'Netlogon'], fileserver: ['DFSR'], reporting: ['ReportServer'],
};

const BASE_SERVICES: Record<Family, string[]> = {
  'amazon-linux': ['sshd', 'crond', 'chronyd', 'amazon-ssm-agent', 'systemd-journald', 'rsyslog'],
  rhel: ['sshd', 'crond', 'chronyd', 'amazon-ssm-agent', 'systemd-journald', 'rsyslog', 'firewalld'],
  // Ubuntu's agent is a snap: its unit is snap.amazon-ssm-agent.amazon-ssm-agent.
  ubuntu: ['ssh', 'cron', 'chrony', 'snap.amazon-ssm-agent.amazon-ssm-agent', 'systemd-journald', 'rsyslog', 'unattended-upgrades'],
  windows: ['W32Time', 'Spooler', 'WinRM', 'AmazonSSMAgent', 'Dnscache', 'wuauserv', 'EventLog', 'LanmanServer', 'LanmanWorkstation', 'Schedule', 'TermService', 'EC2Launch'],
};

function servicesOf(node: SimNode, family: Family): Set<string> {
  const services = new Set(BASE_SERVICES[family]);
  // AL2023 ships without rsyslog (journald only); most teams install it.
  if (family === 'amazon-linux' && unit('rsyslog', node.id) < 0.15) services.delete('rsyslog');
  for (const s of APP_SERVICES[node.application] ?? []) services.add(family === 'rhel' && s === 'nginx' ? 'httpd' : s);
  if (family !== 'windows' && node.application !== 'web' && unit('nginx', node.id) < 0.08) services.add('nginx');
  return services;
}

const cache = new WeakMap<SimNode, NodeFacts>();

export function nodeFacts(node: SimNode): NodeFacts {
  const cached = cache.get(node);
  if (cached) return cached;
  const spec = platformSpec(node.platform);
  const family = spec.family as Family;
  const h = hashSeed('facts', node.id);
  const [memMiB, vcpus] = memoryOf(node);
  const kernels = KERNELS[node.platform] ?? ['10.0'];
  const ip = node.ssm?.ipAddress ?? node.ec2?.privateIp ?? '10.0.0.10';
  const macHex = (h >>> 0).toString(16).padStart(8, '0');
  const facts: NodeFacts = {
    id: node.id,
    hostname: node.ssm?.computerName ?? node.name,
    ip,
    mac: `0a:${macHex.slice(0, 2)}:${macHex.slice(2, 4)}:${macHex.slice(4, 6)}:${macHex.slice(6, 8)}:${((h >>> 3) & 0xff).toString(16).padStart(2, '0')}`,
    family,
    shell: family === 'windows' ? 'powershell' : family === 'ubuntu' ? 'dash' : 'bash',
    platformVersion: node.platformVersion,
    kernel: kernels[h % kernels.length],
    arch: node.ec2?.architecture === 'arm64' ? 'aarch64' : 'x86_64',
    memMiB,
    vcpus,
    diskGiB: family === 'windows' ? [30, 50, 100][h % 3] : [8, 20, 30, 50, 100][h % 5],
    diskUsedPct: 12 + (h % 61),
    bootTime: (node.ec2?.launchTime ?? node.ssm?.registrationDate ?? 0) + 41_000 + (h % 20_000),
    services: servicesOf(node, family),
    ec2: !!node.ec2,
  };
  cache.set(node, facts);
  return facts;
}
