/** The overview's summary through the real SDK against the simulated AWS: AMI ages, the OpsItem history and their failures. */
import { beforeEach, describe, expect, it } from 'vitest';
import { regionFleet } from '@/mocks/fleet-sim';
import { regionImages } from '@/mocks/fleet-sim/images';
import { installMockAws, TEST_REGIONS } from '@/lib/testing/mock-aws';
import { resetAmiFacts } from './ami-facts';
import { getFleetSnapshot, getFleetSummary } from './fleet';
import { resetRecentOpsItems } from './recent-ops-items';
import { overviewSummary, summarize } from './summary';

const mock = installMockAws({ nodes: 600 });
beforeEach(() => {
  resetAmiFacts();
  resetRecentOpsItems();
});
const DAY = 86_400_000;

describe('overview summary', () => {
  it('ages every AMI from DescribeImages; deregistered images are "not visible", and the buckets cover every EC2 node', async () => {
    const s = await getFleetSummary();
    expect(s.pending).toBe(false);
    expect(s.gaps).toEqual([]);
    const ec2 = TEST_REGIONS.flatMap((r) => regionFleet(mock.sim.store, r).ec2);
    expect(s.amis.nodes).toBe(ec2.length);
    expect(s.amis.buckets.reduce((n, b) => n + b.nodes, 0)).toBe(ec2.length);
    const shown = [...s.amis.images];
    expect(shown.length).toBeGreaterThan(5);
    for (const img of shown) {
      const sim = regionImages(mock.sim.store, img.region).get(img.imageId)!;
      expect(img.nodes).toBe(ec2.filter((n) => n.ec2!.imageId === img.imageId).length);
      if (sim.deregistered) expect(img).toMatchObject({ createdAt: null, age: 'unknown', unknown: 'notVisible' });
      else {
        expect(img.createdAt).toBe(new Date(sim.createdTime).toISOString());
        expect(img.name).toBe(sim.name);
        expect(img.ageDays).toBe(Math.floor((Date.parse(s.generatedAt) - sim.createdTime) / DAY));
      }
    }
    expect(shown.some((i) => i.unknown === 'notVisible')).toBe(true);
  });

  it('reads OpsItems of every status created in the last 90 days, and counts the open ones on nodes by severity', async () => {
    const s = await getFleetSummary();
    const since = Date.parse(s.generatedAt) - 90 * DAY;
    const items = TEST_REGIONS.flatMap((r) => regionFleet(mock.sim.store, r).opsItems).filter((i) => i.createdTime > since);
    expect(s.opsHistory.total).toBe(items.length);
    expect(s.opsHistory.missingRegions).toEqual([]);
    const resolved = items.filter((i) => i.status === 'Resolved').length;
    expect(resolved).toBeGreaterThan(0);
    expect(s.opsHistory.byStatus.find((b) => b.status === 'Resolved')?.count).toBe(resolved);
    const inWindow = items.filter((i) => i.createdTime >= Date.parse(s.opsHistory.perDay[0].day)).length;
    expect(s.opsHistory.perDay.reduce((n, d) => n + d.total, 0)).toBe(inWindow);
    expect(s.openOpsBySeverity.reduce((n, b) => n + b.count, 0)).toBe(s.opsItems.items);
  });

  it('answers at once with what it has while its own first reads run (pending), and completely once they are done', async () => {
    const snap = await getFleetSnapshot();
    mock.scenario.latencyMs = 300; // a slow account: the reads take longer than the overview waits
    const early = await overviewSummary(snap, summarize(snap), { waitMs: 50 });
    expect(early.pending).toBe(true);
    expect(early.gaps.filter((g) => g.code === 'Pending').map((g) => g.source).sort()).toEqual([
      ...TEST_REGIONS.map(() => 'ec2:DescribeImages'), ...TEST_REGIONS.map(() => 'ssm:DescribeOpsItems'),
    ].sort());
    expect(early.amis.images.every((i) => i.unknown === 'pending')).toBe(true);
    expect(early.opsHistory.missingRegions).toEqual(TEST_REGIONS);
    const later = await getFleetSummary();
    expect(later).toMatchObject({ pending: false, gaps: [], version: snap.version });
    expect(later.opsHistory.missingRegions).toEqual([]);
  });

  it('says what failed: a denied DescribeImages leaves ages unknown ("lookup failed"), a region outage leaves its OpsItems out', async () => {
    mock.scenario.denyOperations = ['ec2:DescribeImages'];
    mock.scenario.failRegions = ['eu-west-1'];
    const s = await getFleetSummary();
    expect(s.gaps.filter((g) => g.source === 'ec2:DescribeImages').map((g) => g.region).sort()).toEqual(['ap-southeast-2', 'us-east-1']);
    expect(s.gaps.find((g) => g.source === 'ec2:DescribeImages')?.code).toBe('UnauthorizedOperation');
    expect(s.gaps.find((g) => g.source === 'ssm:DescribeOpsItems')).toMatchObject({ region: 'eu-west-1', code: 'ServiceUnavailable' });
    expect(s.opsHistory.missingRegions).toEqual(['eu-west-1']);
    const usImages = s.amis.images.filter((i) => i.region === 'us-east-1');
    expect(usImages.length).toBeGreaterThan(0);
    expect(usImages.every((i) => i.unknown === 'lookupFailed' && i.age === 'unknown')).toBe(true);
  });
});
