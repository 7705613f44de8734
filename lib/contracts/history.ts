import { z } from 'zod';
import type { PatchStatus } from './node';

/**
 * The dashboard's own history, kept in the embedded database: one compact summary per fleet refresh
 * (at most one kept per 5 minutes, for 90 days) and each node's patch-compliance changes.
 */

export const HISTORY_DAYS = [7, 30, 90] as const;
export const HISTORY_RETENTION_DAYS = 90;
export const HISTORY_MIN_INTERVAL_MINUTES = 5;

export const HistoryQuerySchema = z.object({
  days: z.coerce
    .number({ error: 'days must be a whole number of days: 7, 30 or 90' })
    .int('days must be a whole number of days: 7, 30 or 90')
    .min(1, 'days must be between 1 and 90')
    .max(HISTORY_RETENTION_DAYS, 'days must be between 1 and 90 (history is kept 90 days)')
    .default(30),
});

/** One fleet refresh, summarized. Counts are over the whole fleet at that time. */
export interface FleetHistoryPoint {
  /** When the refresh finished (ISO). With downsampling: the start of the bucket. */
  at: string;
  total: number;
  managed: number;
  online: number;
  connectionLost: number;
  inactive: number;
  notManaged: number;
  notRunning: number;
  compliant: number;
  noncompliant: number;
  notScanned: number;
  /** Managed nodes whose patch state is unknown (never reported, or its source failed). */
  patchUnknown: number;
  criticalNodes: number;
  agentLatest: number;
  agentOutdated: number;
  openOpsItems: number;
  /** Some region or source failed in that refresh: its figures are incomplete. */
  partial: boolean;
  /** Generated at first start in demo mode, not recorded from a real refresh. */
  simulated: boolean;
}

export interface HistoryResponse {
  days: number;
  from: string;
  to: string;
  /** Minutes each point stands for after downsampling (5 when not downsampled). */
  resolutionMinutes: number;
  points: FleetHistoryPoint[];
  /** The first point that was recorded from a real refresh (null: none yet). */
  recordedSince: string | null;
  /** The simulated part of the history, if any: [from, to]. */
  simulated: { from: string; to: string } | null;
}

/** A node's patch compliance changed between two refreshes (or it was first seen). */
export interface ComplianceChange {
  nodeId: string;
  at: string;
  from: PatchStatus | null;
  to: PatchStatus | null;
  missing: number | null;
  failed: number | null;
  critical: number | null;
  pendingReboot: number | null;
  operation: string | null;
  baselineId: string | null;
  scannedAt: string | null;
  /**
   * The summary now comes from a scan of another baseline or another operation (Scan vs Install) than the one
   * before: the change may not mean the node itself changed.
   */
  overwritten: boolean;
  /** The operation and baseline of the node's state before this change (null: first seen, or not known then). */
  previousOperation: string | null;
  previousBaselineId: string | null;
  simulated: boolean;
}

export interface NodeHistoryResponse {
  nodeId: string;
  changes: ComplianceChange[];
  recordedSince: string | null;
}
