import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockAwsServer, type MockAwsServer } from './create-server';
import { parseServerEnv } from './server-env';

const credentials = { accessKeyId: 'mock', secretAccessKey: 'mock' };
let mock: MockAwsServer;
let url: string;

const json = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const post = (path: string, body?: string) => json(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  mock = createMockAwsServer({ port: 0, nodes: 120, seed: 9 });
  url = await mock.listen();
});
afterAll(() => mock.close());

describe('standalone simulated AWS endpoint', () => {
  it('answers the real SDK through `endpoint`, per region', async () => {
    const ssm = new SSMClient({ region: 'eu-west-1', endpoint: url, credentials, maxAttempts: 1 });
    const page = await ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    const ids = page.InstanceInformationList?.map((i) => i.InstanceId) ?? [];
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.every((id) => mock.sim.store.byId.get(id as string)?.region === 'eu-west-1')).toBe(true);
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
    const res = await ec2.send(new DescribeInstancesCommand({}));
    expect(res.Reservations?.flatMap((r) => r.Instances ?? []).every((i) => i.Tags?.some((t) => t.Key === 'Name'))).toBe(true);
  });

  it('serves health, stats (with the sequential chain) and stats reset', async () => {
    expect(await json('/__mock/health')).toEqual({ status: 200, body: { ok: true, nodes: 120, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] } });
    const stats = await json('/__mock/stats');
    expect(stats.body).toMatchObject({ total: 2, byOperation: { 'ssm:DescribeInstanceInformation': 1, 'ec2:DescribeInstances': 1 }, byRegion: { 'eu-west-1': 1, 'us-east-1': 1 }, chain: 2 });
    expect((await post('/__mock/stats/reset')).status).toBe(200);
    expect((await json('/__mock/stats')).body).toMatchObject({ total: 0, chain: 0 });
  });

  it('merges scenario changes, rejects bad ones, and applies them to AWS calls', async () => {
    expect((await post('/__mock/scenario', '{not json')).status).toBe(400);
    const bad = await post('/__mock/scenario', JSON.stringify({ throttleRate: 3 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('throttleRate');
    const ok = await post('/__mock/scenario', JSON.stringify({ denyOperations: ['ssm:*'] }));
    expect(ok).toEqual({ status: 200, body: { slowAnswers: {}, latencyMs: 0, throttleRate: 0, failRegions: [], failAccounts: [], denyOperations: ['ssm:*'], denyAssumeRole: [] } });
    const ssm = new SSMClient({ region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1 });
    await expect(ssm.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await post('/__mock/scenario', JSON.stringify({ denyOperations: [] }));
    expect((await ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toHaveLength(10);
  });

  it('resets the fleet from the same seed', async () => {
    const node = [...mock.sim.store.byId.values()][0];
    node.tags.push({ Key: 'Changed', Value: 'yes' });
    expect(await post('/__mock/reset')).toEqual({ status: 200, body: { ok: true, nodes: 120 } });
    const again = mock.sim.store.byId.get(node.id);
    expect(again).toBeDefined();
    expect(again?.tags.some((t) => t.Key === 'Changed')).toBe(false);
  });

  it('reads, speeds up and advances the simulation clock; rejects bad input without applying any of it', async () => {
    const first = await json('/__mock/clock');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ speed: 1, iso: new Date(first.body.now as number).toISOString() });
    expect(Math.abs((first.body.now as number) - Date.now())).toBeLessThan(5000);
    const faster = await post('/__mock/clock', JSON.stringify({ speed: 600, advanceMs: 3_600_000 }));
    expect(faster.status).toBe(200);
    expect(faster.body.speed).toBe(600);
    expect((faster.body.now as number) - (first.body.now as number)).toBeGreaterThanOrEqual(3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(((await json('/__mock/clock')).body.now as number) - (faster.body.now as number)).toBeGreaterThanOrEqual(50 * 600 - 600);
    for (const bad of ['{', '[]', JSON.stringify({ speed: -1 }), JSON.stringify({ speed: 'fast' }), JSON.stringify({ advanceMs: -10 }), JSON.stringify({ speed: 2, rewind: 1 })]) {
      const res = await post('/__mock/clock', bad);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual(expect.any(String));
    }
    expect((await post('/__mock/clock', JSON.stringify({ speed: 1, advanceMs: -1 }))).body.error).toContain('advanceMs');
    expect(mock.sim.clock.speed).toBe(600);
    expect((await post('/__mock/clock', JSON.stringify({ speed: 1 }))).body.speed).toBe(1);
  });

  it('answers requests that are not AWS requests with a 400 JSON error', async () => {
    const res = await fetch(`${url}/`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('does not handle');
    expect((await json('/__mock/nope')).status).toBe(404);
  });
});

describe('server environment', () => {
  it('uses the defaults (one account with DEMO_ACCOUNTS=1) and reads the fault settings', () => {
    expect(parseServerEnv({ DEMO_ACCOUNTS: '1' })).toEqual({
      ok: true,
      options: {
        port: 4566, nodes: 300, seed: 42, timeSpeed: 1, opsItemDedup: 'return-existing', opsItemOpenLimit: 10_000,
        regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], scenario: { latencyMs: 0, failRegions: [], denyOperations: [] },
      },
    });
    const parsed = parseServerEnv({ DEMO_ACCOUNTS: '1', DEMO_NODES: '10000', AWS_REGIONS: 'eu-central-1, us-west-2', MOCK_AWS_THROTTLE_RATE: '0.2', MOCK_AWS_FAIL_REGIONS: 'us-west-2', MOCK_AWS_DENY: 'ec2:DescribeInstances' });
    expect(parsed).toMatchObject({ ok: true, options: { nodes: 10000, regions: ['eu-central-1', 'us-west-2'], scenario: { throttleRate: 0.2, failRegions: ['us-west-2'], denyOperations: ['ec2:DescribeInstances'] } } });
  });

  it('rejects more than 200,000 nodes and malformed settings with a clear message', () => {
    expect(parseServerEnv({ DEMO_NODES: '200001' })).toEqual({ ok: false, error: 'DEMO_NODES must be between 0 and 200000 (got 200001)' });
    expect(parseServerEnv({ DEMO_SEED: 'abc' })).toMatchObject({ ok: false, error: expect.stringContaining('DEMO_SEED') });
    expect(parseServerEnv({ MOCK_AWS_THROTTLE_RATE: '5' })).toMatchObject({ ok: false, error: expect.stringContaining('throttleRate') });
    expect(parseServerEnv({ AWS_REGIONS: 'mars' })).toMatchObject({ ok: false, error: expect.stringContaining('mars') });
    expect(parseServerEnv({ MOCK_AWS_TIME_SPEED: '30' })).toMatchObject({ ok: true, options: { timeSpeed: 30 } });
    expect(parseServerEnv({ MOCK_AWS_TIME_SPEED: '0.5' })).toMatchObject({ ok: true, options: { timeSpeed: 0.5 } });
    expect(parseServerEnv({ MOCK_AWS_TIME_SPEED: 'fast' })).toEqual({ ok: false, error: 'MOCK_AWS_TIME_SPEED: speed must be a number between 0 and 10000 (got "fast")' });
    expect(parseServerEnv({ MOCK_AWS_TIME_SPEED: '-2' })).toMatchObject({ ok: false, error: expect.stringContaining('MOCK_AWS_TIME_SPEED') });
    expect(parseServerEnv({ MOCK_OPSITEM_DEDUP: 'already-exists', MOCK_OPSITEM_OPEN_LIMIT: '5' })).toMatchObject({ ok: true, options: { opsItemDedup: 'already-exists', opsItemOpenLimit: 5 } });
    expect(parseServerEnv({ MOCK_OPSITEM_DEDUP: 'error' })).toEqual({ ok: false, error: 'MOCK_OPSITEM_DEDUP must be one of return-existing, already-exists (got "error")' });
    expect(parseServerEnv({ MOCK_OPSITEM_OPEN_LIMIT: 'many' })).toMatchObject({ ok: false, error: expect.stringContaining('MOCK_OPSITEM_OPEN_LIMIT') });
  });
});
