import { describe, expect, it } from 'vitest';
import { createStats, longestSequentialChain, type Interval } from './index';
import { mulberry32 } from '../fleet-sim/prng';

/** O(n²) reference: longest chain ending at each interval, by start order. */
function bruteForce(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.end - b.end);
  const best = sorted.map(() => 1);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) if (sorted[j].end <= sorted[i].start) best[i] = Math.max(best[i], best[j] + 1);
  }
  return Math.max(0, ...best);
}

function randomIntervals(n: number, seed: number): Interval[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const start = r() * 1000;
    return { start, end: start + r() * 50 };
  });
}

describe('longestSequentialChain', () => {
  it('handles the simple shapes', () => {
    expect(longestSequentialChain([])).toBe(0);
    expect(longestSequentialChain([{ start: 0, end: 10 }, { start: 1, end: 9 }, { start: 2, end: 8 }])).toBe(1);
    expect(longestSequentialChain([{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }])).toBe(3);
    // Two parallel fan-outs of 5 calls each, one after the other, behind one listing call.
    const fanOut = (at: number) => Array.from({ length: 5 }, () => ({ start: at, end: at + 10 }));
    expect(longestSequentialChain([{ start: 0, end: 5 }, ...fanOut(5), ...fanOut(15)])).toBe(3);
  });

  it('matches a brute-force reference on random intervals', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const intervals = randomIntervals(150, seed);
      expect(longestSequentialChain(intervals)).toBe(bruteForce(intervals));
    }
  });

  it('handles 40,000 intervals quickly', () => {
    const intervals = randomIntervals(40_000, 99);
    const started = performance.now();
    const chain = longestSequentialChain(intervals);
    expect(performance.now() - started).toBeLessThan(500);
    expect(chain).toBeGreaterThan(10);
  });
});

describe('createStats', () => {
  it('counts calls by operation, region and status, computes the chain, and resets', () => {
    let t = 0;
    const stats = createStats(() => t);
    const a = stats.begin('ssm', 'DescribeInstanceInformation', 'us-east-1');
    t = 10;
    a(200);
    const b = stats.begin('ec2', 'DescribeInstances', 'eu-west-1');
    const c = stats.begin('ssm', 'DescribeInstanceInformation', 'us-east-1');
    t = 20;
    b(200);
    c(400);
    const snap = stats.snapshot();
    expect(snap).toMatchObject({
      total: 3,
      errors: 1,
      byOperation: { 'ssm:DescribeInstanceInformation': 2, 'ec2:DescribeInstances': 1 },
      byRegion: { 'us-east-1': 2, 'eu-west-1': 1 },
      byStatus: { 200: 2, 400: 1 },
      chain: 2,
      spanMs: 20,
    });
    expect(stats.calls[0]).toEqual({ op: 'ssm:DescribeInstanceInformation', region: 'us-east-1', start: 0, end: 10, status: 200, account: '', principal: '' });
    stats.reset();
    expect(stats.snapshot()).toMatchObject({ total: 0, chain: 0, byOperation: {}, byAccount: {} });
  });

  it('records who each call was made by and counts calls per account', () => {
    const stats = createStats(() => 0);
    const role = 'arn:aws:sts::222222222222:assumed-role/SsmFleetDashboardReadOnly/dash';
    stats.begin('ssm', 'DescribeInstanceInformation', 'us-east-1', 0, { account: '222222222222', principal: role })(200);
    stats.begin('sts', 'AssumeRole', 'us-east-1', 0, { account: '111111111111', principal: 'arn:aws:iam::111111111111:user/demo' })(200);
    stats.begin('ssm', 'DescribeInstanceInformation', 'unsigned')(400);
    expect(stats.calls[0]).toMatchObject({ account: '222222222222', principal: role });
    expect(stats.snapshot().byAccount).toEqual({ '222222222222': 1, '111111111111': 1, '': 1 });
  });
});
