import type { PingStatus, RegionStatus } from './node';

/** The fleet's headline figures, computed once per snapshot (the overview's cards and the history's points). */
export interface FleetSummary {
  version: string;
  generatedAt: string;
  managed: number;
  byPing: Record<PingStatus, number>;
  byPlatform: { name: string; count: number }[];
  agents: { latest: number; outdated: number };
  patch: {
    compliant: number;
    noncompliant: number;
    notScanned: number;
    unknown: number;
    missing: number;
    failed: number;
    pendingReboot: number;
    criticalNodes: number;
    staleScan: number;
  };
  opsItems: { nodes: number; items: number; known: boolean };
  regions: (RegionStatus & { online: number; notManaged: number })[];
}

/** What a top-N list left out: how many values were folded into "other", and how many nodes (or items) they hold. */
export interface Folded {
  values: number;
  count: number;
}

/** Managed nodes of one OS: platform name and version as SSM reports them; `os` is the nodes view's filter value. */
export interface OsCount {
  os: string;
  platform: string;
  version: string | null;
  count: number;
}

export interface AgentVersionCount {
  version: string;
  count: number;
  /** SSM's IsLatestVersion for the nodes on this version (null: not reported). */
  latest: boolean | null;
}

/** Managed nodes of one environment (its Environment tag; null: untagged) by patch state. */
export interface PatchEnvRow {
  environment: string | null;
  managed: number;
  /** Nodes missing at least one patch of that severity class. */
  critical: number;
  security: number;
  other: number;
  noncompliant: number;
  compliant: number;
  notScanned: number;
  /** Patch state unknown: its source failed for these nodes. */
  unknown: number;
}

export const AMI_AGE_BUCKETS = [
  { key: 'd30', label: '≤ 30 days', maxDays: 30 },
  { key: 'd90', label: '31–90 days', maxDays: 90 },
  { key: 'd180', label: '91–180 days', maxDays: 180 },
  { key: 'd365', label: '181–365 days', maxDays: 365 },
  { key: 'old', label: '> 1 year', maxDays: Infinity },
] as const;
export type AmiAgeKey = (typeof AMI_AGE_BUCKETS)[number]['key'] | 'unknown';

/** Nodes launched from one AMI. */
export interface AmiGroup {
  imageId: string;
  region: string;
  nodes: number;
  name: string | null;
  /** The AMI's CreationDate (null: unknown, see `unknown`). */
  createdAt: string | null;
  ageDays: number | null;
  age: AmiAgeKey;
  /**
   * Why the age is unknown: EC2 does not show the image (deregistered, or not shared with this account), the lookup
   * failed, or it is still running.
   */
  unknown: 'notVisible' | 'lookupFailed' | 'pending' | null;
}

export interface AmiAgeBucket {
  key: AmiAgeKey;
  label: string;
  nodes: number;
  images: number;
  /** The bucket's image IDs for a link to its nodes; null when there are more than a link holds (AMI_LINK_MAX). */
  imageIds: string[] | null;
}
export const AMI_LINK_MAX = 200;

/** OpsItem severities as OpsCenter names them ("1" most severe); null: not set. */
export const OPS_SEVERITIES = ['1', '2', '3', '4'] as const;
export const OPS_SEVERITY_LABEL: Record<string, string> = { '1': 'Critical', '2': 'High', '3': 'Medium', '4': 'Low' };
export const OPEN_OPS_STATUSES = ['Open', 'InProgress'] as const;

export interface OpsDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Created that day, by severity: "1".."4" and "none". */
  bySeverity: Record<string, number>;
  total: number;
}

/** A source the overview reads besides the fleet itself (AMIs, OpsItem history) that failed or is still being read. */
export interface DataGap {
  region: string;
  source: string;
  code: string;
  message: string;
  /** The figures still hold this source's last good read (older than the rest). */
  stale?: boolean;
}

export const OPS_HISTORY_DAYS = 90;
export const OPS_PER_DAY_DAYS = 30;

/** The overview: the figures plus the Explorer-style charts' aggregates, all small (top-N lists with an "other" bucket). */
export interface OverviewSummary extends FleetSummary {
  /** Managed nodes by OS version, most first; `unknown`: managed nodes that report no platform. */
  byOs: { items: OsCount[]; other: Folded | null; unknown: number };
  /** Managed nodes by SSM Agent version, newest first; `unknown`: managed nodes that report none. */
  agentVersions: { items: AgentVersionCount[]; other: Folded | null; unknown: number };
  /** Environments with the most managed nodes first; `other` sums the folded environments. */
  patchByEnvironment: { rows: PatchEnvRow[]; other: (PatchEnvRow & { values: number }) | null };
  /** Open OpsItems naming a node (as counted in `opsItems`), by severity. */
  openOpsBySeverity: { severity: string | null; count: number }[];
  /** OpsItems of every status created in the last OPS_HISTORY_DAYS days, all regions that could be read. */
  opsHistory: {
    total: number;
    byStatus: { status: string; count: number }[];
    perDay: OpsDay[];
    /** The oldest read among the regions (null: none read yet). */
    readAt: string | null;
    /** Regions not (yet) read: their OpsItems are missing from these figures. */
    missingRegions: string[];
  };
  amis: {
    images: AmiGroup[];
    other: Folded | null;
    buckets: AmiAgeBucket[];
    /** EC2 nodes (any state) with an image ID: the total the chart covers. */
    nodes: number;
    /** Nodes without an image ID (hybrid nodes). */
    withoutImage: number;
  };
  /** Sources the charts above read besides the fleet snapshot that failed or are still loading. */
  gaps: DataGap[];
  /** True while a first read (AMIs, OpsItem history) is still running: the browser asks again shortly. */
  pending: boolean;
}
