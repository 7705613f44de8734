/**
 * Per-platform patch catalogs: Amazon Linux ALAS advisories, Ubuntu USNs, RHEL RHSAs
 * (with CVE IDs) and Windows KBs. Built once, deterministically (independent of the
 * fleet seed), newest last.
 */
import { createRng, type Rng } from './prng';
import type { PatchDef, PatchFamily } from './types';

const LINUX_PACKAGES = [
  'kernel', 'openssl', 'openssh', 'glibc', 'curl', 'sudo', 'systemd', 'python3', 'bind-libs', 'libxml2',
  'vim-minimal', 'expat', 'nss', 'krb5-libs', 'libssh', 'git', 'tar', 'zlib', 'sqlite', 'less',
  'polkit', 'libarchive', 'rsync', 'pam', 'bash', 'util-linux', 'gnutls', 'libcurl', 'perl', 'nginx',
];
const UBUNTU_PACKAGES = [
  'linux-image-generic', 'openssl', 'openssh-server', 'libc6', 'curl', 'sudo', 'systemd', 'python3', 'bind9-libs', 'libxml2',
  'vim', 'expat', 'libnss3', 'libkrb5-3', 'libssh-4', 'git', 'tar', 'zlib1g', 'libsqlite3-0', 'less',
  'policykit-1', 'libarchive13', 'rsync', 'libpam0g', 'bash', 'util-linux', 'libgnutls30', 'libcurl4', 'perl', 'nginx',
];
const WINDOWS_UPDATES = [
  'Cumulative Update for Microsoft server operating system for x64-based Systems',
  'Security Update for Microsoft .NET Framework 4.8',
  'Servicing Stack Update for Microsoft server operating system for x64-based Systems',
  'Security Intelligence Update for Microsoft Defender Antivirus',
  'Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1',
  'Windows Malicious Software Removal Tool x64',
  'Update for Microsoft Edge-Stable Channel',
];

const LINUX_CLASSES: ReadonlyArray<readonly [string, number]> = [['Security', 70], ['Bugfix', 22], ['Enhancement', 5], ['Recommended', 3]];
const SEVERITIES: Record<PatchFamily, ReadonlyArray<readonly [string, number]>> = {
  'amazon-linux': [['Critical', 8], ['Important', 35], ['Medium', 42], ['Low', 15]],
  ubuntu: [['Critical', 5], ['High', 25], ['Medium', 50], ['Low', 15], ['Negligible', 5]],
  rhel: [['Critical', 7], ['Important', 38], ['Moderate', 43], ['Low', 12]],
  windows: [['Critical', 30], ['Important', 45], ['Moderate', 10], ['Unspecified', 15]],
};
const WINDOWS_CLASSES: ReadonlyArray<readonly [string, number]> = [
  ['SecurityUpdates', 50], ['CriticalUpdates', 15], ['Updates', 15], ['DefinitionUpdates', 10], ['UpdateRollups', 10],
];

const CATALOG_SIZE: Record<PatchFamily, number> = { 'amazon-linux': 48, ubuntu: 48, rhel: 40, windows: 36 };

/** Two weeks between releases, the last one a few days old. */
function ageOf(family: PatchFamily, i: number, rng: Rng): number {
  return (CATALOG_SIZE[family] - 1 - i) * 14 + 2 + rng.int(7);
}

function cves(rng: Rng, year: number): string[] {
  const n = 1 + rng.int(3);
  return Array.from({ length: n }, () => `CVE-${year}-${10000 + rng.int(50000)}`);
}

function linuxPatch(family: PatchFamily, i: number, rng: Rng): PatchDef {
  const ageDays = ageOf(family, i, rng);
  const year = ageDays > 365 ? 2024 : 2025;
  const classification = rng.weighted(LINUX_CLASSES);
  const severity = classification === 'Security' ? rng.weighted(SEVERITIES[family]) : 'None';
  const cveIds = classification === 'Security' ? cves(rng, year) : [];
  const version = `${1 + rng.int(9)}.${rng.int(40)}.${rng.int(30)}-${1 + rng.int(20)}`;
  if (family === 'ubuntu') {
    const pkg = UBUNTU_PACKAGES[i % UBUNTU_PACKAGES.length];
    return { title: `${pkg}:${version}ubuntu0.${1 + rng.int(4)} (USN-${6500 + i * 9 + rng.int(9)}-1)`, kbId: pkg, classification, severity, cveIds, ageDays };
  }
  const pkg = `${LINUX_PACKAGES[i % LINUX_PACKAGES.length]}.x86_64`;
  if (family === 'rhel') {
    return { title: `${pkg}:0:${version}.el9_4 (RHSA-${year}:${1000 + i * 97 + rng.int(90)})`, kbId: pkg, classification, severity, cveIds, ageDays };
  }
  return { title: `${pkg}:0:${version}.amzn2023 (ALAS2023-${year}-${500 + i * 11 + rng.int(10)})`, kbId: pkg, classification, severity, cveIds, ageDays };
}

function windowsPatch(i: number, rng: Rng): PatchDef {
  const ageDays = ageOf('windows', i, rng);
  const kbId = `KB50${String(30000 + i * 431 + rng.int(400)).padStart(5, '0')}`;
  const classification = rng.weighted(WINDOWS_CLASSES);
  const severity = classification === 'SecurityUpdates' || classification === 'CriticalUpdates' ? rng.weighted(SEVERITIES.windows) : 'Unspecified';
  const cveIds = classification === 'SecurityUpdates' ? cves(rng, ageDays > 365 ? 2024 : 2025) : [];
  return { title: `${WINDOWS_UPDATES[i % WINDOWS_UPDATES.length]} (${kbId})`, kbId, classification, severity, cveIds, ageDays };
}

function buildCatalog(family: PatchFamily): PatchDef[] {
  const rng = createRng(0x5eed + family.length * 7919);
  return Array.from({ length: CATALOG_SIZE[family] }, (_, i) => (family === 'windows' ? windowsPatch(i, rng) : linuxPatch(family, i, rng)));
}

const catalogs = new Map<PatchFamily, PatchDef[]>();

export function patchCatalog(family: PatchFamily): readonly PatchDef[] {
  let catalog = catalogs.get(family);
  if (!catalog) {
    catalog = buildCatalog(family);
    catalogs.set(family, catalog);
  }
  return catalog;
}

export function isSecurityPatch(def: PatchDef): boolean {
  return def.classification === 'Security' || def.classification === 'SecurityUpdates';
}
