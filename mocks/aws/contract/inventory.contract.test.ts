import {
  DescribeInstanceAssociationsStatusCommand, GetInventoryCommand, GetInventorySchemaCommand, ListInventoryEntriesCommand, paginateGetInventory, SSMClient,
  type InventoryResultEntity,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventory, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const nodes = () => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1');

beforeAll(() => {
  mock = startContractMock({ nodes: 400, seed: 8 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm GetInventory', () => {
  it('lists inventoried nodes with their AWS:InstanceInformation, 50 a page, through the SDK paginator', async () => {
    const entities: InventoryResultEntity[] = [];
    for await (const page of paginateGetInventory({ client: ssm }, { MaxResults: 50 })) {
      expect((page.Entities ?? []).length).toBeLessThanOrEqual(50);
      entities.push(...(page.Entities ?? []));
    }
    expect(entities.map((e) => e.Id)).toEqual(nodes().filter(inventory.hasInventory).map((n) => n.id));
    const item = entities[0].Data?.['AWS:InstanceInformation'];
    expect(item).toMatchObject({ TypeName: 'AWS:InstanceInformation', SchemaVersion: '1.0' });
    expect(item?.CaptureTime).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(item?.Content?.[0]).toMatchObject({ InstanceId: entities[0].Id, AgentType: 'amazon-ssm-agent' });
  });

  it('aggregates Name -> Version with a filter, as count rows of strings', async () => {
    const res = await ssm.send(new GetInventoryCommand({
      Filters: [{ Key: 'AWS:Application.Name', Values: ['openssl'], Type: 'Equal' }],
      Aggregators: [{ Expression: 'AWS:Application.Name', Aggregators: [{ Expression: 'AWS:Application.Version', Aggregators: [{ Expression: 'AWS:Application.Release' }] }] }],
    }));
    const content = res.Entities?.[0].Data?.['AWS:Application']?.Content ?? [];
    expect(content.length).toBeGreaterThan(2);
    expect(content.every((r) => r.Name === 'openssl' && /^\d+$/.test(r.Count) && r.Version)).toBe(true);
    expect(res.Entities?.[0].Data?.['AWS:Application']).toMatchObject({ TypeName: 'AWS:Application', SchemaVersion: '1.1' });
  });

  it('rejects other ResultAttributes, bad filter keys, Groups and MaxResults over 50 with AWS error codes', async () => {
    const result = await errorOf(ssm.send(new GetInventoryCommand({ ResultAttributes: [{ TypeName: 'AWS:Application' }] })));
    expect(result.name).toBe('InvalidResultAttributeException');
    expect(result.message).toContain('Supported type names are: AWS:InstanceInformation, AWS:PatchSummary');
    expect((await errorOf(ssm.send(new GetInventoryCommand({ Filters: [{ Key: 'AWS:Application.Colour', Values: ['red'] }] })))).name).toBe('InvalidFilter');
    expect((await errorOf(ssm.send(new GetInventoryCommand({ Aggregators: [{ Expression: 'AWS:Nothing.Name' }] })))).name).toBe('InvalidTypeNameException');
    expect((await errorOf(ssm.send(new GetInventoryCommand({ Aggregators: [{ Groups: [{ Name: 'g', Filters: [{ Key: 'AWS:Application.Name', Values: ['x'] }] }] }] })))).name).toBe('InvalidInventoryGroupException');
    expect((await errorOf(ssm.send(new GetInventoryCommand({ MaxResults: 51 })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new GetInventoryCommand({ NextToken: 'bm90LWEtdG9rZW4=' })))).name).toBe('InvalidNextToken');
  });
});

describe('ssm ListInventoryEntries', () => {
  it('pages a node\'s applications and answers Entries [] for a node without inventory', async () => {
    const node = nodes().find((n) => inventory.hasInventory(n) && n.platform === 'al2023') as SimNode;
    const page = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:Application' }));
    expect(page).toMatchObject({ TypeName: 'AWS:Application', InstanceId: node.id, SchemaVersion: '1.1' });
    expect(page.Entries).toHaveLength(50);
    expect(page.NextToken).toBeDefined();
    const next = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:Application', NextToken: page.NextToken }));
    expect(next.Entries?.[0]).not.toEqual(page.Entries?.[49]);
    const openssl = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:Application', Filters: [{ Key: 'Name', Values: ['openssl'], Type: 'Equal' }] }));
    expect(openssl.Entries).toEqual([expect.objectContaining({ Name: 'openssl', Epoch: '1', Publisher: 'Amazon Linux' })]);
    const without = nodes().find((n) => n.ssm && !inventory.hasInventory(n)) as SimNode;
    const empty = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: without.id, TypeName: 'AWS:Application' }));
    expect(empty.Entries).toEqual([]);
    expect(empty.CaptureTime).toBeUndefined();
    expect((await errorOf(ssm.send(new ListInventoryEntriesCommand({ InstanceId: 'i-0123456789abcdef0', TypeName: 'AWS:Application' })))).name).toBe('InvalidInstanceId');
    expect((await errorOf(ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:Nothing' })))).name).toBe('InvalidTypeNameException');
  });

  it('reports Windows services and hotfixes', async () => {
    const node = nodes().find((n) => inventory.hasInventory(n) && n.platform.startsWith('win')) as SimNode;
    const services = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:Service' }));
    expect(services.Entries?.find((s) => s.Name === 'AmazonSSMAgent')).toMatchObject({ DisplayName: 'Amazon SSM Agent', Status: 'Running', StartType: 'Automatic' });
    const updates = await ssm.send(new ListInventoryEntriesCommand({ InstanceId: node.id, TypeName: 'AWS:WindowsUpdate' }));
    expect(updates.Entries?.every((u) => /^KB\d+$/.test(u.HotFixId))).toBe(true);
  });
});

describe('ssm GetInventorySchema and DescribeInstanceAssociationsStatus', () => {
  it('lists the schemas, and validates MaxResults (50-200) like AWS', async () => {
    const res = await ssm.send(new GetInventorySchemaCommand({}));
    expect(res.Schemas?.find((s) => s.TypeName === 'AWS:Application')?.Attributes?.[0]).toEqual({ Name: 'Name', DataType: 'string' });
    const agg = await ssm.send(new GetInventorySchemaCommand({ Aggregator: true, TypeName: 'AWS:InstanceInformation' }));
    expect(agg.Schemas?.[0].Attributes?.map((a) => a.Name)).toContain('PlatformType');
    expect((await errorOf(ssm.send(new GetInventorySchemaCommand({ MaxResults: 10 })))).name).toBe('ValidationException');
  });

  it('lists the node\'s associations with the inventory one', async () => {
    const node = nodes().find((n) => inventory.hasInventory(n)) as SimNode;
    const res = await ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: node.id }));
    const inv = res.InstanceAssociationStatusInfos?.find((a) => a.Name === 'AWS-GatherSoftwareInventory');
    expect(inv).toMatchObject({ InstanceId: node.id, AssociationName: 'Inventory-Association', Status: node.ssm?.associationStatus });
    expect(Math.abs((inv?.ExecutionDate?.getTime() ?? 0) - (node.ssm?.lastAssociationTime ?? 0))).toBeLessThan(1);
    expect((await errorOf(ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: 'i-0123456789abcdef0' })))).name).toBe('InvalidInstanceId');
  });
});
