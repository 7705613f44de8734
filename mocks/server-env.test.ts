import { describe, expect, it } from 'vitest';
import type { MockAccountSpec } from './accounts';
import { parseServerEnv } from './server-env';

const accountsOf = (env: Record<string, string>): MockAccountSpec[] => {
  const parsed = parseServerEnv(env);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.options.accounts ?? [];
};

describe('server environment: accounts', () => {
  it('serves the 3-account demo organization by default, DEMO_NODES split 50/30/20 %', () => {
    const parsed = parseServerEnv({});
    expect(parsed).toMatchObject({ ok: true, options: { port: 4566, seed: 42, scenario: { failRegions: [], denyOperations: [] } } });
    expect(parsed.ok && 'nodes' in parsed.options).toBe(false);
    const specs = accountsOf({});
    expect(specs.map((s) => [s.id, s.name, s.nodes, s.status ?? 'ACTIVE'])).toEqual([
      ['111111111111', 'platform-prod', 150, 'ACTIVE'],
      ['222222222222', 'payments-prod', 90, 'ACTIVE'],
      ['333333333333', 'data-staging', 60, 'ACTIVE'],
      ['888888888888', 'closed-project', 0, 'SUSPENDED'],
    ]);
    expect(specs[0]).toMatchObject({ management: true, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] });
    expect(accountsOf({ AWS_REGIONS: 'eu-north-1' })[0].regions).toEqual(['eu-north-1']);
  });

  it('reads DEMO_ACCOUNTS (1 = one account as before, up to 20), DEMO_ACCOUNT_REGIONS=same and DEMO_BROKEN_ACCOUNT', () => {
    expect(parseServerEnv({ DEMO_ACCOUNTS: '1' })).toMatchObject({ ok: true, options: { nodes: 300, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] } });
    expect(accountsOf({ DEMO_ACCOUNTS: '2' }).map((s) => s.nodes)).toEqual([180, 120, 0]);
    expect(accountsOf({ DEMO_ACCOUNTS: '20' })).toHaveLength(21);
    const same = accountsOf({ DEMO_ACCOUNT_REGIONS: 'same', DEMO_NODES: '3000', AWS_REGIONS: 'us-east-1,eu-west-1,ap-southeast-2' });
    expect(same.slice(0, 3).map((s) => [s.nodes, s.regions.length])).toEqual([[1000, 3], [1000, 3], [1000, 3]]);
    const broken = accountsOf({ DEMO_BROKEN_ACCOUNT: '1' });
    expect(broken.map((s) => s.id)).toEqual(['111111111111', '222222222222', '333333333333', '999999999999', '888888888888']);
    expect(broken[3]).toMatchObject({ name: 'legacy-sandbox', assumable: false, regions: ['us-east-1'] });
  });

  it('accepts 200,000 nodes in all and rejects bad values with a clear message', () => {
    expect(accountsOf({ DEMO_NODES: '200000' }).reduce((n, s) => n + s.nodes, 0)).toBe(200_000);
    expect(parseServerEnv({ DEMO_NODES: '200000', DEMO_ACCOUNTS: '1' })).toMatchObject({ ok: true, options: { nodes: 200_000 } });
    expect(parseServerEnv({ DEMO_ACCOUNTS: '0' })).toEqual({ ok: false, error: 'DEMO_ACCOUNTS must be between 1 and 20 (got 0)' });
    expect(parseServerEnv({ DEMO_ACCOUNTS: '21' })).toEqual({ ok: false, error: 'DEMO_ACCOUNTS must be between 1 and 20 (got 21)' });
    expect(parseServerEnv({ DEMO_ACCOUNTS: 'three' })).toEqual({ ok: false, error: 'DEMO_ACCOUNTS must be a whole number (got "three")' });
    expect(parseServerEnv({ DEMO_ACCOUNT_REGIONS: 'all' })).toMatchObject({ ok: false, error: expect.stringContaining('DEMO_ACCOUNT_REGIONS must be "same"') });
    expect(parseServerEnv({ DEMO_BROKEN_ACCOUNT: 'yes' })).toEqual({ ok: false, error: 'DEMO_BROKEN_ACCOUNT must be 1 or 0 (got "yes")' });
    expect(parseServerEnv({ DEMO_BROKEN_ACCOUNT: '1', DEMO_ACCOUNTS: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('needs DEMO_ACCOUNTS of 2 or more') });
  });
});
