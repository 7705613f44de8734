import {
  DescribeInstanceInformationCommand, paginateDescribeInstanceInformation, SSMClient, type InstanceInformation,
  type DescribeInstanceInformationCommandInput,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isListedBySsm, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const clients = new Map<string, SSMClient>();
const ssm = (region = 'us-east-1') => {
  if (!clients.has(region)) clients.set(region, new SSMClient({ region, credentials: FAKE_CREDENTIALS, maxAttempts: 1 }));
  return clients.get(region) as SSMClient;
};
const send = (input: DescribeInstanceInformationCommandInput, region?: string) => ssm(region).send(new DescribeInstanceInformationCommand(input));
const nodesIn = (region: string) => [...mock.sim.store.byId.values()].filter((n) => n.region === region);
const listedIn = (region: string) => nodesIn(region).filter(isListedBySsm);

async function listAll(input: DescribeInstanceInformationCommandInput, region = 'us-east-1'): Promise<InstanceInformation[]> {
  const out: InstanceInformation[] = [];
  for await (const page of paginateDescribeInstanceInformation({ client: ssm(region), pageSize: 50 }, input)) out.push(...(page.InstanceInformationList ?? []));
  return out;
}

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 11 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm DescribeInstanceInformation', () => {
  it('pages through every listed node exactly once, fields intact', async () => {
    const items = await listAll({});
    const ids = items.map((i) => i.InstanceId);
    const expected = listedIn('us-east-1');
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(expected.map((n) => n.id)));
    const first = items[0];
    expect(first.LastPingDateTime).toBeInstanceOf(Date);
    expect(first.LastAssociationExecutionDate).toBeInstanceOf(Date);
    expect(typeof first.IsLatestVersion).toBe('boolean');
    expect(['Online', 'ConnectionLost', 'Inactive']).toContain(first.PingStatus);
    const byId = new Map(items.map((i) => [i.InstanceId, i]));
    for (const node of expected.slice(0, 50)) {
      const info = byId.get(node.id) as InstanceInformation;
      expect(info).toMatchObject({ PingStatus: node.ssm?.pingStatus, AgentVersion: node.ssm?.agentVersion, IPAddress: node.ssm?.ipAddress, PlatformVersion: node.platformVersion, SourceId: node.id });
    }
  });

  it('describes hybrid nodes as ManagedInstance with activation, role, registration date and name', async () => {
    const items = await listAll({ Filters: [{ Key: 'ResourceType', Values: ['ManagedInstance'] }] });
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const info of items) {
      expect(info.InstanceId).toMatch(/^mi-\w{17}$/);
      expect(info).toMatchObject({ ResourceType: 'ManagedInstance', SourceType: 'AWS::SSM::ManagedInstance', IamRole: 'SSMServiceRole' });
      expect(info.RegistrationDate).toBeInstanceOf(Date);
      expect(info.ActivationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(info.Name).toMatch(/^onprem-/);
    }
  });

  it('defaults to pages of 10 and rejects MaxResults outside 5..50', async () => {
    const page = await send({});
    expect(page.InstanceInformationList).toHaveLength(10);
    expect(page.NextToken).toBeTruthy();
    const low = await errorOf(send({ MaxResults: 2 }));
    expect(low.name).toBe('ValidationException');
    expect(low.message).toBe("1 validation error detected: Value '2' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 5");
    const high = await errorOf(send({ MaxResults: 51 }));
    expect(high.message).toContain('Member must have value less than or equal to 50');
    expect(high.$metadata?.httpStatusCode).toBe(400);
  });

  it('filters by ping status, platform, tags (legacy and current filter lists)', async () => {
    const online = await listAll({ Filters: [{ Key: 'PingStatus', Values: ['Online'] }] });
    expect(online.length).toBe(listedIn('us-east-1').filter((n) => n.ssm?.pingStatus === 'Online').length);
    expect(online.every((i) => i.PingStatus === 'Online')).toBe(true);
    const windows = await listAll({ InstanceInformationFilterList: [{ key: 'PlatformTypes', valueSet: ['Windows'] }] });
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.every((i) => i.PlatformType === 'Windows' && i.PlatformName?.startsWith('Microsoft Windows Server'))).toBe(true);
    const tag = (n: SimNode, k: string) => n.tags.find((t) => t.Key === k)?.Value;
    const prod = await listAll({ Filters: [{ Key: 'tag:Environment', Values: ['prod'] }, { Key: 'tag-key', Values: ['aws:autoscaling:groupName'] }] });
    const expected = listedIn('us-east-1').filter((n) => tag(n, 'Environment') === 'prod' && tag(n, 'aws:autoscaling:groupName'));
    expect(new Set(prod.map((i) => i.InstanceId))).toEqual(new Set(expected.map((n) => n.id)));
  });

  it('returns registered IDs only: unknown and stopped IDs are simply not returned', async () => {
    const nodes = nodesIn('us-east-1');
    const listed = nodes.filter(isListedBySsm).slice(0, 3).map((n) => n.id);
    const stopped = nodes.find((n) => n.ec2?.state === 'stopped' && n.ssm)?.id as string;
    const unregistered = nodes.find((n) => n.ec2 && !n.ssm)?.id as string;
    const res = await send({ Filters: [{ Key: 'InstanceIds', Values: [...listed, stopped, unregistered, 'i-0123456789abcdef0'] }], MaxResults: 50 });
    expect(res.InstanceInformationList?.map((i) => i.InstanceId).sort()).toEqual([...listed].sort());
    expect(res.NextToken).toBeUndefined();
  });

  it('rejects malformed IDs, unknown keys, mixed tag filters, bad values and bad tokens with AWS error codes', async () => {
    const malformed = await errorOf(send({ Filters: [{ Key: 'InstanceIds', Values: ['web-prod-1'] }] }));
    expect(malformed.name).toBe('InvalidInstanceId');
    expect(malformed.message).toContain('web-prod-1');
    expect((await errorOf(send({ Filters: [{ Key: 'Color', Values: ['red'] }] }))).name).toBe('InvalidFilterKey');
    const mixed = await errorOf(send({ Filters: [{ Key: 'tag:Team', Values: ['data'] }, { Key: 'PingStatus', Values: ['Online'] }] }));
    expect(mixed.name).toBe('ValidationException');
    expect(mixed.message).toBe('Cannot mix tag or inventory filter with any other filter.');
    const value = await errorOf(send({ Filters: [{ Key: 'ResourceType', Values: ['EC2Instance', 'ManagedInstance'] }] }));
    expect(value.name).toBe('InvalidInstanceInformationFilterValue');
    expect(value.message).toBe('ResourceType filter may contain only one value.');
    const token = (await send({ MaxResults: 5 })).NextToken as string;
    expect((await errorOf(send({ NextToken: token.slice(0, -4) + 'AAAA' }))).name).toBe('InvalidNextToken');
    expect((await errorOf(send({ NextToken: token }, 'eu-west-1'))).name).toBe('InvalidNextToken');
  });

  it('keeps regions apart: a client for eu-west-1 sees only eu-west-1 nodes', async () => {
    const items = await listAll({}, 'eu-west-1');
    expect(new Set(items.map((i) => i.InstanceId))).toEqual(new Set(listedIn('eu-west-1').map((n) => n.id)));
    expect(items.length).toBeGreaterThan(0);
    expect(await listAll({}, 'us-west-2')).toEqual([]);
  });
});
