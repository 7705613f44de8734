/** The overview charts' aggregates, from hand-made rows: real counts, folding into "other", and unknowns kept apart. */
import { describe, expect, it } from 'vitest';
import type { NodeRow, OpsItemRef } from '@/lib/contracts/node';
import type { RecentOps } from './recent-ops-items';
import { agentVersionCounts, compareVersions, openOpsBySeverity, osCounts, patchByEnvironment, topN } from './summary-nodes';
import { amiSummary, opsHistory, sourceGaps, type AmiInput } from './summary-sources';
import type { RegionSnapshot } from './types';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
let seq = 0;

function row(over: Partial<NodeRow> = {}): NodeRow {
  const id = `i-${(++seq).toString(16).padStart(17, '0')}`;
  return {
    id, account: '', accountName: '', region: 'us-east-1', name: id, managed: true, ping: 'Online', lastPingAt: null, platformType: 'Linux',
    platformName: 'Ubuntu', platformVersion: '22.04', agentVersion: '3.3.1142.0', agentLatest: true, ip: null, computerName: null,
    resourceType: 'EC2Instance', ec2State: 'running', instanceType: 't3.micro', az: null, imageId: 'ami-0aaaaaaaaaaaaaaaa', instanceProfile: null,
    launchTime: null, publicIp: null, vpcId: null, asg: null, tags: { Environment: 'prod' }, patchStatus: 'compliant', patchMissing: 0,
    patchFailed: 0, patchPendingReboot: 0, patchRejected: 0, patchInstalled: 10, patchCritical: 0, patchSecurity: 0, patchOther: 0,
    patchScannedAt: null, patchOperation: 'Scan', patchGroup: null, baselineId: null, openOpsItems: 0,
    ...over,
  };
}
const times = (n: number, over: Partial<NodeRow>) => Array.from({ length: n }, () => row(over));

describe('top-N folding', () => {
  it('keeps the largest entries and says how many values and how much it folded', () => {
    const r = topN([{ k: 'a', n: 5 }, { k: 'b', n: 1 }, { k: 'c', n: 9 }, { k: 'd', n: 2 }], (e) => e.n, 2);
    expect(r.items.map((e) => e.k)).toEqual(['c', 'a']);
    expect(r.other).toEqual({ values: 2, count: 3 });
    expect(topN([{ n: 1 }], (e) => e.n, 2).other).toBeNull();
  });
});

describe('nodes by OS version and agent version', () => {
  it('counts managed nodes per platform name + version, with the rest folded and the unreported apart', () => {
    const managed = [
      ...times(5, { platformName: 'Ubuntu', platformVersion: '22.04' }),
      ...times(3, { platformName: 'Ubuntu', platformVersion: '24.04' }),
      ...times(2, { platformName: 'Amazon Linux', platformVersion: '2023' }),
      row({ platformName: 'Red Hat Enterprise Linux', platformVersion: '9.4' }),
      row({ platformName: null, platformVersion: null }),
    ];
    const r = osCounts(managed, 2);
    expect(r.items).toEqual([
      { os: 'Ubuntu 22.04', platform: 'Ubuntu', version: '22.04', count: 5 },
      { os: 'Ubuntu 24.04', platform: 'Ubuntu', version: '24.04', count: 3 },
    ]);
    expect(r.other).toEqual({ values: 2, count: 3 });
    expect(r.unknown).toBe(1);
  });

  it('lists agent versions newest first, never folds the latest, and counts nodes without a version', () => {
    const managed = [
      ...times(2, { agentVersion: '3.3.1142.0', agentLatest: true }),
      ...times(6, { agentVersion: '3.2.582.0', agentLatest: false }),
      ...times(4, { agentVersion: '3.3.987.0', agentLatest: false }),
      ...times(3, { agentVersion: '2.3.1319.0', agentLatest: false }),
      row({ agentVersion: null, agentLatest: null }),
    ];
    const r = agentVersionCounts(managed, 2);
    expect(r.items.map((v) => [v.version, v.count, v.latest])).toEqual([
      ['3.3.1142.0', 2, true], // kept although it is the least common: it is the latest
      ['3.3.987.0', 4, false],
      ['3.2.582.0', 6, false],
    ]);
    expect(r.other).toEqual({ values: 1, count: 3 });
    expect(r.unknown).toBe(1);
    expect(compareVersions('3.3.1142.0', '3.3.987.0')).toBeGreaterThan(0);
  });
});

describe('patch compliance: environment x severity', () => {
  it('counts each environment by severity class and state, untagged nodes as their own row', () => {
    const managed = [
      row({ tags: { Environment: 'prod' }, patchStatus: 'noncompliant', patchMissing: 3, patchCritical: 1, patchSecurity: 2 }),
      row({ tags: { Environment: 'prod' }, patchStatus: 'noncompliant', patchMissing: 1, patchOther: 1 }),
      row({ tags: { Environment: 'prod' } }),
      row({ tags: { Environment: 'prod' }, patchStatus: null, patchCritical: null }),
      row({ tags: { Environment: 'dev' }, patchStatus: 'notScanned' }),
      row({ tags: {}, patchStatus: 'noncompliant', patchSecurity: 4 }),
    ];
    const { rows, other } = patchByEnvironment(managed);
    expect(other).toBeNull();
    expect(rows).toEqual([
      { environment: 'prod', managed: 4, critical: 1, security: 1, other: 1, noncompliant: 2, compliant: 1, notScanned: 0, unknown: 1 },
      { environment: 'dev', managed: 1, critical: 0, security: 0, other: 0, noncompliant: 0, compliant: 0, notScanned: 1, unknown: 0 },
      { environment: null, managed: 1, critical: 0, security: 1, other: 0, noncompliant: 1, compliant: 0, notScanned: 0, unknown: 0 },
    ]);
  });

  it('folds the smallest environments into one summed row', () => {
    const managed = [...times(3, { tags: { Environment: 'prod' } }), row({ tags: { Environment: 'qa' }, patchStatus: 'noncompliant', patchCritical: 2 }), row({ tags: { Environment: 'sandbox' } })];
    const { rows, other } = patchByEnvironment(managed, 1);
    expect(rows.map((r) => r.environment)).toEqual(['prod']);
    expect(other).toMatchObject({ values: 2, managed: 2, critical: 1, noncompliant: 1, compliant: 1 });
  });
});

describe('OpsItems', () => {
  const ref = (id: string, severity: string | null): OpsItemRef => ({ id, title: id, status: 'Open', severity, priority: null, source: null, category: null, createdAt: null });

  it('counts each open OpsItem once by severity, whichever nodes it names', () => {
    const region = { opsItems: new Map([['i-1', [ref('oi-1', '2'), ref('oi-2', '1')]], ['i-2', [ref('oi-1', '2')]], ['i-3', [ref('oi-3', null)]]]) } as unknown as RegionSnapshot;
    expect(openOpsBySeverity([region])).toEqual([{ severity: '1', count: 1 }, { severity: '2', count: 1 }, { severity: null, count: 1 }]);
  });

  it('counts the last 90 days by status and the last 30 by UTC day and severity; unread regions are named', () => {
    const at = (daysAgo: number, hour = 0) => Date.parse('2026-11-22T00:00:00Z') - daysAgo * DAY + hour * 3_600_000;
    const read: RecentOps = {
      region: 'us-east-1', readAt: '2026-11-22T11:58:00Z', error: null,
      items: [
        { id: 'a', status: 'Open', severity: '1', createdAt: at(0, 11) },
        { id: 'b', status: 'Open', severity: '3', createdAt: at(0, 1) },
        { id: 'c', status: 'Resolved', severity: '2', createdAt: at(29, 23) },
        { id: 'd', status: 'Resolved', severity: null, createdAt: at(30) }, // 30 days ago: before the per-day window
        { id: 'e', status: 'InProgress', severity: '9', createdAt: at(5) },
      ],
    };
    const h = opsHistory([read, undefined], ['us-east-1', 'eu-west-1'], NOW);
    expect(h.total).toBe(5);
    expect(h.byStatus).toEqual([{ status: 'Open', count: 2 }, { status: 'Resolved', count: 2 }, { status: 'InProgress', count: 1 }]);
    expect(h.perDay).toHaveLength(30);
    expect(h.perDay[0].day).toBe('2026-10-24');
    expect(h.perDay[29]).toEqual({ day: '2026-11-22', bySeverity: { 1: 1, 2: 0, 3: 1, 4: 0, none: 0 }, total: 2 });
    expect(h.perDay[0]).toMatchObject({ bySeverity: { 2: 1 }, total: 1 });
    expect(h.perDay[24]).toMatchObject({ day: '2026-11-17', bySeverity: { none: 1 }, total: 1 });
    expect(h.perDay.reduce((n, d) => n + d.total, 0)).toBe(4);
    expect(h.missingRegions).toEqual(['eu-west-1']);
    expect(h.readAt).toBe('2026-11-22T11:58:00Z');
  });
});

describe('AMIs and their age', () => {
  it('groups nodes by image, ages each image from its creation date and keeps the unknown ones apart, with the reason', () => {
    const nodes = [
      ...times(4, { imageId: 'ami-00000000000000001' }),
      ...times(2, { imageId: 'ami-00000000000000002', managed: false, ping: 'NotRunning' }),
      ...times(3, { imageId: 'ami-00000000000000003', region: 'eu-west-1' }),
      row({ imageId: 'ami-00000000000000004' }),
      row({ imageId: null, id: 'mi-00000000000000001' }),
    ];
    const byRegion = new Map<string, AmiInput>([
      ['us-east-1', { missing: 'lookupFailed', facts: new Map([
        ['ami-00000000000000001', { name: 'golden-2026-11', createdAt: new Date(NOW - 10 * DAY - 5).toISOString() }],
        ['ami-00000000000000002', { name: 'old', createdAt: new Date(NOW - 400 * DAY).toISOString() }],
        ['ami-00000000000000004', null],
      ]) }],
      ['eu-west-1', { missing: 'lookupFailed', facts: new Map() }],
    ]);
    const a = amiSummary(nodes, byRegion, NOW);
    expect(a.nodes).toBe(10);
    expect(a.withoutImage).toBe(1);
    expect(a.images.map((i) => [i.imageId, i.nodes, i.ageDays, i.age, i.unknown])).toEqual([
      ['ami-00000000000000001', 4, 10, 'd30', null],
      ['ami-00000000000000003', 3, null, 'unknown', 'lookupFailed'],
      ['ami-00000000000000002', 2, 400, 'old', null],
      ['ami-00000000000000004', 1, null, 'unknown', 'notVisible'],
    ]);
    const bucket = (k: string) => a.buckets.find((b) => b.key === k)!;
    expect(bucket('d30')).toMatchObject({ nodes: 4, images: 1, imageIds: ['ami-00000000000000001'] });
    expect(bucket('old')).toMatchObject({ nodes: 2, images: 1 });
    expect(bucket('unknown')).toMatchObject({ nodes: 4, images: 2, imageIds: ['ami-00000000000000003', 'ami-00000000000000004'] });
    expect(a.buckets.reduce((n, b) => n + b.nodes, 0)).toBe(a.nodes);

    const top = amiSummary(nodes, byRegion, NOW, 2);
    expect(top.images).toHaveLength(2);
    expect(top.other).toEqual({ values: 2, count: 3 });
    expect(top.buckets.reduce((n, b) => n + b.nodes, 0)).toBe(10); // the buckets still cover every image
  });

  it('names failed and pending reads per region', () => {
    const failed: RecentOps = { region: 'eu-west-1', items: null, readAt: null, error: Object.assign(new Error('Rate exceeded'), { code: 'ThrottlingException' }) as never };
    const gaps = sourceGaps(['us-east-1', 'eu-west-1'], [undefined, failed], new Map([['us-east-1', { region: 'us-east-1', source: 'ec2:DescribeImages', code: 'UnauthorizedOperation', message: 'AMI ages unknown: no' }]]), true);
    expect(gaps.map((g) => [g.region, g.source, g.code])).toEqual([
      ['us-east-1', 'ssm:DescribeOpsItems', 'Pending'],
      ['us-east-1', 'ec2:DescribeImages', 'UnauthorizedOperation'],
      ['eu-west-1', 'ssm:DescribeOpsItems', 'ThrottlingException'],
    ]);
    expect(gaps[2].message).toMatch(/OpsItem history unavailable: Rate exceeded/);
  });
});
