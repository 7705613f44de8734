import type { NodeRow } from './node';

/** What a column shows, sorts and exports; shared by the table, CSV export and the API's sort. */
export interface ColumnDef {
  id: string;
  label: string;
  /** Sort and export value; null sorts last. */
  value: (row: NodeRow) => string | number | null;
  /** Width hint in pixels for the virtualized grid. */
  width: number;
}

export const TAG_COLUMN_PREFIX = 'tag:';

const patchSummary = (r: NodeRow): string | null => {
  if (r.patchStatus === null) return null;
  if (r.patchStatus === 'notScanned') return 'Not scanned';
  if (r.patchStatus === 'compliant') return 'Compliant';
  const parts: string[] = [];
  if (r.patchMissing) parts.push(`${r.patchMissing} missing`);
  if (r.patchFailed) parts.push(`${r.patchFailed} failed`);
  if (r.patchPendingReboot) parts.push(`${r.patchPendingReboot} pending reboot`);
  if (r.patchRejected) parts.push(`${r.patchRejected} rejected`);
  return parts.join(', ') || 'Noncompliant';
};

/** Patch sort weight: worst first when sorted descending. */
const patchWeight = (r: NodeRow): number | null => {
  if (r.patchStatus === null) return null;
  if (r.patchStatus === 'notScanned') return 0.5;
  if (r.patchStatus === 'compliant') return 0;
  return 1 + (r.patchFailed ?? 0) * 1000 + (r.patchMissing ?? 0) + (r.patchPendingReboot ?? 0);
};

export const FIXED_COLUMNS: ColumnDef[] = [
  { id: 'name', label: 'Name', value: (r) => r.name, width: 180 },
  { id: 'id', label: 'Node ID', value: (r) => r.id, width: 175 },
  { id: 'account', label: 'Account', value: (r) => accountLabel(r), width: 150 },
  { id: 'region', label: 'Region', value: (r) => r.region, width: 115 },
  { id: 'ping', label: 'SSM status', value: (r) => r.ping, width: 130 },
  { id: 'lastPing', label: 'Last ping', value: (r) => r.lastPingAt, width: 95 },
  { id: 'platform', label: 'Platform', value: (r) => platformLabel(r), width: 230 },
  { id: 'agent', label: 'Agent', value: (r) => r.agentVersion, width: 120 },
  { id: 'ip', label: 'IP address', value: (r) => r.ip, width: 120 },
  { id: 'instanceType', label: 'Type', value: (r) => r.instanceType, width: 110 },
  { id: 'az', label: 'AZ', value: (r) => r.az, width: 120 },
  { id: 'patch', label: 'Patches', value: patchWeight, width: 200 },
  { id: 'ops', label: 'OpsItems', value: (r) => r.openOpsItems, width: 85 },
  { id: 'scannedAt', label: 'Last patch scan', value: (r) => r.patchScannedAt, width: 130 },
  { id: 'patchGroup', label: 'Patch group', value: (r) => r.patchGroup, width: 130 },
  { id: 'critical', label: 'Critical missing', value: (r) => r.patchCritical, width: 110 },
  { id: 'ec2State', label: 'EC2 state', value: (r) => r.ec2State, width: 100 },
  { id: 'imageId', label: 'AMI', value: (r) => r.imageId, width: 190 },
  { id: 'instanceProfile', label: 'Instance profile', value: (r) => r.instanceProfile, width: 220 },
  { id: 'launchTime', label: 'Launched', value: (r) => r.launchTime, width: 110 },
  { id: 'computerName', label: 'Computer name', value: (r) => r.computerName, width: 200 },
  { id: 'publicIp', label: 'Public IP', value: (r) => r.publicIp, width: 120 },
  { id: 'vpcId', label: 'VPC', value: (r) => r.vpcId, width: 190 },
  { id: 'asg', label: 'Auto Scaling group', value: (r) => r.asg, width: 170 },
  { id: 'resourceType', label: 'Resource type', value: (r) => r.resourceType, width: 130 },
];

const FIXED_BY_ID = new Map(FIXED_COLUMNS.map((c) => [c.id, c]));

/** What an engineer scans first comes first: identity, connectivity, patches and issues, then placement. */
export const DEFAULT_COLUMNS = [
  'name', 'id', 'region', 'ping', 'lastPing', 'patch', 'ops', 'platform', 'agent', 'tag:Environment', 'tag:Team',
  'ip', 'instanceType', 'az',
];

/** An account by its display name (its ID when unnamed); null for the dashboard's own account without an accounts file. */
export function accountLabel(r: Pick<NodeRow, 'account' | 'accountName'>): string | null {
  return r.accountName || r.account || null;
}

export function platformLabel(r: NodeRow): string | null {
  if (!r.platformName) return null;
  // Windows versions (10.0.20348) say nothing an engineer reads; the name already carries the release.
  if (r.platformType === 'Windows') return r.platformName.replace(/^Microsoft /, '');
  return r.platformVersion ? `${r.platformName} ${r.platformVersion}` : r.platformName;
}

export { patchSummary };

export function isColumnId(id: string): boolean {
  return FIXED_BY_ID.has(id) || (id.startsWith(TAG_COLUMN_PREFIX) && id.length > TAG_COLUMN_PREFIX.length && id.length <= 132);
}

/** The definition of a fixed column or of a tag column `tag:<Key>`. */
export function columnDef(id: string): ColumnDef | undefined {
  const fixed = FIXED_BY_ID.get(id);
  if (fixed) return fixed;
  if (!isColumnId(id)) return undefined;
  const key = id.slice(TAG_COLUMN_PREFIX.length);
  return { id, label: key, value: (r) => r.tags[key] ?? null, width: 130 };
}
