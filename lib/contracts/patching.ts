/** Patch compliance DTOs: the fleet summary, baselines, patch groups, maintenance windows and a node's patches. */
import type { RegionStatus, SourceError } from './node';

export interface GroupCompliance {
  key: string;
  nodes: number;
  compliant: number;
  noncompliant: number;
  notScanned: number;
  missingPatches: number;
  baselineId?: string | null;
}

export interface ComplianceSummary {
  generatedAt: string;
  managed: number;
  scanned: number;
  compliant: number;
  noncompliant: number;
  notScanned: number;
  unknown: number;
  /** Noncompliant nodes by reason (a node can have several), and the patches behind them. */
  reasons: Record<'missing' | 'failed' | 'pendingReboot' | 'rejected', { nodes: number; patches: number }>;
  severity: Record<'critical' | 'security' | 'other', { nodes: number; patches: number }>;
  byPatchGroup: GroupCompliance[];
  byEnvironment: GroupCompliance[];
  /** By AWS account (key: the account ID, label: its name); empty without an accounts file. */
  byAccount: (GroupCompliance & { label: string })[];
  scanAge: { lastDay: number; lastWeek: number; older: number; never: number };
  /**
   * How each region's part of the figures was read (as the overview has it): a region whose node list failed counts
   * nodes from an earlier read, a failed patch state or tag read leaves nodes unknown. The page says so.
   */
  regions: RegionStatus[];
}

export interface PatchRuleDto {
  filters: string;
  complianceLevel: string | null;
  approveAfterDays: number | null;
  approveUntilDate: string | null;
  enableNonSecurity: boolean;
}

export interface BaselineDto {
  id: string;
  name: string;
  operatingSystem: string;
  owner: 'AWS' | 'Self';
  isDefault: boolean;
  description: string | null;
  rules: PatchRuleDto[] | null;
  approvedPatches: number | null;
  rejectedPatches: number | null;
  rejectedPatchesAction: string | null;
  patchGroups: string[];
}

export interface MaintenanceWindowDto {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  schedule: string | null;
  timezone: string | null;
  durationHours: number | null;
  cutoffHours: number | null;
  nextExecutionTime: string | null;
}

export interface RegionPatchConfig {
  region: string;
  baselines: BaselineDto[];
  patchGroups: { group: string; baselineId: string; baselineName: string | null }[];
  windows: MaintenanceWindowDto[];
  errors: SourceError[];
  fetchedAt: string;
}

export interface NodePatch {
  title: string;
  kbId: string;
  classification: string | null;
  severity: string | null;
  state: string;
  installedTime: string | null;
  cveIds: string[];
}

export interface NodePatches {
  nodeId: string;
  patches: NodePatch[];
  fetchedAt: string;
}
