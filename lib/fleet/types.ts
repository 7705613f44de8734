import 'server-only';
import type { FleetAccount } from '@/lib/accounts/accounts';
import type { NodeDetail, NodeRow, OpsItemRef, RegionStatus, SourceError } from '@/lib/contracts/node';

/** SSM facts shown on the node page only, kept out of the table rows to keep them small. */
export type SsmExtra = NonNullable<NodeDetail['ssm']>;

export interface RegionSnapshot {
  /** The account read ('' for the dashboard's own identity without an accounts file) and its display name. */
  account: string;
  accountName: string;
  region: string;
  /** false when the node list could not be read in the last refresh. */
  ok: boolean;
  nodes: NodeRow[];
  extras: Map<string, SsmExtra>;
  opsItems: Map<string, OpsItemRef[]>;
  /** The account that owns the region's EC2 instances (null: none listed); ARNs of its nodes need it. */
  accountId?: string | null;
  fetchedAt: string | null;
  durationMs: number | null;
  errors: SourceError[];
  /** Read by an earlier process and saved to disk (see saved-snapshot.ts), not refreshed since this one started. */
  restored?: boolean;
  /** SSM's node list failed but EC2 answered: the region's running instances are shown with ping Unknown. */
  ec2Only?: boolean;
}

export interface FleetSnapshot {
  version: string;
  /** The accounts read (one with ID '' without an accounts file); a failed organization listing is in listingError. */
  accounts: FleetAccount[];
  accountsError?: SourceError;
  generatedAt: string;
  regions: RegionSnapshot[];
  nodes: NodeRow[];
  byId: Map<string, { row: NodeRow; region: RegionSnapshot }>;
}

export function regionStatus(r: RegionSnapshot): RegionStatus {
  return {
    account: r.account, accountName: r.accountName, region: r.region, ok: r.ok, nodes: r.nodes.length, fetchedAt: r.fetchedAt, durationMs: r.durationMs, errors: r.errors,
    ...(r.restored ? { restored: true } : {}),
    ...(r.ec2Only ? { ec2Only: true } : {}),
  };
}
