/** Test helper: synthetic fleets and snapshots at chosen times, for the history's unit and integration tests. */
import type { NodeRow, PatchStatus, SourceError } from '@/lib/contracts/node';
import type { FleetSnapshot, RegionSnapshot } from '@/lib/fleet/types';

export const T0 = Date.parse('2025-06-02T12:00:00.000Z');
export const MIN = 60_000;
export const DAY = 86_400_000;

export const nodeId = (i: number) => `i-${i.toString(16).padStart(17, '0')}`;

type Patch = { status: PatchStatus | null; missing?: number; failed?: number; critical?: number; operation?: string; baselineId?: string };

export function row(i: number, given: Partial<Patch> = {}, over: Partial<NodeRow> = {}): NodeRow {
  const patch = { ...given, status: given.status === undefined ? 'compliant' : given.status };
  const scanned = patch.status === 'compliant' || patch.status === 'noncompliant';
  return {
    id: nodeId(i), account: '', accountName: '', region: 'us-east-1', name: `node-${i}`, managed: true, ping: 'Online', lastPingAt: new Date(T0).toISOString(),
    platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023', agentVersion: '3.3.0', agentLatest: i % 10 !== 0,
    ip: '10.0.0.1', computerName: null, resourceType: 'EC2Instance', ec2State: 'running', instanceType: 't3.micro', az: 'us-east-1a',
    imageId: 'ami-1', instanceProfile: null, launchTime: '2024-01-01T00:00:00.000Z', publicIp: null, vpcId: 'vpc-1', asg: null,
    tags: { Environment: ['prod', 'staging', 'dev'][i % 3] },
    patchStatus: patch.status,
    patchMissing: scanned ? (patch.missing ?? (patch.status === 'noncompliant' ? 2 : 0)) : null,
    patchFailed: scanned ? (patch.failed ?? 0) : null,
    patchPendingReboot: scanned ? 0 : null, patchRejected: scanned ? 0 : null, patchInstalled: scanned ? 40 : null,
    patchCritical: scanned ? (patch.critical ?? 0) : null, patchSecurity: null, patchOther: null,
    patchScannedAt: scanned ? new Date(T0 - 2 * DAY).toISOString() : null,
    patchOperation: scanned ? (patch.operation ?? 'Scan') : null, patchGroup: null,
    baselineId: scanned ? (patch.baselineId ?? 'pb-0123456789abcdef0') : null, openOpsItems: 0,
    ...over,
  };
}

/** A fleet of `n` nodes, a third of them noncompliant, a few never scanned. */
export function fleet(n: number): NodeRow[] {
  return Array.from({ length: n }, (_, i) =>
    row(i, i % 50 === 7 ? { status: 'notScanned' } : i % 3 === 0 ? { status: 'noncompliant', missing: 1 + (i % 4), critical: i % 2 } : { status: 'compliant' }),
  );
}

export function region(nodes: NodeRow[], over: Partial<RegionSnapshot> = {}): RegionSnapshot {
  return {
    account: '', accountName: '', region: nodes[0]?.region ?? 'us-east-1', ok: true, nodes, extras: new Map(), opsItems: new Map(),
    fetchedAt: null, durationMs: 1, errors: [], ...over,
  };
}

export const sourceError = (source: string): SourceError => ({ source, code: 'ThrottlingException', message: 'Rate exceeded' });

export function snapshot(at: number, regions: RegionSnapshot[] | NodeRow[]): FleetSnapshot {
  const rs = (regions.length && 'nodes' in regions[0] ? regions : [region(regions as NodeRow[])]) as RegionSnapshot[];
  const nodes = rs.flatMap((r) => r.nodes);
  const byId = new Map(rs.flatMap((r) => r.nodes.map((n) => [n.id, { row: n, region: r }] as const)));
  return { version: `v${at}`, generatedAt: new Date(at).toISOString(), accounts: [{ id: '', name: '', regions: rs.map((r) => r.region) }], regions: rs, nodes, byId };
}
