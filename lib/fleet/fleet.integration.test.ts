/** The fleet view through the real SDK against the simulated AWS: joins, call counts, caching and failures. */
import { describe, expect, it } from 'vitest';
import { isListedBySsm, nodePatchCounts, regionFleet, type SimNode } from '@/mocks/fleet-sim';
import { installMockAws, TEST_REGIONS } from '@/lib/testing/mock-aws';
import type { NodeRow } from '@/lib/contracts/node';
import { getFleetSnapshot, getNodeDetail } from './fleet';
import { lookupNode } from './lookup-node';

const mock = installMockAws({ nodes: 300 });

const simRegion = (region: string) => regionFleet(mock.sim.store, region);
const listed = (region: string) => simRegion(region).managed.filter(isListedBySsm);
const unmanagedRunning = (region: string) => simRegion(region).nodes.filter((n) => !n.ssm && n.ec2?.state === 'running');
/** EC2 instances that are not running: SSM does not list them (registered or not); the view shows them as NotRunning. */
const notRunning = (region: string) => simRegion(region).nodes.filter((n) => n.ec2 && n.ec2.state !== 'running');
const openItems = (region: string) => simRegion(region).opsItems.filter((o) => o.status === 'Open' || o.status === 'InProgress');
const tag = (n: SimNode, k: string) => n.tags.find((t) => t.Key === k)?.Value;
/** Online nodes ping continuously, so their last ping moves between two reads. */
const stable = (r: NodeRow) => (r.ping === 'Online' ? { ...r, lastPingAt: 'recent' } : r);

describe('fleet build', () => {
  it('joins every managed node with its EC2 facts, tags, patch state and OpsItems, in every region', async () => {
    const snap = await getFleetSnapshot();
    for (const region of TEST_REGIONS) {
      const rows = snap.nodes.filter((r) => r.region === region);
      expect(rows.filter((r) => r.managed)).toHaveLength(listed(region).length);
      expect(rows.filter((r) => r.ping === 'NotManaged').map((r) => r.id).sort()).toEqual(unmanagedRunning(region).map((n) => n.id).sort());
      const stopped = rows.filter((r) => r.ping === 'NotRunning');
      expect(stopped.map((r) => r.id).sort()).toEqual(notRunning(region).map((n) => n.id).sort());
      expect(stopped.every((r) => !r.managed && r.ec2State === 'stopped')).toBe(true);
      expect(stopped.length).toBeGreaterThan(0);
      expect(snap.regions.find((r) => r.region === region)).toMatchObject({ ok: true, errors: [] });
    }
    let hybrid = 0;
    let scanned = 0;
    for (const row of snap.nodes.filter((r) => r.managed)) {
      const n = mock.sim.store.byId.get(row.id)!;
      expect(row.ping).toBe(n.ssm!.pingStatus);
      expect(row.tags.Environment).toBe(tag(n, 'Environment'));
      expect(row.name).toBe(tag(n, 'Name') ?? row.name);
      if (n.ec2) {
        expect(row).toMatchObject({ instanceType: n.ec2.instanceType, az: n.ec2.availabilityZone, imageId: n.ec2.imageId, ec2State: 'running' });
      } else {
        hybrid++;
        expect(row.id).toMatch(/^mi-/);
        expect(row.tags).toEqual(Object.fromEntries(n.tags.map((t) => [t.Key, t.Value])));
      }
      const counts = nodePatchCounts(n);
      if (!counts) expect(row.patchStatus).toBe('notScanned');
      else {
        scanned++;
        expect(row.patchMissing).toBe(counts.MissingCount);
        expect(row.patchFailed).toBe(counts.FailedCount);
        expect(row.patchCritical).toBe(counts.CriticalNonCompliantCount);
        const bad = counts.MissingCount + counts.FailedCount + counts.InstalledPendingRebootCount;
        expect(row.patchStatus).toBe(bad ? 'noncompliant' : 'compliant');
      }
      const items = TEST_REGIONS.flatMap(openItems).filter((o) => o.nodeId === row.id);
      expect(row.openOpsItems).toBe(items.length);
    }
    expect(hybrid).toBeGreaterThan(0);
    expect(scanned).toBeGreaterThan(200);
  });

  it('uses the fewest calls the APIs allow: 50 a page, patch states 50 IDs a call, one EC2 and one OpsItems listing', async () => {
    await getFleetSnapshot();
    const calls = mock.stats.snapshot().byOperation;
    const sum = (f: (region: string) => number) => TEST_REGIONS.reduce((acc, r) => acc + f(r), 0);
    const pages50 = sum((r) => Math.max(1, Math.ceil(listed(r).length / 50)));
    expect(calls['ssm:DescribeInstanceInformation']).toBe(pages50);
    expect(calls['ssm:DescribeInstancePatchStates']).toBe(sum((r) => Math.ceil(listed(r).length / 50)));
    expect(calls['ec2:DescribeInstances']).toBe(TEST_REGIONS.length);
    expect(calls['ssm:DescribeOpsItems']).toBe(sum((r) => Math.max(1, Math.ceil(openItems(r).length / 50))));
    expect(calls['ssm:ListTagsForResource']).toBe(sum((r) => listed(r).filter((n) => !n.ec2).length));
  });

  it('answers any number of concurrent viewers with one refresh', async () => {
    const snaps = await Promise.all(Array.from({ length: 25 }, () => getFleetSnapshot()));
    expect(new Set(snaps.map((s) => s.version)).size).toBe(1);
    const once = mock.stats.snapshot().total;
    mock.stats.reset();
    await getFleetSnapshot({ refresh: true });
    expect(mock.stats.snapshot().total).toBe(once);
    await Promise.all(Array.from({ length: 10 }, () => getFleetSnapshot()));
    expect(mock.stats.snapshot().total).toBe(once); // fresh cache: no further calls
  });

  it('keeps the other regions visible when one region is down, and names the failure', async () => {
    mock.scenario.failRegions = ['eu-west-1'];
    const snap = await getFleetSnapshot();
    const eu = snap.regions.find((r) => r.region === 'eu-west-1')!;
    expect(eu.ok).toBe(false);
    expect(eu.nodes).toHaveLength(0);
    expect(eu.errors.map((e) => `${e.source} ${e.code}`)).toContain('ssm:DescribeInstanceInformation ServiceUnavailable');
    expect(snap.nodes.filter((r) => r.region === 'us-east-1' && r.managed)).toHaveLength(listed('us-east-1').length);
  });

  it('shows the last good data of a region that fails on refresh, marked as failed', async () => {
    const before = await getFleetSnapshot();
    const euCount = before.nodes.filter((r) => r.region === 'eu-west-1').length;
    mock.scenario.failRegions = ['eu-west-1'];
    const after = await getFleetSnapshot({ refresh: true });
    const eu = after.regions.find((r) => r.region === 'eu-west-1')!;
    expect(eu).toMatchObject({ ok: false, fetchedAt: before.regions.find((r) => r.region === 'eu-west-1')!.fetchedAt });
    expect(after.nodes.filter((r) => r.region === 'eu-west-1')).toHaveLength(euCount);
    expect(eu.errors[0].code).toBe('ServiceUnavailable');
  });

  it('shows nodes with unknown patch state when patch states are denied', async () => {
    mock.scenario.denyOperations = ['ssm:DescribeInstancePatchStates'];
    const snap = await getFleetSnapshot();
    expect(snap.nodes.filter((r) => r.managed).length).toBeGreaterThan(250);
    expect(snap.nodes.every((r) => r.patchStatus === null)).toBe(true);
    for (const r of snap.regions) {
      expect(r.ok).toBe(true);
      expect(r.errors).toEqual([expect.objectContaining({ source: 'ssm:DescribeInstancePatchStates', code: 'AccessDeniedException' })]);
      // A plain reason naming the operation; AWS's own text (account ID, role ARN) stays in the server log.
      expect(r.errors[0].message).toMatch(/not authorized to perform: ssm:DescribeInstancePatchStates/);
      expect(r.errors[0].message).not.toMatch(/\d{12}|arn:|User:/);
    }
  });

  it('shows SSM nodes without EC2 facts when EC2 is denied, and does not invent unmanaged instances', async () => {
    mock.scenario.denyOperations = ['ec2:DescribeInstances'];
    const snap = await getFleetSnapshot();
    expect(snap.nodes.every((r) => r.managed && r.instanceType === null)).toBe(true);
    expect(snap.regions[0].errors[0]).toMatchObject({ source: 'ec2:DescribeInstances', code: 'UnauthorizedOperation' });
  });

  it('shows the EC2 instances of a region whose SSM fails, with SSM status unknown, rather than an empty region', async () => {
    mock.scenario.denyOperations = ['ssm:DescribeInstanceInformation'];
    const snap = await getFleetSnapshot();
    for (const region of TEST_REGIONS) {
      const rows = snap.nodes.filter((r) => r.region === region);
      const ec2 = simRegion(region).nodes.filter((n) => n.ec2);
      expect(rows.map((r) => r.id).sort()).toEqual(ec2.map((n) => n.id).sort());
      const running = rows.filter((r) => r.ec2State === 'running');
      expect(running.length).toBeGreaterThan(20);
      // Neither "not in SSM" nor managed: SSM could not say.
      expect(running.every((r) => r.ping === 'Unknown' && r.instanceType !== null)).toBe(true);
      expect(rows.filter((r) => r.ec2State !== 'running').every((r) => r.ping === 'NotRunning')).toBe(true);
      const status = snap.regions.find((r) => r.region === region)!;
      expect(status.ok).toBe(false);
      expect(status.errors[0]).toMatchObject({ source: 'ssm:DescribeInstanceInformation', code: 'AccessDeniedException' });
    }
  });

  it('rides out throttling: the SDK retries and the fleet is complete', async () => {
    const clean = await getFleetSnapshot();
    mock.scenario.throttleRate = 0.25;
    const throttled = await getFleetSnapshot({ refresh: true });
    expect(mock.stats.snapshot().byStatus['400'] ?? 0).toBeGreaterThan(0);
    expect(throttled.nodes.map((r) => r.id).sort()).toEqual(clean.nodes.map((r) => r.id).sort());
    expect(throttled.regions.every((r) => r.errors.length === 0)).toBe(true);
  });

  it('reports missing credentials without calling AWS', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent';
    process.env.AWS_CONFIG_FILE = '/nonexistent';
    try {
      const snap = await getFleetSnapshot();
      expect(snap.regions.every((r) => !r.ok && r.errors.some((e) => e.code === 'CredentialsMissing'))).toBe(true);
      expect(mock.stats.snapshot().total).toBe(0);
    } finally {
      delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      delete process.env.AWS_CONFIG_FILE;
    }
  });
});

describe('node detail', () => {
  it('serves a node from the cached fleet, and a live lookup agrees with it', async () => {
    const snap = await getFleetSnapshot();
    const withOps = snap.nodes.find((r) => (r.openOpsItems ?? 0) > 0 && r.managed)!;
    const detail = (await getNodeDetail(withOps.id))!;
    expect(detail.node).toEqual(withOps);
    expect(detail.opsItems).toHaveLength(withOps.openOpsItems!);
    const live = (await lookupNode(withOps.id))!;
    expect(stable(live.node)).toEqual(stable(withOps));
    expect(live.opsItems.map((o) => o.id).sort()).toEqual(detail.opsItems.map((o) => o.id).sort());
    const hybrid = snap.nodes.find((r) => r.id.startsWith('mi-'))!;
    expect(stable((await lookupNode(hybrid.id))!.node)).toEqual(stable(hybrid));
    const unmanaged = snap.nodes.find((r) => !r.managed)!;
    expect((await lookupNode(unmanaged.id))!.node).toEqual(unmanaged);
  });

  it('returns null for an unknown node and remembers the miss', async () => {
    await getFleetSnapshot();
    mock.stats.reset();
    expect(await getNodeDetail('i-0000000000000dead')).toBeNull();
    const first = mock.stats.snapshot().total;
    expect(first).toBeGreaterThan(0);
    expect(await getNodeDetail('i-0000000000000dead')).toBeNull();
    expect(mock.stats.snapshot().total).toBe(first);
  });
});
