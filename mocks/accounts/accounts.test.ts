import { describe, expect, it } from 'vitest';
import { accountShares, demoAccountId, splitByShares } from './default-profile';
import { createAccounts, demoAccountProfile, MAX_TOTAL_NODES, type MockAccountSpec } from './index';
import { resolveAccountSpecs } from './validate';

const NOW = Date.UTC(2025, 5, 1, 12);
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

describe('the demo organization', () => {
  it('has a management account in AWS_REGIONS, two members in their own regions, 50/30/20 % of the nodes, and a suspended account', () => {
    expect(demoAccountProfile({ accounts: 3, nodes: 301, regions: REGIONS })).toEqual([
      { id: '111111111111', name: 'platform-prod', regions: REGIONS, nodes: 151, management: true },
      { id: '222222222222', name: 'payments-prod', regions: ['us-east-1', 'us-west-2'], nodes: 90 },
      { id: '333333333333', name: 'data-staging', regions: ['eu-west-1', 'eu-central-1'], nodes: 60 },
      { id: '888888888888', name: 'closed-project', regions: [], nodes: 0, status: 'SUSPENDED' },
    ]);
  });

  it('adds team accounts alternating the member region sets, and the broken account on request', () => {
    const specs = demoAccountProfile({ accounts: 20, nodes: 1000, regions: REGIONS, broken: true });
    const ids = specs.map((s) => s.id);
    expect(new Set(ids).size).toBe(22);
    expect(ids.slice(3, 9)).toEqual(['444444444444', '555555555555', '666666666666', '777777777777', '100000000008', '100000000009']);
    expect(specs[3]).toMatchObject({ name: 'team-4', regions: ['us-east-1', 'us-west-2'] });
    expect(specs[4]).toMatchObject({ name: 'team-5', regions: ['eu-west-1', 'eu-central-1'] });
    expect(specs.at(-2)).toEqual({ id: '999999999999', name: 'legacy-sandbox', regions: ['us-east-1'], nodes: 0, assumable: false });
    const nodes = specs.slice(0, 20).map((s) => s.nodes);
    expect(nodes.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(nodes.every((n, i) => i === 0 || n <= nodes[i - 1])).toBe(true);
    expect(demoAccountId(20)).toBe('100000000020');
  });

  it('with sameRegions puts every account in AWS_REGIONS with an even split', () => {
    const specs = demoAccountProfile({ accounts: 3, nodes: 1000, regions: REGIONS, sameRegions: true }).slice(0, 3);
    expect(specs.map((s) => s.nodes)).toEqual([334, 333, 333]);
    expect(specs.every((s) => s.regions.join() === REGIONS.join())).toBe(true);
  });

  it('splits any total exactly, in decreasing shares', () => {
    for (const count of [2, 3, 4, 7, 20]) {
      for (const total of [0, 1, 7, 299, 200_000]) {
        const counts = splitByShares(total, accountShares(count));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(counts.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      }
    }
    expect(accountShares(2)).toEqual([0.6, 0.4]);
  });
});

describe('createAccounts', () => {
  const specs: MockAccountSpec[] = [
    { id: '111111111111', name: 'a', regions: ['us-east-1'], nodes: 200 },
    { id: '222222222222', name: 'b', regions: ['us-east-1', 'eu-west-1'], nodes: 200, management: true },
    { id: '333333333333', name: 'c', regions: ['us-east-1'], nodes: 0, status: 'SUSPENDED' },
  ];

  it('builds one fleet per ACTIVE account on one shared clock, different fleets, no node ID twice', () => {
    const accounts = createAccounts(specs, { seed: 3, now: () => NOW });
    expect([...accounts.sims.keys()]).toEqual(['111111111111', '222222222222']);
    expect(accounts.management.id).toBe('222222222222');
    expect(accounts.managementSim.accountId).toBe('222222222222');
    const [a, b] = [...accounts.sims.values()];
    expect(a.clock).toBe(b.clock);
    expect(a.seed).not.toBe(b.seed);
    const idsA = [...a.store.byId.keys()];
    const idsB = new Set(b.store.byId.keys());
    expect(idsA.filter((id) => idsB.has(id))).toEqual([]);
    expect(accounts.totalNodes()).toBe(400);
    expect(accounts.specs.map((s) => [s.status, s.management, s.assumable])).toEqual([['ACTIVE', false, true], ['ACTIVE', true, true], ['SUSPENDED', false, false]]);
    a.clock.advance(60_000);
    expect(b.clock.now()).toBe(NOW + 60_000);
  });

  it('draws a fleet again when its node IDs would collide (two accounts given the same seed)', () => {
    const same = specs.slice(0, 2).map((s) => ({ ...s, seed: 99, regions: ['us-east-1'] }));
    const accounts = createAccounts(same, { now: () => NOW });
    const [a, b] = [...accounts.sims.values()];
    expect(b.seed).not.toBe(a.seed);
    const idsB = new Set(b.store.byId.keys());
    expect([...a.store.byId.keys()].some((id) => idsB.has(id))).toBe(false);
    expect(accounts.specs[1].seed).toBe(b.seed);
    accounts.reset();
    expect(new Set(b.store.byId.keys())).toEqual(idsB);
  });

  it('rejects bad specs with one message naming every problem, and accepts 200,000 nodes in all', () => {
    const bad: MockAccountSpec[] = [
      { id: '12345', name: '', regions: ['mars'], nodes: -1 },
      { id: '12345', name: 'x', regions: [], nodes: 1 },
    ];
    expect(() => resolveAccountSpecs(bad, 1)).toThrow(/id must be 12 digits.*name must be.*regions must be.*nodes must be.*used twice.*needs at least one region/);
    expect(() => resolveAccountSpecs([{ ...specs[0], management: true }, specs[1]], 1)).toThrow(/only one account/);
    expect(() => resolveAccountSpecs([specs[2]], 1)).toThrow(/must be ACTIVE/);
    const big = [{ ...specs[0], nodes: 100_000 }, { ...specs[1], nodes: 60_000 }, { ...specs[2], status: 'ACTIVE' as const, nodes: 40_000 }];
    expect(resolveAccountSpecs(big, 1).reduce((n, s) => n + s.nodes, 0)).toBe(MAX_TOTAL_NODES);
    expect(() => resolveAccountSpecs([...big.slice(0, 2), { ...big[2], nodes: 40_001 }], 1)).toThrow(/at most 200000 nodes \(got 200001\)/);
  });
});
