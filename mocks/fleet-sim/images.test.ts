import { describe, expect, it } from 'vitest';
import { DAY } from './clock';
import { imageBuild, imageBuildId, regionImages } from './images';
import { createSimulation, type SimNode } from './index';

const NOW = Date.UTC(2025, 5, 1, 12);
const sim = createSimulation({ nodes: 5000, seed: 42, now: () => NOW });
type Ec2Node = SimNode & { ec2: NonNullable<SimNode['ec2']> };
const ec2 = [...sim.store.byId.values()].filter((n): n is Ec2Node => !!n.ec2);
const imageOf = (n: Ec2Node) => regionImages(sim.store, n.region).get(n.ec2.imageId)!;
const ageDays = (n: Ec2Node) => (NOW - imageOf(n).createdTime) / DAY;

describe('AMIs', () => {
  it('every instance runs an image created before it was launched', () => {
    for (const n of ec2) expect(imageOf(n).createdTime, n.id).toBeLessThanOrEqual(n.ec2.launchTime - 12 * 3_600_000);
  });

  it('has images of every age: monthly builds days to weeks old for recent launches, older ones for long-lived servers', () => {
    const buckets = [30, 90, 180, 365, Infinity].map((max, i, all) => ec2.filter((n) => ageDays(n) > (all[i - 1] ?? -1) && ageDays(n) <= max).length);
    for (const b of buckets) expect(b).toBeGreaterThan(0.04 * ec2.length);
    const scaled = ec2.filter((n) => n.ec2.autoScalingGroup);
    expect(scaled.filter((n) => ageDays(n) <= 90).length).toBeGreaterThan(0.8 * scaled.length);
    for (const region of sim.regions) {
      const ages = [...regionImages(sim.store, region).values()].map((i) => (NOW - i.createdTime) / DAY);
      expect(Math.min(...ages)).toBeLessThan(30);
      expect(Math.max(...ages)).toBeGreaterThan(365);
    }
  });

  it('one image line per region, platform and architecture: its builds about a month apart, each with its own ID and dated name', () => {
    const images = [...regionImages(sim.store, 'us-east-1').values()].filter((i) => i.platform === 'al2023' && i.architecture === 'x86_64');
    const times = images.map((i) => i.createdTime).sort((a, b) => b - a);
    const recent = times.filter((t) => NOW - t < 300 * DAY);
    for (let i = 1; i < recent.length; i++) expect(recent[i - 1] - recent[i]).toBeGreaterThanOrEqual(26 * DAY);
    expect(recent.length).toBeGreaterThanOrEqual(8);
    expect(new Set(images.map((i) => i.name)).size).toBe(images.length);
    for (const i of images) expect(i.name).toContain(new Date(i.createdTime).toISOString().slice(0, 10).replaceAll('-', ''));
    expect(imageBuildId('ami-0123456789abcdef0', 0)).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(imageBuildId('ami-0123456789abcdef0', 0)).not.toBe(imageBuildId('ami-0123456789abcdef0', 1));
  });

  it('a launch takes a build created before it, an Auto Scaling launch mostly the newest', () => {
    const launch = NOW - 40 * DAY;
    const picked = Array.from({ length: 200 }, (_, i) =>
      imageBuild('eu-west-1', 'ubuntu2404', 'arm64', { launchTime: launch, reservationId: `r-${i}`, asg: 'web-prod-asg' }, NOW).createdTime);
    for (const t of picked) {
      expect(t).toBeLessThanOrEqual(launch - 12 * 3_600_000);
      expect(launch - t).toBeLessThan(75 * DAY);
    }
    const newest = Math.max(...picked);
    expect(picked.filter((t) => t === newest).length).toBeGreaterThan(120);
    expect(new Set(picked).size).toBe(2); // the rest: the build before it
    // Other launches spread over more builds, some of them far older.
    const other = Array.from({ length: 200 }, (_, i) =>
      imageBuild('eu-west-1', 'ubuntu2404', 'arm64', { launchTime: launch, reservationId: `r-${i}` }, NOW).createdTime);
    expect(new Set(other).size).toBeGreaterThanOrEqual(4);
    expect(Math.min(...other)).toBeLessThan(launch - 300 * DAY);
  });

  it('deregisters old images more often than new ones, never one under two months old', () => {
    const all = sim.regions.flatMap((r) => [...regionImages(sim.store, r).values()]);
    const gone = all.filter((i) => i.deregistered);
    expect(gone.length).toBeGreaterThan(0.1 * all.length);
    expect(gone.every((i) => NOW - i.createdTime > 60 * DAY)).toBe(true);
    const oldShare = (pred: (days: number) => boolean) => {
      const set = all.filter((i) => pred((NOW - i.createdTime) / DAY));
      return set.filter((i) => i.deregistered).length / set.length;
    };
    expect(oldShare((d) => d > 365)).toBeGreaterThan(oldShare((d) => d <= 180));
    for (const region of sim.regions) expect([...regionImages(sim.store, region).values()].some((i) => i.deregistered)).toBe(true);
  });
});
