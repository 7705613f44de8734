import type { PingStatus, RegionStatus } from './node';

/** The overview's figures; every one links to the matching nodes. */
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
