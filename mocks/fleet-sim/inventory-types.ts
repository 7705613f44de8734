/** Shapes of the simulated software inventory: per-platform package catalogs (specs) and what the queries return. */

export type InventoryFamily = 'rpm' | 'deb' | 'windows';

/** One version of a source package (all its binary packages share it). */
export interface VersionSpec {
  /** Version as the package manager reports it (dpkg: the full version, epoch and revision included). */
  v: string;
  /** RPM Release. */
  r?: string;
  /** RPM Epoch ('' or absent: none). */
  e?: string;
  /** Relative share of nodes on this version. */
  w: number;
  /** A newer release with security fixes exists (what the dashboard should flag). */
  outdated?: boolean;
  /** The running kernel (NodeFacts.kernel) this version is, for kernel packages. */
  k?: string;
  /** Display name of this version where the name carries the version (Windows programs). */
  name?: string;
  /** The same, per package of the source (package spec name -> display name). */
  names?: Record<string, string>;
}

export interface SourceSpec {
  versions: VersionSpec[];
  /** The version follows the node's running kernel. */
  kernel?: boolean;
  /** The version is the node's SSM Agent version (read live). */
  agent?: boolean;
  /** Weights per node PlatformVersion (e.g. RHEL 9.2 / 9.4 / 9.5), overriding `w`. */
  byPlatformVersion?: Record<string, readonly number[]>;
}

export interface PackageSpec {
  /** Package name; `{k}` is replaced by the kernel release (Ubuntu's linux-image-6.8.0-1015-aws). */
  name: string;
  source: string;
  /** noarch (RPM) / all (dpkg). */
  noarch?: boolean;
  /** A 32-bit Windows program (Architecture i386). */
  i386?: boolean;
  /** Install probability (default 1); a record gives it per platform key. */
  p?: number | Partial<Record<string, number>>;
  /** Installed only on nodes of these applications (Application tag). */
  apps?: readonly string[];
  /** Installed exactly when the node runs this service (NodeFacts.services). */
  service?: string;
  /** Installed only where this other package (by spec name) is installed. */
  requires?: string;
  section?: string;
  summary?: string;
  url?: string;
  publisher?: string;
  /** An Ubuntu snap (reported with ApplicationType admin, empty Architecture, no URL/Summary/PackageId). */
  snap?: boolean;
}

export interface ProfileSpec {
  family: InventoryFamily;
  publisher: string;
  sources: Record<string, SourceSpec>;
  packages: PackageSpec[];
}

/** An inventory row: attribute name -> value (all strings, as AWS sends them). */
export type InventoryRow = Record<string, string>;
