/**
 * The standalone server's demo organization (DEMO_ACCOUNTS >= 2): a management account, member accounts in other
 * regions, optionally a broken one (listed, not assumable), and always one suspended account (listed, no fleet).
 */
import type { MockAccountSpec } from './types';

export const MAX_DEMO_ACCOUNTS = 20;
export const BROKEN_ACCOUNT_ID = '999999999999';
export const SUSPENDED_ACCOUNT_ID = '888888888888';

const NAMED = [
  { id: '111111111111', name: 'platform-prod' },
  { id: '222222222222', name: 'payments-prod', regions: ['us-east-1', 'us-west-2'] },
  { id: '333333333333', name: 'data-staging', regions: ['eu-west-1', 'eu-central-1'] },
];
const MEMBER_REGION_SETS = [NAMED[1].regions as string[], NAMED[2].regions as string[]];

/** Account n (1-based): 111111111111 ... 777777777777, then 100000000008 ...: 888... and 999... are taken. */
export function demoAccountId(n: number): string {
  return n <= 7 ? String(n).repeat(12) : String(100_000_000_000 + n);
}

/** Decreasing shares: 60/40 for two accounts, 50/30/20 for three, 1/(i+1) normalized for more. */
export function accountShares(count: number): number[] {
  if (count === 1) return [1];
  if (count === 2) return [0.6, 0.4];
  if (count === 3) return [0.5, 0.3, 0.2];
  const raw = Array.from({ length: count }, (_, i) => 1 / (i + 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/** Whole numbers in proportion to `shares` that sum to exactly `total` (largest remainders get the leftovers). */
export function splitByShares(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => total * s);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
  return counts;
}

export interface DemoProfileOptions {
  /** 2..20 fleets. */
  accounts: number;
  /** All fleets together. */
  nodes: number;
  /** The management account's regions (AWS_REGIONS), and every account's with `sameRegions`. */
  regions: readonly string[];
  /** Every account in `regions`, nodes split evenly (benchmarks: N accounts x the same regions). */
  sameRegions?: boolean;
  /** Add 999999999999 "legacy-sandbox": listed and ACTIVE, no nodes, AssumeRole into it is AccessDenied. */
  broken?: boolean;
}

export function demoAccountProfile(opts: DemoProfileOptions): MockAccountSpec[] {
  const { accounts: count, nodes, regions } = opts;
  const shares = opts.sameRegions ? Array<number>(count).fill(1 / count) : accountShares(count);
  const counts = splitByShares(nodes, shares);
  const specs: MockAccountSpec[] = counts.map((n, i) => {
    const named = NAMED[i];
    const memberRegions = named?.regions ?? MEMBER_REGION_SETS[(i - 3) % 2];
    return {
      id: named?.id ?? demoAccountId(i + 1),
      name: named?.name ?? `team-${i + 1}`,
      regions: [...(opts.sameRegions || i === 0 ? regions : memberRegions)],
      nodes: n,
      ...(i === 0 ? { management: true } : {}),
    };
  });
  if (opts.broken) specs.push({ id: BROKEN_ACCOUNT_ID, name: 'legacy-sandbox', regions: ['us-east-1'], nodes: 0, assumable: false });
  specs.push({ id: SUSPENDED_ACCOUNT_ID, name: 'closed-project', regions: [], nodes: 0, status: 'SUSPENDED' });
  return specs;
}
