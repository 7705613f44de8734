/**
 * Each node's inventory in compact form, and its rows built on demand.
 *
 * A platform profile lists every package a node of that platform may have; a package's
 * possible rows ("variants": one per version x CPU architecture) are precomputed once per
 * profile with every attribute interned. A node stores only one byte per profile package
 * (the version it has, or 255 for none), drawn deterministically from its ID; its rows
 * (and every other inventory type) are built when asked for. Live parts (the SSM Agent
 * version, Distributor packages, Windows hotfixes) are read from the node record.
 */
import { platformSpec } from './catalog';
import { DAY, HOUR, MINUTE } from './clock';
import { nodeFacts } from './commands/shell/node-facts';
import { linuxProfileSpecs } from './inventory-linux';
import { windowsProfileSpec, BASE_FEATURES, ROLE_FEATURES, ROLE_SERVICES, WINDOWS_BASE_SERVICES, type WindowsRole } from './inventory-windows';
import type { InventoryFamily, InventoryRow, PackageSpec, ProfileSpec, SourceSpec, VersionSpec } from './inventory-types';
import { nodePatchCounts, patchList } from './patches';
import { hashSeed, LightRng } from './prng';
import type { PlatformKey, SimNode } from './types';

/* ------------------------------------------------------------ interned strings */

const STRINGS: string[] = [];
const STRING_IDS = new Map<string, number>();

export function intern(s: string): number {
  let id = STRING_IDS.get(s);
  if (id === undefined) {
    id = STRINGS.length;
    STRINGS.push(s);
    STRING_IDS.set(s, id);
  }
  return id;
}

export const stringOf = (id: number): string => STRINGS[id];

/** AWS:Application attributes in schema order; InstalledTime depends on the node, not the variant. */
export const APP_ATTRS = ['Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL', 'Summary', 'PackageId', 'Release', 'Epoch'] as const;
export const INSTALLED_TIME = APP_ATTRS.indexOf('InstalledTime');
const NO_VALUE = -1;

/* ----------------------------------------------------------------- profiles */

export interface ProfilePackage {
  spec: PackageSpec;
  source: SourceSpec;
  sourceIndex: number;
  /** First variant: variant = base + choice * 2 + archBit. */
  base: number;
  p: number;
  apps?: ReadonlySet<string>;
  requires: number;
  agent: boolean;
  awsComponent: boolean;
}

export interface Profile {
  key: PlatformKey;
  family: InventoryFamily;
  packages: ProfilePackage[];
  sources: Array<{ key: string; spec: SourceSpec }>;
  /** Per APP_ATTRS index: variant -> interned value (NO_VALUE: the row has no such attribute). InstalledTime: empty. */
  attrs: Int32Array[];
  variantCount: number;
  /** Packages whose rows never change (all but the SSM Agent). */
  staticPackages: Int32Array;
  agentPackages: number[];
  awsComponentPackages: number[];
  /** Per package: first variant (packages[i].base), for hot loops. */
  bases: Int32Array;
  /** Per source: cumulative weights, and per PlatformVersion where they differ. */
  cumulative: Float64Array[];
  cumulativeByVersion: Array<Map<string, Float64Array> | undefined>;
}

const AWS_COMPONENTS = new Set(['amazon-ssm-agent', 'amazon ssm agent', 'aws tools for windows', 'ec2configservice', 'aws-cfn-bootstrap', 'aws pv drivers']);
export const isAwsComponent = (name: string) => {
  const n = name.trim().toLowerCase();
  return AWS_COMPONENTS.has(n) || n.includes('aws-apitools-') || n.includes('aws-amitools-');
};

/** Summaries, URLs, sections of well-known packages; the rest get a generic description. */
const META: Record<string, [summary: string, url?: string, section?: string]> = {
  openssl: ['Utilities from the general purpose cryptography library with TLS implementation', 'http://www.openssl.org/', 'utils'],
  'openssl-libs': ['A general purpose cryptography library with TLS implementation', 'http://www.openssl.org/'],
  libssl3: ['Secure Sockets Layer toolkit - shared libraries', 'https://www.openssl.org/', 'libs'],
  libssl3t64: ['Secure Sockets Layer toolkit - shared libraries', 'https://www.openssl.org/', 'libs'],
  openssh: ['An open source implementation of SSH protocol version 2', 'http://www.openssh.com/portable.html'],
  'openssh-server': ['An open source SSH server daemon', 'http://www.openssh.com/portable.html', 'net'],
  'openssh-clients': ['An open source SSH client applications', 'http://www.openssh.com/portable.html'],
  'openssh-client': ['secure shell (SSH) client, for secure access to remote machines', 'https://www.openssh.com/', 'net'],
  'openssh-sftp-server': ['secure shell (SSH) sftp server module, for SFTP access from remote machines', 'https://www.openssh.com/', 'net'],
  curl: ['command line tool for transferring data with URL syntax', 'https://curl.se/', 'web'],
  'curl-minimal': ['Conservatively configured build of curl for minimal installations', 'https://curl.se/'],
  libcurl: ['A library for getting files from web servers', 'https://curl.se/'],
  'libcurl-minimal': ['Conservatively configured build of libcurl for minimal installations', 'https://curl.se/'],
  libcurl4: ['easy-to-use client-side URL transfer library (OpenSSL flavour)', 'https://curl.se/', 'libs'],
  libcurl4t64: ['easy-to-use client-side URL transfer library (OpenSSL flavour)', 'https://curl.se/', 'libs'],
  glibc: ['The GNU libc libraries', 'http://www.gnu.org/software/glibc/'],
  'glibc-common': ['Common binaries and locale data for glibc', 'http://www.gnu.org/software/glibc/'],
  libc6: ['GNU C Library: Shared libraries', 'https://www.gnu.org/software/libc/libc.html', 'libs'],
  'libc-bin': ['GNU C Library: Binaries', 'https://www.gnu.org/software/libc/libc.html', 'libs'],
  kernel: ['The Linux kernel', 'https://www.kernel.org/'],
  'kernel-core': ['The Linux kernel', 'https://www.kernel.org/'],
  bash: ['The GNU Bourne Again shell', 'https://www.gnu.org/software/bash', 'shells'],
  systemd: ['System and Service Manager', 'https://systemd.io', 'admin'],
  sudo: ['Allows restricted root access for specified users', 'https://www.sudo.ws', 'admin'],
  python3: ['Python 3 interpreter', 'https://www.python.org/', 'python'],
  git: ['Fast Version Control System', 'https://git-scm.com/', 'vcs'],
  vim: ['Vi IMproved - enhanced vi editor', 'https://www.vim.org/', 'editors'],
  'vim-minimal': ['A minimal version of the VIM editor', 'http://www.vim.org/'],
  tzdata: ['Timezone data', 'https://www.iana.org/time-zones', 'localization'],
  'ca-certificates': ['The Mozilla CA root certificate bundle', 'https://www.mozilla.org/', 'misc'],
  nginx: ['A high performance web server and reverse proxy server', 'https://nginx.org', 'httpd'],
  httpd: ['Apache HTTP Server', 'https://httpd.apache.org/'],
  docker: ['Automates deployment of containerized applications', 'http://www.docker.com'],
  'docker.io': ['Linux container runtime', 'https://mobyproject.org', 'admin'],
  'docker-ce': ['The open-source application container engine', 'https://www.docker.com'],
  containerd: ['An industry-standard container runtime', 'https://containerd.io', 'admin'],
  runc: ['A CLI tool for spawning and running containers according to the OCI specification', 'https://github.com/opencontainers/runc', 'admin'],
  postgresql15: ['PostgreSQL client programs', 'http://www.postgresql.org/'],
  'postgresql15-server': ['The programs needed to create and run a PostgreSQL server', 'http://www.postgresql.org/'],
  'postgresql-14': ['The World\'s Most Advanced Open Source Relational Database', 'http://www.postgresql.org/', 'database'],
  'postgresql-16': ['The World\'s Most Advanced Open Source Relational Database', 'http://www.postgresql.org/', 'database'],
  redis6: ['A persistent key-value database', 'http://redis.io'],
  'redis-server': ['Persistent key-value database with network interface', 'https://redis.io/', 'database'],
  'java-17-amazon-corretto-headless': ['Amazon Corretto headless development environment', 'https://github.com/corretto/corretto-17'],
  'java-17-openjdk-headless': ['The OpenJDK 17 runtime environment without audio and video support', 'http://openjdk.java.net/'],
  'openjdk-17-jre-headless': ['OpenJDK Java runtime, using Hotspot JIT (headless)', 'https://openjdk.java.net/', 'java'],
  'liblog4j2-java': ['Apache Log4j - Logging Framework for Java', 'https://logging.apache.org/log4j/2.x/', 'java'],
  'awscli-2': ['Universal Command Line Environment for AWS, version 2', 'https://github.com/aws/aws-cli/tree/v2'],
  'ec2-utils': ['A set of tools for running in EC2', 'https://github.com/aws/amazon-ec2-utils'],
  'cloud-init': ['Cloud instance init scripts', 'https://cloud-init.io/', 'admin'],
  'aws-cfn-bootstrap': ['An EC2 bootstrapper for CloudFormation', 'https://aws.amazon.com/cloudformation/'],
  snapd: ['Daemon and tooling that enable snap packages', 'https://github.com/snapcore/snapd', 'devel'],
  rsyslog: ['Enhanced system logging and kernel message trapping daemon', 'https://www.rsyslog.com/', 'admin'],
  'amazon-ssm-agent': ['Amazon SSM Agent. Manage EC2 Instances using AWS SSM APIs', 'https://github.com/aws/amazon-ssm-agent'],
};

const GNU = new Set(['coreutils', 'tar', 'grep', 'sed', 'gawk', 'gzip', 'findutils', 'diffutils', 'which', 'cpio', 'less', 'gettext', 'readline', 'ncurses', 'gmp', 'mpfr', 'nettle', 'gnutls', 'make', 'patch', 'time', 'wget', 'screen', 'parted', 'bc', 'ed', 'info']);

function rpmGroup(name: string): string {
  if (name.startsWith('kernel')) return 'System Environment/Kernel';
  if (['setup', 'basesystem', 'filesystem', 'rootfiles', 'system-release', 'redhat-release'].includes(name)) return 'System Environment/Base';
  const h = hashSeed('rpm-group', name);
  if ((name.startsWith('lib') || name.endsWith('-libs')) && h % 5 < 2) return 'System Environment/Libraries';
  if (h % 11 === 0) return 'Applications/System';
  if (h % 13 === 0) return 'System Environment/Base';
  return 'Unspecified';
}

function debSection(name: string): string {
  if (name.startsWith('linux-')) return 'kernel';
  if (/^python3?(-|\.|$)|^libpython/.test(name)) return 'python';
  if (/^(perl|libperl)|-perl$/.test(name)) return 'perl';
  if (name.startsWith('lib')) return 'libs';
  if (/-(doc|man)$/.test(name)) return 'doc';
  if (/-(dev)$/.test(name)) return 'libdevel';
  if (/^(iputils|iproute|isc-dhcp|netcat|openssh|bind9|iptables|nftables|netplan|tcpdump|mtr|telnet|ftp|ethtool|net-tools)/.test(name)) return 'net';
  return ['admin', 'utils', 'admin', 'misc', 'utils', 'admin'][hashSeed('deb-section', name) % 6];
}

function genericSummary(name: string, family: InventoryFamily): string {
  const stem = name.replace(/^lib/, '').replace(/[-.]?\d[\w.-]*$/, '') || name;
  if (name.startsWith('python3-')) return family === 'deb' ? `Python 3 module ${name.slice(8)}` : `Python module ${name.slice(8)} for Python 3`;
  if (name.startsWith('perl-')) return `Perl module ${name.slice(5)}`;
  if (/-(data|common)$/.test(name)) return `Common files for ${name.replace(/-(data|common)$/, '')}`;
  if (name.endsWith('-libs') || name.startsWith('lib')) return family === 'deb' ? `${stem} shared library` : `Libraries for ${stem.replace(/-libs$/, '')}`;
  return family === 'deb' ? `${name} - system utilities` : `The ${name} package`;
}

function guid(...parts: Array<string | number>): string {
  const hex = [0, 1, 2, 3].map((i) => hashSeed('guid', i, ...parts).toString(16).padStart(8, '0')).join('').toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

const ARCH = {
  rpm: (noarch: boolean, bit: number) => (noarch ? 'noarch' : bit ? 'aarch64' : 'x86_64'),
  /** dpkg's amd64 is reported as x86_64 (the agent's FormatArchitecture); PackageId keeps the raw one. */
  deb: (noarch: boolean, bit: number) => (noarch ? 'all' : bit ? 'arm64' : 'x86_64'),
  debRaw: (noarch: boolean, bit: number) => (noarch ? 'all' : bit ? 'arm64' : 'amd64'),
};

export function displayName(spec: PackageSpec, version: VersionSpec): string {
  return version.names?.[spec.name] ?? version.name ?? (version.k ? spec.name.replace('{k}', version.k) : spec.name);
}

/** The values of one variant (InstalledTime excluded). */
function variantRow(profile: { family: InventoryFamily; publisher: string }, sourceKey: string, spec: PackageSpec, version: VersionSpec, bit: number): InventoryRow {
  const name = displayName(spec, version);
  const meta = META[name] ?? META[spec.name];
  const row: InventoryRow = { Name: name };
  if (profile.family === 'windows') {
    row.Publisher = spec.publisher ?? profile.publisher;
    row.Version = version.v;
    row.Architecture = spec.i386 ? 'i386' : 'x86_64';
    row.PackageId = guid(name, version.v);
    return row;
  }
  if (spec.snap) {
    return { Name: name, Publisher: spec.publisher ?? '', Version: version.v, ApplicationType: 'admin', Architecture: '' };
  }
  row.Publisher = spec.publisher ?? profile.publisher;
  row.Version = version.v;
  const noarch = !!spec.noarch;
  if (profile.family === 'rpm') {
    row.Release = version.r ?? '';
    if (version.e) row.Epoch = version.e;
    row.ApplicationType = rpmGroup(name);
    row.Architecture = ARCH.rpm(noarch, bit);
    row.PackageId = `${sourceKey}-${version.v}-${version.r}.src.rpm`;
  } else {
    row.ApplicationType = spec.section ?? meta?.[2] ?? debSection(name);
    row.Architecture = ARCH.deb(noarch, bit);
    row.PackageId = `${name}_${version.v}_${ARCH.debRaw(noarch, bit)}.deb`;
  }
  const url = spec.url ?? meta?.[1] ?? (GNU.has(name) ? `https://www.gnu.org/software/${name}/` : undefined);
  if (url) row.URL = url;
  row.Summary = (spec.summary ?? meta?.[0] ?? genericSummary(name, profile.family)).replace('{k}', version.k ?? '');
  return row;
}

function buildProfile(key: PlatformKey, spec: ProfileSpec): Profile {
  const sourceKeys = Object.keys(spec.sources);
  const sourceIndex = new Map(sourceKeys.map((k, i) => [k, i]));
  const sortName = (p: PackageSpec) => displayName(p, spec.sources[p.source].versions[0]).toLowerCase();
  const specs = [...spec.packages].sort((a, b) => (sortName(a) < sortName(b) ? -1 : sortName(a) > sortName(b) ? 1 : 0));
  const byName = new Map(specs.map((p, i) => [p.name, i]));
  let variants = 0;
  const packages: ProfilePackage[] = specs.map((p) => {
    const source = spec.sources[p.source];
    const pkg: ProfilePackage = {
      spec: p, source, sourceIndex: sourceIndex.get(p.source) as number, base: variants,
      p: typeof p.p === 'number' ? p.p : (p.p?.[key] ?? 1),
      apps: p.apps ? new Set(p.apps) : undefined,
      requires: p.requires === undefined ? -1 : (byName.get(p.requires) ?? -1),
      agent: !!source.agent,
      awsComponent: false,
    };
    variants += source.versions.length * 2;
    return pkg;
  });
  const attrs = APP_ATTRS.map((_, i) => (i === INSTALLED_TIME ? new Int32Array(0) : new Int32Array(variants).fill(NO_VALUE)));
  for (const pkg of packages) {
    pkg.source.versions.forEach((version, c) => {
      for (const bit of [0, 1]) {
        const row = variantRow(spec, pkg.spec.source, pkg.spec, version, bit);
        if (c === 0 && bit === 0) pkg.awsComponent = isAwsComponent(row.Name);
        APP_ATTRS.forEach((attr, a) => {
          if (a !== INSTALLED_TIME && row[attr] !== undefined) attrs[a][pkg.base + c * 2 + bit] = intern(row[attr]);
        });
      }
    });
  }
  const staticIdx = packages.map((p, i) => (p.agent ? -1 : i)).filter((i) => i >= 0);
  const cumulate = (weights: readonly number[]) => {
    let total = 0;
    return Float64Array.from(weights, (w) => (total += w));
  };
  return {
    key, family: spec.family, packages, attrs, variantCount: variants,
    bases: Int32Array.from(packages, (p) => p.base),
    cumulative: sourceKeys.map((k) => cumulate(spec.sources[k].versions.map((v) => v.w))),
    cumulativeByVersion: sourceKeys.map((k) => {
      const by = spec.sources[k].byPlatformVersion;
      return by && new Map(Object.entries(by).map(([pv, w]) => [pv, cumulate(w)]));
    }),
    sources: sourceKeys.map((k) => ({ key: k, spec: spec.sources[k] })),
    staticPackages: Int32Array.from(staticIdx),
    agentPackages: packages.map((p, i) => (p.agent ? i : -1)).filter((i) => i >= 0),
    awsComponentPackages: packages.map((p, i) => (p.awsComponent ? i : -1)).filter((i) => i >= 0),
  };
}

let profiles: Map<PlatformKey, Profile> | undefined;

export function profileFor(key: PlatformKey): Profile {
  if (!profiles) {
    const linux = linuxProfileSpecs();
    profiles = new Map<PlatformKey, Profile>([
      ['al2023', buildProfile('al2023', linux.al2023)],
      ['rhel9', buildProfile('rhel9', linux.rhel9)],
      ['ubuntu2204', buildProfile('ubuntu2204', linux.ubuntu2204)],
      ['ubuntu2404', buildProfile('ubuntu2404', linux.ubuntu2404)],
      ['win2019', buildProfile('win2019', windowsProfileSpec('win2019'))],
      ['win2022', buildProfile('win2022', windowsProfileSpec('win2022'))],
    ]);
  }
  return profiles.get(key) as Profile;
}

/* -------------------------------------------------------------- nodes */

export const NOT_INSTALLED = 255;
const NO_ASSOCIATION_SHARE = 0.05;

/** ~5% of managed nodes were never given the inventory association (deterministic per node). */
export function hasInventoryAssociation(node: SimNode): boolean {
  return !!node.ssm && hashSeed('inventory-association', node.id) / 2 ** 32 >= NO_ASSOCIATION_SHARE;
}

/** Inventory exists for managed nodes that have the association and are not Inactive (stopped instances keep theirs). */
export function hasInventory(node: SimNode): boolean {
  return !!node.ssm && node.ssm.pingStatus !== 'Inactive' && hasInventoryAssociation(node);
}

export interface NodeInventory {
  node: SimNode;
  profile: Profile;
  /** 0: x86_64, 1: arm64. */
  arch: 0 | 1;
  /** Per profile package: the version index, or NOT_INSTALLED. */
  choices: Uint8Array;
  /** When the inventory was collected (the last successful association run). */
  captureTime: number;
  /** When the node's image was built (base packages' install time). */
  imageTime: number;
}

function pickCumulative(cumulative: Float64Array, roll: number): number {
  const x = roll * cumulative[cumulative.length - 1];
  for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return i;
  return cumulative.length - 1;
}

export function buildNodeInventory(node: SimNode): NodeInventory {
  const profile = profileFor(node.platform);
  const facts = nodeFacts(node);
  const rng = new LightRng(hashSeed('inventory', node.id));
  const { sources, packages, cumulative, cumulativeByVersion } = profile;
  const sourceChoice = new Uint8Array(sources.length);
  for (let s = 0; s < sources.length; s++) {
    const spec = sources[s].spec;
    if (spec.versions.length === 1) continue;
    const roll = rng.next();
    if (spec.kernel) {
      const k = spec.versions.findIndex((v) => v.k === facts.kernel);
      sourceChoice[s] = k >= 0 ? k : spec.versions.length - 1;
    } else {
      sourceChoice[s] = pickCumulative(cumulativeByVersion[s]?.get(node.platformVersion) ?? cumulative[s], roll);
    }
  }
  const choices = new Uint8Array(packages.length);
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i];
    let installed = pkg.p >= 1 || rng.next() < pkg.p;
    if (pkg.apps && !pkg.apps.has(node.application)) installed = false;
    if (pkg.spec.service && !facts.services.has(pkg.spec.service)) installed = false;
    choices[i] = installed ? sourceChoice[pkg.sourceIndex] : NOT_INSTALLED;
  }
  for (let i = 0; i < packages.length; i++) {
    const req = packages[i].requires;
    if (req >= 0 && choices[req] === NOT_INSTALLED) choices[i] = NOT_INSTALLED;
  }
  const ssm = node.ssm;
  const captureTime = Math.floor((ssm?.lastSuccessfulAssociationTime ?? 0) / 1000) * 1000;
  const since = node.ec2?.launchTime ?? ssm?.registrationDate ?? captureTime - 30 * DAY;
  const imageTime = since - (5 + (hashSeed('ami-age', node.id) % 85)) * DAY;
  return { node, profile, arch: node.ec2?.architecture === 'arm64' ? 1 : 0, choices, captureTime, imageTime };
}

/* ----------------------------------------------------------------- rows */

export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoDay = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;

/** When a package was installed: with the image, or (a newer version than the image's) by a later update. */
export function installedTime(ni: NodeInventory, pkgIndex: number): number {
  const h = hashSeed('installed', ni.node.id, pkgIndex);
  const c = ni.choices[pkgIndex];
  const base = ni.imageTime + (h % 600) * 1000;
  if (c === 0 || (ni.profile.packages[pkgIndex].source.versions.length === 1 && (h >>> 12) % 4 !== 0)) return base;
  const span = Math.max(HOUR, ni.captureTime - base);
  return Math.min(ni.captureTime - MINUTE, base + Math.floor(((h >>> 8) % 1000) / 1000 * span));
}

function valueOrUndefined(id: number): string | undefined {
  return id === NO_VALUE ? undefined : STRINGS[id];
}

/** Row of a profile package as installed on the node (null if not installed). */
export function packageRow(ni: NodeInventory, pkgIndex: number): InventoryRow | null {
  const c = ni.choices[pkgIndex];
  if (c === NOT_INSTALLED) return null;
  const { profile } = ni;
  const pkg = profile.packages[pkgIndex];
  const variant = pkg.base + c * 2 + ni.arch;
  const row: InventoryRow = {};
  APP_ATTRS.forEach((attr, a) => {
    if (a === INSTALLED_TIME) {
      if (profile.family !== 'deb') {
        const t = installedTime(ni, pkgIndex);
        row.InstalledTime = profile.family === 'windows' ? isoDay(t) : isoSeconds(t);
      }
      return;
    }
    const v = valueOrUndefined(profile.attrs[a][variant]);
    if (v !== undefined) row[attr] = v;
  });
  if (pkg.agent) {
    const version = ni.node.ssm?.agentVersion ?? '';
    row.Version = version;
    if (profile.family === 'rpm') row.PackageId = `amazon-ssm-agent-${version}-${row.Release}.src.rpm`;
    else if (profile.family === 'windows') row.PackageId = guid(row.Name, version);
  }
  return row;
}

const agentRows = new Map<string, InventoryRow>();

/**
 * The SSM Agent's row without InstalledTime, shared by every node of the platform, CPU
 * architecture and agent version (the aggregations and filters that do not read InstalledTime use it).
 */
export function agentRowTemplate(ni: NodeInventory, pkgIndex: number): InventoryRow | null {
  if (ni.choices[pkgIndex] === NOT_INSTALLED) return null;
  const key = `${ni.profile.key}|${ni.arch}|${pkgIndex}|${ni.node.ssm?.agentVersion ?? ''}`;
  let row = agentRows.get(key);
  if (!row) {
    row = packageRow(ni, pkgIndex) as InventoryRow;
    delete row.InstalledTime;
    if (agentRows.size > 5000) agentRows.clear();
    agentRows.set(key, row);
  }
  return row;
}

/** Distributor packages (AWS-ConfigureAWSPackage), merged into AWS:Application as the agent does. */
export function distributorRows(ni: NodeInventory): InventoryRow[] {
  const pkgs = ni.node.packages;
  if (!pkgs) return [];
  const arch = ni.profile.family === 'windows' ? 'x86_64' : ni.arch ? (ni.profile.family === 'deb' ? 'arm64' : 'aarch64') : 'x86_64';
  return Object.keys(pkgs).sort().map((name) => ({ Name: name, Publisher: '', Version: pkgs[name], Architecture: arch }));
}

export function applicationRows(ni: NodeInventory): InventoryRow[] {
  const rows: InventoryRow[] = [];
  for (let i = 0; i < ni.profile.packages.length; i++) {
    const row = packageRow(ni, i);
    if (row) rows.push(row);
  }
  return [...rows, ...distributorRows(ni)];
}

const COMPONENT_ATTRS = ['Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL'];

export function awsComponentRows(ni: NodeInventory): InventoryRow[] {
  const rows: InventoryRow[] = [];
  const add = (row: InventoryRow | null) => {
    if (!row) return;
    const out: InventoryRow = {};
    for (const a of COMPONENT_ATTRS) if (row[a] !== undefined) out[a] = row[a];
    rows.push(out);
  };
  for (const i of ni.profile.awsComponentPackages) add(packageRow(ni, i));
  for (const row of distributorRows(ni)) if (isAwsComponent(row.Name)) add(row);
  return rows;
}

export function instanceInformationRow(node: SimNode): InventoryRow {
  const spec = platformSpec(node.platform);
  const ssm = node.ssm;
  return {
    AgentType: 'amazon-ssm-agent',
    AgentVersion: ssm?.agentVersion ?? '',
    ComputerName: ssm?.computerName ?? '',
    InstanceId: node.id,
    InstanceStatus: node.ec2 && node.ec2.state !== 'running' ? 'Stopped' : 'Active',
    IpAddress: ssm?.ipAddress ?? '',
    PlatformName: spec.platformName,
    PlatformType: spec.platformType,
    PlatformVersion: node.platformVersion,
    ResourceType: node.ec2 ? 'EC2Instance' : 'ManagedInstance',
  };
}

function cpuOf(node: SimNode): [model: string, mhz: number, smt: boolean] {
  const type = node.ec2?.instanceType;
  if (!type) return ['Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', 3000, true];
  if (/^[a-z]7g\./.test(type)) return ['Neoverse-V1', 2600, false];
  if (/^[a-z]\dg\./.test(type)) return ['Neoverse-N1', 2500, false];
  if (/^[a-z]6i\./.test(type)) return ['Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz', 2900, true];
  return ['Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz', 2500, true];
}

export function detailedInformationRow(ni: NodeInventory): InventoryRow {
  const facts = nodeFacts(ni.node);
  const [model, mhz, smt] = cpuOf(ni.node);
  const windows = ni.profile.family === 'windows';
  const row: InventoryRow = {
    CPUModel: model,
    CPUCores: String(smt ? Math.max(1, facts.vcpus / 2) : facts.vcpus),
    CPUs: String(facts.vcpus),
    CPUSpeedMHz: String(mhz),
    CPUSockets: '1',
    CPUHyperThreadEnabled: smt && facts.vcpus > 1 ? 'true' : 'false',
    OSServicePack: windows ? '0' : '',
  };
  if (!windows) row.KernelVersion = ni.node.platform === 'al2023' || ni.node.platform === 'rhel9' ? `${facts.kernel}.${facts.arch}` : facts.kernel;
  return row;
}

export function networkRows(ni: NodeInventory): InventoryRow[] {
  const facts = nodeFacts(ni.node);
  const o = facts.ip.split('.');
  const mac = facts.mac;
  const ipv6 = `fe80::${mac.slice(3, 5)}${mac.slice(6, 8)}:${mac.slice(9, 11)}ff:fe${mac.slice(12, 14)}:${mac.slice(15, 17)}`.replace(/:0+([0-9a-f])/g, ':$1');
  if (ni.profile.family === 'windows') {
    const gateway = `${o[0]}.${o[1]}.${Number(o[2]) & ~15}.1`;
    return [{
      Name: 'Ethernet', SubnetMask: '255.255.240.0', Gateway: gateway, DHCPServer: gateway,
      DNSServer: ni.node.ec2 ? `${o[0]}.${o[1]}.0.2` : `${o[0]}.${o[1]}.${o[2]}.10`, MacAddress: mac.toUpperCase(), IPV4: facts.ip, IPV6: ipv6,
    }];
  }
  const name = !ni.node.ec2 ? 'ens192' : ni.node.platform === 'rhel9' ? 'eth0' : 'ens5';
  const rows: InventoryRow[] = [{ Name: name, MacAddress: mac, IPV4: facts.ip, IPV6: ipv6 }];
  if (facts.services.has('docker')) {
    const h = hashSeed('docker0', ni.node.id).toString(16).padStart(8, '0');
    rows.push({ Name: 'docker0', MacAddress: `02:42:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`, IPV4: '172.17.0.1', IPV6: `fe80::42:${h.slice(0, 4)}` });
  }
  return rows;
}

export const tagRows = (ni: NodeInventory): InventoryRow[] => ni.node.tags.map((t) => ({ Key: t.Key, Value: t.Value }));

export function windowsUpdateRows(ni: NodeInventory): InventoryRow[] {
  if (ni.profile.family !== 'windows') return [];
  return (patchList(ni.node) ?? [])
    .filter((e) => e.state === 'Installed' || e.state === 'InstalledOther' || e.state === 'InstalledPendingReboot')
    .map((e) => ({
      HotFixId: e.def.kbId,
      Description: /Security/.test(e.def.classification) ? 'Security Update' : 'Update',
      InstalledTime: isoDay(e.installedTime ?? ni.captureTime),
      InstalledBy: 'NT AUTHORITY\\SYSTEM',
    }));
}

export function serviceRows(ni: NodeInventory): InventoryRow[] {
  if (ni.profile.family !== 'windows') return [];
  const services = [...WINDOWS_BASE_SERVICES, ...(ROLE_SERVICES[ni.node.application] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return services.map((s) => ({
    Name: s.name, DisplayName: s.display, ServiceType: s.type, Status: s.running ? 'Running' : 'Stopped',
    DependentServices: s.dependent ?? '', ServicesDependedOn: s.dependsOn ?? '', StartType: s.start,
  }));
}

export function windowsRoleRows(ni: NodeInventory): InventoryRow[] {
  if (ni.profile.family !== 'windows') return [];
  const byName = new Map<string, WindowsRole>();
  for (const r of [...BASE_FEATURES, ...(ROLE_FEATURES[ni.node.application] ?? [])]) byName.set(r.name, r);
  return [...byName.values()].sort((a, b) => a.path.localeCompare(b.path)).map((r) => ({
    Name: r.name, DisplayName: r.display, Path: r.path, FeatureType: r.type, DependsOn: '', Description: `${r.display}.`,
    Installed: r.installed ? 'True' : 'False', InstalledState: r.installed ? 'Installed' : 'Available', SubFeatures: '',
    ServerComponentDescriptor: `ServerComponent_${r.name.replace(/-/g, '_')}`, Parent: r.parent ?? '',
  }));
}

export function patchSummaryRows(ni: NodeInventory): InventoryRow[] {
  const scan = ni.node.patch;
  const counts = nodePatchCounts(ni.node);
  if (!scan || !counts) return [];
  return [{
    PatchGroup: scan.patchGroup, BaselineId: scan.baselineId, SnapshotId: '', OwnerInformation: '',
    InstalledCount: String(counts.InstalledCount), InstalledOtherCount: String(counts.InstalledOtherCount),
    InstalledPendingRebootCount: String(counts.InstalledPendingRebootCount), InstalledRejectedCount: String(counts.InstalledRejectedCount),
    NotApplicableCount: String(counts.NotApplicableCount), MissingCount: String(counts.MissingCount), FailedCount: String(counts.FailedCount),
    OperationType: scan.operation, OperationStartTime: isoSeconds(scan.startTime), OperationEndTime: isoSeconds(scan.endTime), RebootOption: scan.rebootOption,
  }];
}

/** Which types a node reports (the association's gatherers for its OS). */
export function collectsType(ni: NodeInventory, typeName: string): boolean {
  switch (typeName) {
    case 'AWS:WindowsUpdate':
    case 'AWS:Service':
    case 'AWS:WindowsRole':
      return ni.profile.family === 'windows';
    case 'AWS:PatchSummary':
      return !!ni.node.patch;
    case 'AWS:File':
      return false;
    default:
      return true;
  }
}

/** All rows of a type (AWS:Application: every package; use packageRow for O(page) access). */
export function rowsOf(ni: NodeInventory, typeName: string): InventoryRow[] {
  switch (typeName) {
    case 'AWS:Application': return applicationRows(ni);
    case 'AWS:AWSComponent': return awsComponentRows(ni);
    case 'AWS:InstanceInformation': return [instanceInformationRow(ni.node)];
    case 'AWS:InstanceDetailedInformation': return [detailedInformationRow(ni)];
    case 'AWS:Network': return networkRows(ni);
    case 'AWS:Tag': return tagRows(ni);
    case 'AWS:WindowsUpdate': return windowsUpdateRows(ni);
    case 'AWS:Service': return serviceRows(ni);
    case 'AWS:WindowsRole': return windowsRoleRows(ni);
    case 'AWS:PatchSummary': return patchSummaryRows(ni);
    default: return [];
  }
}
