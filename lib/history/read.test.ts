/** Reading the history: downsampling for charts, the recorded and simulated spans, a node's changes. */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { useTempDataDir } from '@/lib/testing/actions';
import { recordRefresh } from './record';
import { MAX_POINTS, readHistory, readNodeHistory, resolutionFor } from './read';
import { DEMO_SEEDED_KEY } from './demo/seed';
import { pointParams, statements, type StoredPoint } from './store';
import { DAY, MIN, T0, nodeId, region, row, snapshot, sourceError } from './test-fleet';

beforeEach(() => {
  useTempDataDir();
  delete process.env.DEMO_MODE;
});

/** Points stored directly: `compliant` carries the point's index, to tell which one a bucket took. */
function store(points: Partial<StoredPoint>[]): void {
  const s = statements(db());
  const zero = {
    total: 0, managed: 0, online: 0, connectionLost: 0, inactive: 0, notManaged: 0, notRunning: 0, compliant: 0, noncompliant: 0,
    notScanned: 0, patchUnknown: 0, criticalNodes: 0, agentLatest: 0, agentOutdated: 0, openOpsItems: 0, partial: false, simulated: false,
  };
  db().transaction(() => points.forEach((p) => s.upsertPoint.run(...pointParams({ ...zero, at: T0, ...p }))))();
}

describe('resolution', () => {
  it('keeps every chart within about 400 points with bucket sizes that read well', () => {
    expect([1, 7, 30, 90].map(resolutionFor)).toEqual([5, 30, 120, 360]);
    for (let days = 1; days <= 90; days++) {
      const res = resolutionFor(days);
      expect((days * 1440) / res, `days=${days}`).toBeLessThanOrEqual(MAX_POINTS);
      expect(res % 5, `days=${days}`).toBe(0);
    }
  });
});

describe('readHistory', () => {
  it('downsamples 7 days of 5-minute points into 30-minute buckets holding each bucket\'s newest point', () => {
    const now = T0;
    const start = now - 7 * DAY;
    store(Array.from({ length: 7 * 288 }, (_, i) => ({ at: start + i * 5 * MIN + 1000, compliant: i })));
    const h = readHistory(7, now);
    expect(h.resolutionMinutes).toBe(30);
    expect(h.points.length).toBeGreaterThanOrEqual(336);
    expect(h.points.length).toBeLessThanOrEqual(MAX_POINTS);
    for (const p of h.points) expect(Date.parse(p.at) % (30 * MIN)).toBe(0); // the bucket's start
    const byAt = new Map(h.points.map((p) => [p.at, p]));
    // The bucket starting 30 minutes after `start` holds points 6..11: the newest is 11.
    const bucket = new Date(start + 30 * MIN).toISOString();
    expect(byAt.get(bucket)?.compliant).toBe(11);
    expect(h.from).toBe(new Date(start).toISOString());
    expect(h.to).toBe(new Date(now).toISOString());
  });

  it('prefers the newest complete point of a bucket over a newer partial one; a bucket of partial points stays partial', () => {
    const b = Math.floor(T0 / (120 * MIN)) * 120 * MIN - 240 * MIN; // a 2-hour bucket, two buckets back
    store([
      { at: b + 10 * MIN, compliant: 1 },
      { at: b + 60 * MIN, compliant: 2 },
      { at: b + 115 * MIN, compliant: 3, partial: true },
      { at: b + 125 * MIN, compliant: 4, partial: true },
      { at: b + 200 * MIN, compliant: 5, partial: true },
    ]);
    const h = readHistory(30, T0);
    expect(h.resolutionMinutes).toBe(120);
    expect(h.points.map((p) => [p.at, p.compliant, p.partial])).toEqual([
      [new Date(b).toISOString(), 2, false],
      [new Date(b + 120 * MIN).toISOString(), 5, true],
    ]);
  });

  it('keeps the refresh times when one day needs no downsampling, and leaves out what is older than asked', () => {
    store([{ at: T0 - 2 * DAY, compliant: 9 }, { at: T0 - 7 * MIN - 17_000, compliant: 1 }, { at: T0 - 1000, compliant: 2 }]);
    const h = readHistory(1, T0);
    expect(h.resolutionMinutes).toBe(5);
    expect(h.points.map((p) => [p.at, p.compliant])).toEqual([
      [new Date(T0 - 7 * MIN - 17_000).toISOString(), 1],
      [new Date(T0 - 1000).toISOString(), 2],
    ]);
  });

  it('says since when it records, and which part is simulated', () => {
    store([{ at: T0 - 3 * DAY, simulated: true }, { at: T0 - 2 * DAY, simulated: true }, { at: T0 - DAY }]);
    statements(db()).setMeta.run(DEMO_SEEDED_KEY, new Date(T0 - DAY).toISOString()); // as the demo generation leaves it
    const h = readHistory(7, T0);
    expect(h.recordedSince).toBe(new Date(T0 - DAY).toISOString());
    expect(h.simulated).toEqual({ from: new Date(T0 - 3 * DAY).toISOString(), to: new Date(T0 - 2 * DAY).toISOString() });
    expect(h.points.map((p) => p.simulated)).toEqual([true, true, false]);
    expect(readHistory(1, T0).simulated).toBeNull();
  });

  it('answers an empty history honestly', () => {
    expect(readHistory(30, T0)).toMatchObject({ points: [], recordedSince: null, simulated: null, resolutionMinutes: 120 });
  });

  it('refuses a days value outside the retention', () => {
    expect(() => readHistory(91, T0)).toThrow(/between 1 and 90/);
    expect(() => readHistory(0, T0)).toThrow(/between 1 and 90/);
  });
});

describe('readNodeHistory', () => {
  it('lists one node\'s changes newest first, within the retention', () => {
    recordRefresh(snapshot(T0, [row(1), row(2)]));
    recordRefresh(snapshot(T0 + DAY, [row(1, { status: 'noncompliant' }), row(2)]));
    recordRefresh(snapshot(T0 + 2 * DAY, [region([row(1)], { errors: [sourceError('ssm:DescribeOpsItems')] })]));
    const h = readNodeHistory(nodeId(1), T0 + 3 * DAY);
    expect(h.nodeId).toBe(nodeId(1));
    expect(h.recordedSince).toBe(new Date(T0).toISOString());
    expect(h.changes.map((c) => [c.at, c.from, c.to])).toEqual([
      [new Date(T0 + 2 * DAY).toISOString(), 'noncompliant', 'compliant'],
      [new Date(T0 + DAY).toISOString(), 'compliant', 'noncompliant'],
      [new Date(T0).toISOString(), null, 'compliant'],
    ]);
    expect(readNodeHistory(nodeId(1), T0 + 91 * DAY + 1).changes).toHaveLength(1);
    expect(readNodeHistory(nodeId(3), T0 + 3 * DAY)).toEqual({ nodeId: nodeId(3), changes: [], recordedSince: new Date(T0).toISOString() });
  });
});
