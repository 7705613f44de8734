/**
 * AWS-RunPatchBaseline output, rendered on demand from a run's report: the Linux step's
 * log (payload download, baseline, dnf or apt transaction, summary) and the Windows
 * step's "Patch Summary" and installation results. Verbose runs add the package
 * manager's full transaction and the node's package inventory (well over 24,000 chars).
 */
import { platformSpec } from '../catalog';
import { createRng, hashSeed } from '../prng';
import type { PatchDef, SimNode } from '../types';
import type { PatchRunReport, SimCommand, SimInvocation } from './types';

const FAILURES: Record<string, readonly string[]> = {
  'amazon-linux': [
    "Errors during downloading metadata for repository 'amazonlinux':\n  - Curl error (28): Timeout was reached for https://cdn.amazonlinux.com/al2023/core/mirrors/latest/x86_64/mirror.list [Connection timed out after 30000 milliseconds]\nError: Failed to download metadata for repo 'amazonlinux': Cannot prepare internal mirrorlist: Curl error (28): Timeout was reached for https://cdn.amazonlinux.com/al2023/core/mirrors/latest/x86_64/mirror.list [Connection timed out after 30000 milliseconds]",
    "Error: Transaction test error:\n  installing package kernel-6.1.94-99.176.amzn2023.x86_64 needs 52MB more space on the /boot filesystem",
  ],
  rhel: [
    "Error: Failed to download metadata for repo 'rhel-9-baseos-rhui-rpms': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried",
    'Error: Transaction test error:\n  file /usr/lib64/libcrypto.so.3 from install of openssl-libs-1:3.0.7-27.el9.x86_64 conflicts with file from package compat-openssl30-libs-3.0.1-1.x86_64',
  ],
  ubuntu: [
    'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2381 (unattended-upgr)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?',
    'E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/o/openssl/libssl3_3.0.2-0ubuntu1.15_amd64.deb  503  Service Unavailable [IP: 91.189.91.83 80]\nE: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?',
  ],
  windows: [
    'Invoke-PatchBaselineOperation : Exception Details: An error occurred when attempting to install updates: Exception from HRESULT: 0x80240022 (WU_E_ALL_UPDATES_FAILED) Operation failed for all the updates.',
    'Invoke-PatchBaselineOperation : Exception Details: An error occurred when attempting to install updates: Exception from HRESULT: 0x80070643 (ERROR_INSTALL_FAILURE) Fatal error during installation.',
  ],
};

const LINUX_BASE = ['acl', 'audit', 'basesystem', 'bash', 'bzip2-libs', 'ca-certificates', 'chrony', 'cloud-init', 'coreutils', 'cracklib', 'cronie', 'curl', 'cyrus-sasl-lib', 'dbus', 'device-mapper', 'diffutils', 'dnf', 'dracut', 'e2fsprogs', 'ec2-utils', 'elfutils-libs', 'ethtool', 'expat', 'file', 'findutils', 'gawk', 'gdbm-libs', 'glib2', 'glibc', 'gmp', 'gnupg2', 'gnutls', 'grep', 'grub2-common', 'gzip', 'hostname', 'iproute', 'iptables-libs', 'json-c', 'kbd', 'keyutils-libs', 'kmod', 'krb5-libs', 'less', 'libacl', 'libattr', 'libblkid', 'libcap', 'libcurl', 'libdb', 'libffi', 'libgcc', 'libidn2', 'libmount', 'libnghttp2', 'libpwquality', 'libselinux', 'libsepol', 'libsmartcols', 'libssh', 'libstdc++', 'libtasn1', 'libunistring', 'libuuid', 'libxml2', 'libzstd', 'lua-libs', 'lz4-libs', 'mpfr', 'ncurses', 'nettle', 'nss', 'openldap', 'openssh', 'openssl-libs', 'p11-kit', 'pam', 'pcre2', 'policycoreutils', 'popt', 'procps-ng', 'python3', 'python3-libs', 'readline', 'rpm', 'rsyslog', 'sed', 'setup', 'shadow-utils', 'sqlite-libs', 'sudo', 'systemd', 'systemd-libs', 'tar', 'tzdata', 'util-linux', 'vim-minimal', 'which', 'xz-libs', 'yum', 'zlib'];

function nameAndVersion(def: PatchDef): [string, string] {
  const m = /^(\S+?):(?:0:)?(\S+) \(/.exec(def.title);
  return m ? [m[1], m[2]] : [def.kbId, '1.0'];
}

const stamp = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
const dotnet = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

function inventory(node: SimNode, family: string): string[] {
  const rng = createRng(hashSeed('inventory', node.id));
  const arch = family === 'ubuntu' ? 'amd64' : 'x86_64';
  const out: string[] = [];
  for (let i = 0; i < 340; i++) {
    const base = LINUX_BASE[i % LINUX_BASE.length];
    const name = i < LINUX_BASE.length ? base : `${base}-${['devel', 'common', 'tools', 'data', 'doc'][i % 5]}`;
    out.push(`  ${name}.${arch}`.padEnd(44) + `${1 + rng.int(9)}.${rng.int(40)}.${rng.int(30)}-${1 + rng.int(20)}`.padEnd(26) + (family === 'ubuntu' ? 'installed' : '@System'));
  }
  return out;
}

function linuxTransaction(report: PatchRunReport, node: SimNode, family: string, log: (s: string) => void): void {
  const patches = [...report.installed, ...report.failed];
  if (patches.length === 0) {
    log(family === 'ubuntu' ? 'Reading package lists...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.' : 'Dependencies resolved.\nNothing to do.\nComplete!');
    return;
  }
  if (family === 'ubuntu') {
    log('Reading package lists...\nBuilding dependency tree...\nReading state information...');
    log(`The following packages will be upgraded:\n  ${patches.map((p) => nameAndVersion(p)[0]).join(' ')}`);
    log(`${patches.length} upgraded, 0 newly installed, 0 to remove and 0 not upgraded.`);
    const codename = node.platformVersion.startsWith('24') ? 'noble' : 'jammy';
    patches.forEach((p, i) => log(`Get:${i + 1} http://archive.ubuntu.com/ubuntu ${codename}-updates/main amd64 ${nameAndVersion(p).join(' amd64 ')} [${100 + i * 37} kB]`));
    for (const p of report.installed) log(`Setting up ${nameAndVersion(p)[0]}:amd64 (${nameAndVersion(p)[1]}) ...`);
    return;
  }
  log('Dependencies resolved.\n' + '='.repeat(80) + '\n Package'.padEnd(28) + 'Arch'.padEnd(10) + 'Version'.padEnd(34) + 'Repository\n' + '='.repeat(80) + '\nUpgrading:');
  for (const p of patches) log(` ${nameAndVersion(p)[0].replace(/\.x86_64$/, '')}`.padEnd(27) + 'x86_64'.padEnd(10) + nameAndVersion(p)[1].padEnd(34) + (family === 'rhel' ? 'rhel-9-baseos-rhui-rpms' : 'amazonlinux'));
  log(`\nTransaction Summary\n${'='.repeat(80)}\nUpgrade  ${patches.length} Packages\n`);
  log('Running transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction');
  report.installed.forEach((p, i) => log(`  Upgrading        : ${nameAndVersion(p).join('-')}`.padEnd(72) + `${i + 1}/${report.installed.length}`));
  if (report.installed.length > 0) log(`\nUpgraded:\n  ${report.installed.map((p) => nameAndVersion(p).join('-')).join('\n  ')}\n\nComplete!`);
}

function linuxOutput(cmd: SimCommand, inv: SimInvocation, node: SimNode, report: PatchRunReport, family: string): string {
  const lines: string[] = [];
  let t = inv.startedAt ?? cmd.requestedAt;
  const step = Math.max(20, ((inv.endedAt ?? t) - t) / 18); // log lines spread over the run
  const info = (s: string) => lines.push(`${stamp((t += step))} root [INFO]: ${s}`);
  const log = (s: string) => lines.push(s);
  log(`/usr/bin/python3\n${family === 'ubuntu' ? '/usr/bin/apt-get' : '/usr/bin/dnf'}`);
  info(`Downloading payload from https://s3.dualstack.${cmd.region}.amazonaws.com/aws-ssm-${cmd.region}/patchbaselineoperations/linux/payloads/patch-baseline-operations-1.144.tar.gz`);
  info('Attempting to import entrance file os_selector');
  info(`Running with snapshot id = ${report.snapshotId} and operation = ${report.operation}`);
  info(`Instance Id: ${node.id}`);
  info(`Region: ${cmd.region}`);
  info(`Product: ${platformSpec(node.platform).platformName.replaceAll(' ', '')}${node.platformVersion}`);
  info(`Patch group: ${report.patchGroup}`);
  info(`Operating system: ${report.operatingSystem}`);
  info(`Baseline: ${report.baselineName} (${report.baselineId})`);
  info(`Reboot option: ${report.rebootOption}`);
  if (report.operation === 'Install') {
    info(`Start installing updates: ${report.installed.length + report.failed.length} approved patches are missing.`);
    if (report.failure === undefined) linuxTransaction(report, node, family, log);
    else lines.push(`${stamp((t += step))} root [ERROR]: The package manager failed; no updates were installed.`);
    if (report.verbose) log(`Installed Packages\n${inventory(node, family).join('\n')}`);
  } else info('Start scanning instance for updates.');
  const c = report.counts;
  info(`Summary: InstalledCount=${c.InstalledCount}, InstalledOtherCount=${c.InstalledOtherCount}, InstalledPendingRebootCount=${c.InstalledPendingRebootCount}, InstalledRejectedCount=${c.InstalledRejectedCount}, MissingCount=${c.MissingCount}, FailedCount=${c.FailedCount}, NotApplicableCount=${c.NotApplicableCount}`);
  if (report.failure === undefined) info('Report upload successful.');
  if (report.rebooted) info('Reboot is required. Rebooting the instance to complete the installation.');
  else if (report.operation === 'Install' && report.failure === undefined) info(report.rebootOption === 'NoReboot' ? 'Reboot option is NoReboot: the instance will not be rebooted.' : 'No reboot is required.');
  return `${lines.join('\n')}\n`;
}

function windowsOutput(inv: SimInvocation, node: SimNode, report: PatchRunReport): string {
  const c = report.counts;
  const rows: Array<[string, string | number]> = [
    ['PatchGroup', report.patchGroup], ['BaselineId', report.baselineId], ['SnapshotId', report.snapshotId], ['OwnerInformation', ''],
    ['OperationType', report.operation], ['OperationStartTime', dotnet(inv.startedAt ?? 0)], ['OperationEndTime', dotnet(inv.endedAt ?? inv.endAt ?? 0)],
    ['InstalledCount', c.InstalledCount], ['InstalledRejectedCount', c.InstalledRejectedCount], ['InstalledPendingRebootCount', c.InstalledPendingRebootCount],
    ['InstalledOtherCount', c.InstalledOtherCount], ['FailedCount', c.FailedCount], ['MissingCount', c.MissingCount], ['NotApplicableCount', c.NotApplicableCount],
    ['UnreportedNotApplicableCount', 0],
  ];
  const lines = [`Patch Summary for ${node.id}`, ...rows.map(([k, v]) => `${k.padEnd(28)} : ${v}`), ''];
  if (report.operation === 'Install') {
    const results = [...report.installed.map((p) => [p.kbId, 'True', 'Success']), ...report.failed.map((p) => [p.kbId, 'False', 'Failed'])];
    if (report.verbose) {
      for (const [kb] of results) for (let pct = 10; pct <= 100; pct += 10) lines.push(`Downloading ${kb}: ${pct}% complete.`, `Installing ${kb}: ${pct}% complete.`);
      for (let i = 0; i < 300; i++) lines.push(`Installed update KB50${String(10000 + i * 37).padStart(5, '0')} (${['Security Update', 'Cumulative Update', 'Update for .NET Framework', 'Servicing Stack Update'][i % 4]}) - ${dotnet((inv.startedAt ?? 0) - (i + 1) * 86_400_000 * 3)}`);
    }
    lines.push(`${node.ssm?.computerName ?? node.id} - PatchBaselineOperations Installation Results - ${dotnet(inv.endedAt ?? 0).slice(0, 23)}`, '');
    lines.push('KbArticleId Installed Message', '----------- --------- -------', ...results.map(([kb, ok, msg]) => `${kb.padEnd(11)} ${ok.padEnd(9)} ${msg}`));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** stdout and stderr of the run's patch step. */
export function renderPatchOutput(cmd: SimCommand, inv: SimInvocation, node: SimNode, report: PatchRunReport): { stdout: string; stderr: string } {
  const family = platformSpec(node.platform).family;
  const stdout = family === 'windows' ? windowsOutput(inv, node, report) : linuxOutput(cmd, inv, node, report, family);
  if (report.failure === undefined) return { stdout, stderr: '' };
  const messages = FAILURES[family];
  return { stdout, stderr: `${messages[report.failure % messages.length]}\nfailed to run commands: exit status 1` };
}
