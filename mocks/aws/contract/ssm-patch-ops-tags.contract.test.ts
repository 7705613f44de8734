import {
  DescribeInstancePatchStatesCommand, DescribeOpsItemsCommand, ListTagsForResourceCommand, paginateDescribeOpsItems, SSMClient,
  type DescribeInstancePatchStatesRequest, type OpsItemFilter, type OpsItemSummary,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchCounts, patchList, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const nodes = () => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1');

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 5 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm DescribeInstancePatchStates', () => {
  it('returns the scanned nodes among 50 IDs with counts derived from each patch list', async () => {
    const registered = nodes().filter((n) => n.ssm);
    const never = registered.find((n) => !n.patch) as SimNode;
    const withoutGroup = registered.find((n) => n.patch?.patchGroup === '') as SimNode;
    const ids = [never.id, withoutGroup.id, ...registered.filter((n) => n.patch && n !== withoutGroup).slice(0, 47).map((n) => n.id), 'i-0123456789abcdef0'];
    const res = await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids, MaxResults: 100 }));
    const states = res.InstancePatchStates ?? [];
    expect(states).toHaveLength(48);
    expect(states.some((s) => s.InstanceId === never.id)).toBe(false);
    for (const state of states) {
      const node = mock.sim.store.byId.get(state.InstanceId as string) as SimNode;
      const c = patchCounts(patchList(node) ?? []);
      expect(state).toMatchObject({
        BaselineId: node.patch?.baselineId, Operation: node.patch?.operation, PatchGroup: node.patch?.patchGroup,
        InstalledCount: c.InstalledCount, MissingCount: c.MissingCount, FailedCount: c.FailedCount,
        InstalledPendingRebootCount: c.InstalledPendingRebootCount, CriticalNonCompliantCount: c.CriticalNonCompliantCount,
        SecurityNonCompliantCount: c.SecurityNonCompliantCount, OtherNonCompliantCount: c.OtherNonCompliantCount,
      });
      expect(state.OperationStartTime).toBeInstanceOf(Date);
      expect(state.OperationEndTime?.getTime()).toBeGreaterThan(state.OperationStartTime?.getTime() ?? Infinity);
    }
  });

  it('pages with MaxResults 10..100 and rejects more than 50 IDs or a missing ID list', async () => {
    const ids = nodes().filter((n) => n.patch).slice(0, 35).map((n) => n.id);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids, MaxResults: 10, NextToken: token }));
      seen.push(...(res.InstancePatchStates ?? []).map((s) => s.InstanceId as string));
      token = res.NextToken;
    } while (token);
    expect(seen).toEqual(ids);
    const tooMany = await errorOf(ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: nodes().slice(0, 51).map((n) => n.id) })));
    expect(tooMany.name).toBe('ValidationException');
    expect(tooMany.message).toMatch(/^1 validation error detected: Value '\[.*\]' at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50$/);
    const missing = await errorOf(ssm.send(new DescribeInstancePatchStatesCommand({} as DescribeInstancePatchStatesRequest)));
    expect(missing.message).toBe("1 validation error detected: Value null at 'instanceIds' failed to satisfy constraint: Member must not be null");
    expect((await errorOf(ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids, MaxResults: 5 })))).name).toBe('ValidationException');
  });
});

describe('ssm DescribeOpsItems', () => {
  async function all(filters?: OpsItemFilter[]): Promise<OpsItemSummary[]> {
    const out: OpsItemSummary[] = [];
    for await (const page of paginateDescribeOpsItems({ client: ssm, pageSize: 50 }, { OpsItemFilters: filters })) out.push(...(page.OpsItemSummaries ?? []));
    return out;
  }

  it('lists every OpsItem of the region once, with the /aws/resources ARN of its node', async () => {
    const items = await all();
    const expected = mock.sim.store.regions.get('us-east-1')?.opsItems ?? [];
    expect(items.map((i) => i.OpsItemId)).toEqual(expected.map((i) => i.id));
    for (const item of items) {
      expect(item.OpsItemId).toMatch(/^oi-[0-9a-f]{12}$/);
      expect(['1', '2', '3', '4']).toContain(item.Severity);
      expect(item.CreatedTime).toBeInstanceOf(Date);
      const resources = item.OperationalData?.['/aws/resources'];
      expect(resources?.Type).toBe('SearchableString');
      const [{ arn }] = JSON.parse(resources?.Value ?? '[]') as Array<{ arn: string }>;
      expect(arn).toMatch(/^arn:aws:(ec2:us-east-1:123456789012:instance\/i-|ssm:us-east-1:123456789012:managed-instance\/mi-)\w{17}$/);
    }
  });

  it('filters by Status (Equal) and ResourceId (Contains), and rejects operators AWS does not allow', async () => {
    const open = await all([{ Key: 'Status', Operator: 'Equal', Values: ['Open', 'InProgress'] }]);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.Status === 'Open' || i.Status === 'InProgress')).toBe(true);
    const target = mock.sim.store.regions.get('us-east-1')?.opsItems[0];
    const forNode = await all([{ Key: 'ResourceId', Operator: 'Contains', Values: [target?.nodeId as string] }]);
    expect(forNode.map((i) => i.OpsItemId)).toContain(target?.id);
    expect(forNode.every((i) => i.OperationalData?.['/aws/resources']?.Value?.includes(target?.nodeId as string))).toBe(true);
    const bad = await errorOf(ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'Status', Operator: 'Contains', Values: ['Open'] }] })));
    expect(bad.name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new DescribeOpsItemsCommand({ MaxResults: 0 })))).message).toContain('Member must have value greater than or equal to 1');
  });
});

describe('ssm ListTagsForResource', () => {
  it('lists a hybrid node tags, and rejects unknown IDs and other resource types', async () => {
    const hybrid = nodes().find((n) => !n.ec2) as SimNode;
    const res = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: hybrid.id }));
    expect(res.TagList).toEqual(hybrid.tags);
    expect(res.TagList?.find((t) => t.Key === 'Environment')?.Value).toBe(hybrid.environment);
    const ec2Id = nodes().find((n) => n.ec2)?.id;
    expect((await errorOf(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: ec2Id })))).name).toBe('InvalidResourceId');
    expect((await errorOf(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-0123456789abcdef0' })))).name).toBe('InvalidResourceId');
    expect((await errorOf(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'AWS-RunPatchBaseline' })))).name).toBe('InvalidResourceType');
  });
});
