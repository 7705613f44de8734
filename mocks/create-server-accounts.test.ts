import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountProfile } from './accounts';
import { createMockAwsServer, type MockAwsServer } from './create-server';

const credentials = { accessKeyId: 'demo', secretAccessKey: 'demo' };
let mock: MockAwsServer;
let url: string;

const json = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const post = (path: string, body?: string) => json(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  const accounts = demoAccountProfile({ accounts: 3, nodes: 200, regions: ['us-east-1', 'eu-west-1'], broken: true });
  mock = createMockAwsServer({ port: 0, seed: 4, accounts });
  url = await mock.listen();
});
afterAll(() => mock.close());

describe('standalone simulated AWS with several accounts', () => {
  it('lists the fleets in health and every account in /__mock/accounts', async () => {
    const health = await json('/__mock/health');
    expect(health.body).toMatchObject({ ok: true, nodes: 200, regions: ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1'] });
    expect(health.body.accounts).toEqual([
      { id: '111111111111', name: 'platform-prod', regions: ['us-east-1', 'eu-west-1'], nodes: 100 },
      { id: '222222222222', name: 'payments-prod', regions: ['us-east-1', 'us-west-2'], nodes: 60 },
      { id: '333333333333', name: 'data-staging', regions: ['eu-west-1', 'eu-central-1'], nodes: 40 },
      { id: '999999999999', name: 'legacy-sandbox', regions: ['us-east-1'], nodes: 0 },
    ]);
    const res = await fetch(`${url}/__mock/accounts`);
    const accounts = (await res.json()) as Array<Record<string, unknown>>;
    expect(accounts.map((a) => [a.id, a.status, a.assumable, a.management])).toEqual([
      ['111111111111', 'ACTIVE', true, true], ['222222222222', 'ACTIVE', true, false], ['333333333333', 'ACTIVE', true, false],
      ['999999999999', 'ACTIVE', false, false], ['888888888888', 'SUSPENDED', false, false],
    ]);
    expect(accounts[1]).toMatchObject({ name: 'payments-prod', email: 'aws+payments-prod@example.com', seed: expect.any(Number) });
  });

  it('answers STS, Organizations and SSM through the endpoint; expires sessions on request', async () => {
    const stsClient = new STSClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
    const out = await stsClient.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::333333333333:role/SsmFleetDashboardReadOnly', RoleSessionName: 'server-test' }));
    const c = out.Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    const session = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    const ssm = new SSMClient({ region: 'eu-central-1', endpoint: url, credentials: session, maxAttempts: 1 });
    const ids = (await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }))).InstanceInformationList?.map((i) => i.InstanceId) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => mock.sims.get('333333333333')?.store.byId.has(id as string))).toBe(true);
    const orgs = new OrganizationsClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
    expect((await orgs.send(new ListAccountsCommand({}))).Accounts).toHaveLength(5);
    expect((await post('/__mock/sts/expire')).body).toEqual({ ok: true, expired: 1 });
    await expect(ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' });
    const stats = (await json('/__mock/stats')).body;
    expect(stats.byAccount).toMatchObject({ '111111111111': 2, '333333333333': 1, '': 1 });
  });

  it('resets every fleet and moves one clock for all of them', async () => {
    const payments = mock.sims.get('222222222222');
    const node = [...(payments?.store.byId.values() ?? [])][0];
    node.tags.push({ Key: 'Changed', Value: 'yes' });
    expect(await post('/__mock/reset')).toEqual({ status: 200, body: { ok: true, nodes: 200 } });
    expect(payments?.store.byId.get(node.id)?.tags.some((t) => t.Key === 'Changed')).toBe(false);
    const before = [...mock.sims.values()].map((s) => s.clock.now());
    await post('/__mock/clock', JSON.stringify({ advanceMs: 3_600_000 }));
    [...mock.sims.values()].forEach((s, i) => expect(s.clock.now() - before[i]).toBeGreaterThanOrEqual(3_600_000));
  });

  it('validates the account scenario fields', async () => {
    const ok = await post('/__mock/scenario', JSON.stringify({ failAccounts: ['222222222222'], denyAssumeRole: ['333333333333'] }));
    expect(ok.body).toMatchObject({ failAccounts: ['222222222222'], denyAssumeRole: ['333333333333'] });
    const bad = await post('/__mock/scenario', JSON.stringify({ failAccounts: ['payments'] }));
    expect(bad).toEqual({ status: 400, body: { error: 'failAccounts must be a list of 12-digit account IDs' } });
    await post('/__mock/scenario', JSON.stringify({ failAccounts: [], denyAssumeRole: [] }));
  });
});
