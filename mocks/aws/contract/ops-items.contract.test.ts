import {
  AssociateOpsItemRelatedItemCommand, CreateOpsItemCommand, DescribeOpsItemsCommand, DisassociateOpsItemRelatedItemCommand, GetOpsItemCommand,
  ListOpsItemRelatedItemsCommand, paginateDescribeOpsItems, paginateListOpsItemRelatedItems, SSMClient, UpdateOpsItemCommand,
  type CreateOpsItemRequest, type OpsItemFilter, type OpsItemRelatedItemSummary, type OpsItemRelatedItemsFilter, type OpsItemSummary,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsItem, SimNode } from '../../fleet-sim';
import { checkEveryExchange, errorOf, FAKE_CREDENTIALS, startContractMock } from './harness';

type OpsError = Error & { ParameterNames?: string[]; OpsItemId?: string; ResourceUri?: string; Limit?: number; LimitType?: string; ResourceTypes?: string[] };

const NOW = Date.UTC(2025, 5, 1, 12);
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: REGION, credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const ssmEu = new SSMClient({ region: 'eu-west-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });

const simItems = (): OpsItem[] => mock.sim.store.regions.get(REGION)?.opsItems ?? [];
const nodes = (): SimNode[] => mock.sim.store.regions.get(REGION)?.nodes ?? [];
const ec2Node = () => nodes().find((n) => n.ec2 && n.ssm) as SimNode;
const hybridNode = () => nodes().find((n) => !n.ec2) as SimNode;
const instanceArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`;
const resources = (...arns: string[]) => ({ Value: JSON.stringify(arns.map((arn) => ({ arn }))), Type: 'SearchableString' as const });
const base = (over: Partial<CreateOpsItemRequest> = {}): CreateOpsItemRequest => ({ Title: 'Disk full on a node', Description: 'Log rotation stopped.', Source: 'ops-team', ...over });
const create = async (over: Partial<CreateOpsItemRequest> = {}) => ssm.send(new CreateOpsItemCommand(base(over)));
const get = async (id: string) => (await ssm.send(new GetOpsItemCommand({ OpsItemId: id }))).OpsItem;

async function describeAll(filters?: OpsItemFilter[], pageSize = 50): Promise<OpsItemSummary[]> {
  const out: OpsItemSummary[] = [];
  for await (const page of paginateDescribeOpsItems({ client: ssm, pageSize }, { OpsItemFilters: filters })) out.push(...(page.OpsItemSummaries ?? []));
  return out;
}
async function related(id: string, filters?: OpsItemRelatedItemsFilter[], pageSize = 50): Promise<OpsItemRelatedItemSummary[]> {
  const out: OpsItemRelatedItemSummary[] = [];
  for await (const page of paginateListOpsItemRelatedItems({ client: ssm, pageSize }, { OpsItemId: id, Filters: filters })) out.push(...(page.Summaries ?? []));
  return out;
}
const ids = (items: Array<{ OpsItemId?: string } | { id: string }>) => items.map((i) => ('id' in i ? i.id : i.OpsItemId));

beforeAll(() => {
  mock = startContractMock({ nodes: 600, seed: 5, now: () => NOW, timeSpeed: 0 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('generated OpsItems', () => {
  it('come from SSM, EC2, CloudWatch, Config, Security Hub and the ops team, with operational data and related resources', async () => {
    const sources = new Set([...mock.sim.store.opsItemsById.values()].map((i) => i.source));
    expect([...sources]).toEqual(expect.arrayContaining(['SSM', 'EC2', 'CloudWatch', 'Config', 'Security Hub', 'ops-team']));
    const alarm = [...mock.sim.store.opsItemsById.values()].find((i) => i.source === 'CloudWatch') as OpsItem;
    const got = await get(alarm.id);
    expect(got?.Title).toMatch(/^CloudWatch alarm - '.+' is in ALARM state$/);
    const details = JSON.parse(got?.OperationalData?.CloudWatchAlarm?.Value ?? '{}');
    expect(details).toMatchObject({ StateValue: 'ALARM', Threshold: expect.any(Number), MetricName: expect.any(String), StateReason: expect.stringMatching(/^Threshold Crossed/) });
    expect(got?.OperationalData?.CloudWatchAlarm?.Type).toBe('SearchableString');
    const rel = await ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId: alarm.id }));
    expect(rel.Summaries?.map((r) => r.ResourceType).sort()).toEqual(['AWS::CloudWatch::Alarm', alarm.nodeId?.startsWith('mi-') ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance'].sort());
  });
});

describe('CreateOpsItem, GetOpsItem, DescribeOpsItems, ListOpsItemRelatedItems', () => {
  it('creates an OpsItem that every read sees afterwards, with related items seeded from /aws/resources', async () => {
    const ec2 = ec2Node();
    const hybrid = hybridNode();
    const table = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`;
    const description = JSON.stringify({ alarm: 'disk', used: '97%' }, null, 2);
    const before = simItems().length;
    const res = await create({
      Description: description, Severity: '2', Priority: 2, Category: 'Availability',
      OperationalData: {
        '/aws/resources': resources(instanceArn(ec2.id), `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance/${hybrid.id}`, table),
        Ticket: { Value: 'OPS-77', Type: 'SearchableString' },
        Secret: { Value: 'only in GetOpsItem', Type: 'String' },
      },
      Notifications: [{ Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:ops-alerts` }],
      Tags: [{ Key: 'Team', Value: 'ops' }],
    });
    expect(res.OpsItemId).toMatch(/^oi-[0-9a-f]{12}$/);
    expect(res.OpsItemArn).toBe(`arn:aws:ssm:${REGION}:${ACCOUNT}:opsitem/${res.OpsItemId}`);
    expect(simItems()).toHaveLength(before + 1);
    const item = await get(res.OpsItemId as string);
    expect(item).toMatchObject({
      OpsItemId: res.OpsItemId, OpsItemArn: res.OpsItemArn, Title: 'Disk full on a node', Description: description, Source: 'ops-team',
      Status: 'Open', Severity: '2', Priority: 2, Category: 'Availability', OpsItemType: '/aws/issue', Version: '1',
      CreatedBy: mock.sim.callerArn, LastModifiedBy: mock.sim.callerArn, Notifications: [{ Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:ops-alerts` }], RelatedOpsItems: [],
    });
    expect(mock.sim.callerArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/FleetDashboardReadOnly/mock-session`);
    expect(item?.CreatedTime?.getTime()).toBe(NOW);
    expect(Object.keys(item?.OperationalData ?? {}).sort()).toEqual(['/aws/resources', 'Secret', 'Ticket']);

    const [summary] = await describeAll([{ Key: 'OpsItemId', Operator: 'Equal', Values: [res.OpsItemId as string] }]);
    expect(summary).toMatchObject({ OpsItemId: res.OpsItemId, Title: item?.Title, Status: 'Open', Severity: '2', Priority: 2, Category: 'Availability', OpsItemType: '/aws/issue', Source: 'ops-team', CreatedBy: mock.sim.callerArn, LastModifiedBy: mock.sim.callerArn });
    // Only SearchableString operational data is in the summary.
    expect(Object.keys(summary.OperationalData ?? {}).sort()).toEqual(['/aws/resources', 'Ticket']);
    const all = await describeAll();
    expect(all.at(-1)?.OpsItemId).toBe(res.OpsItemId);
    expect((await describeAll([{ Key: 'ResourceId', Operator: 'Contains', Values: [hybrid.id] }])).map((s) => s.OpsItemId)).toContain(res.OpsItemId);

    const rel = await related(res.OpsItemId as string);
    expect(rel.map((r) => [r.ResourceType, r.ResourceUri, r.AssociationType])).toEqual([
      ['AWS::EC2::Instance', instanceArn(ec2.id), 'RelatesTo'],
      ['AWS::SSM::ManagedInstance', `arn:aws:ssm:${REGION}:${ACCOUNT}:managed-instance/${hybrid.id}`, 'RelatesTo'],
      ['AWS::DynamoDB::Table', table, 'RelatesTo'],
    ]);
    for (const r of rel) {
      expect(r).toMatchObject({ OpsItemId: res.OpsItemId, CreatedBy: { Arn: mock.sim.callerArn }, LastModifiedBy: { Arn: mock.sim.callerArn } });
      expect(r.AssociationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.CreatedTime?.getTime()).toBe(NOW);
    }
    // An ID of another region is not found there.
    expect((await errorOf(ssmEu.send(new GetOpsItemCommand({ OpsItemId: res.OpsItemId })))).name).toBe('OpsItemNotFoundException');
    expect((await errorOf(ssm.send(new GetOpsItemCommand({ OpsItemId: 'oi-000000000000' })))).name).toBe('OpsItemNotFoundException');
    expect((await errorOf(ssm.send(new GetOpsItemCommand({ OpsItemId: res.OpsItemId, OpsItemArn: `arn:aws:ssm:${REGION}:${ACCOUNT}:opsitem/oi-000000000000` })))).name).toBe('OpsItemNotFoundException');
    expect((await ssm.send(new GetOpsItemCommand({ OpsItemId: res.OpsItemId, OpsItemArn: res.OpsItemArn }))).OpsItem?.OpsItemId).toBe(res.OpsItemId);
  });

  it('updates fields, operational data and status; the version changes on every update', async () => {
    const { OpsItemId: id } = await create({ OperationalData: { Secret: { Value: 'x', Type: 'String' }, Keep: { Value: 'y', Type: 'SearchableString' } } });
    mock.sim.clock.advance(60_000);
    await ssm.send(new UpdateOpsItemCommand({ OpsItemId: id, Status: 'InProgress', Title: 'Disk full: cleaning up' }));
    const v2 = await get(id as string);
    expect(v2).toMatchObject({ Status: 'InProgress', Title: 'Disk full: cleaning up', Version: '2', LastModifiedBy: mock.sim.callerArn });
    expect(v2?.LastModifiedTime?.getTime()).toBe(NOW + 60_000);
    expect(v2?.CreatedTime?.getTime()).toBe(NOW);
    await ssm.send(new UpdateOpsItemCommand({ OpsItemId: id, OperationalData: { Runbook: { Value: '{"steps":["df -h","logrotate -f"]}', Type: 'String' } }, OperationalDataToDelete: ['Secret', 'NotThere'] }));
    const v3 = await get(id as string);
    expect(v3?.Version).toBe('3');
    expect(Object.keys(v3?.OperationalData ?? {}).sort()).toEqual(['Keep', 'Runbook']);
    await ssm.send(new UpdateOpsItemCommand({ OpsItemId: id, Status: 'Resolved', Severity: '4', Priority: 5, Category: 'Recovery', Description: 'Cleaned up.' }));
    expect(await get(id as string)).toMatchObject({ Version: '4', Status: 'Resolved', Severity: '4', Priority: 5, Category: 'Recovery', Description: 'Cleaned up.' });
    expect(ids(await describeAll([{ Key: 'Status', Operator: 'Equal', Values: ['Resolved'] }]))).toContain(id);

    const unknown = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: 'oi-000000000000', Status: 'Resolved' })));
    expect(unknown.name).toBe('OpsItemNotFoundException');
    const pending = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: id, Status: 'Pending' })));
    expect([pending.name, pending.ParameterNames]).toEqual(['OpsItemInvalidParameterException', ['Status']]);
    expect((await get(id as string))?.Version).toBe('4');

    const change = await create({ OpsItemType: '/aws/changerequest', PlannedStartTime: new Date(NOW + 3_600_000) });
    expect(await get(change.OpsItemId as string)).toMatchObject({ Status: 'Pending', OpsItemType: '/aws/changerequest', PlannedStartTime: new Date(NOW + 3_600_000) });
    const toOpen = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: change.OpsItemId, Status: 'Open' })));
    expect([toOpen.name, toOpen.ParameterNames]).toEqual(['OpsItemInvalidParameterException', ['Status']]);
    await ssm.send(new UpdateOpsItemCommand({ OpsItemId: change.OpsItemId, Status: 'Approved' }));
    expect((await get(change.OpsItemId as string))?.Status).toBe('Approved');
  });

  it('filters DescribeOpsItems by every documented key and operator (filters ANDed, values of one filter ORed)', async () => {
    await create({ Title: 'Filterable item', Source: 'pager-duty', Severity: '1', Priority: 1, Category: 'Cost', OperationalData: {
      '/aws/automations': { Value: '[{"automationType":"AWS:SSM:Automation","automationId":"AWS-RestartEC2Instance"}]', Type: 'SearchableString' },
      Team: { Value: 'payments', Type: 'SearchableString' }, Hidden: { Value: 'hidden-value', Type: 'String' },
    } });
    const items = simItems();
    const expectMatch = async (filters: OpsItemFilter[], pred: (i: OpsItem) => boolean) => {
      const want = items.filter(pred).map((i) => i.id);
      expect(ids(await describeAll(filters))).toEqual(want);
      return want;
    };
    const one = items[3];
    const eq = (Key: OpsItemFilter['Key'], ...Values: string[]): OpsItemFilter => ({ Key, Operator: 'Equal', Values });
    const op = (Key: OpsItemFilter['Key'], Operator: OpsItemFilter['Operator'], ...Values: string[]): OpsItemFilter => ({ Key, Operator, Values });
    expect(await expectMatch([eq('Status', 'Open', 'InProgress')], (i) => i.status === 'Open' || i.status === 'InProgress')).not.toHaveLength(0);
    await expectMatch([eq('OpsItemId', one.id)], (i) => i.id === one.id);
    expect(await expectMatch([eq('Severity', '1', '2')], (i) => i.severity === '1' || i.severity === '2')).not.toHaveLength(0);
    await expectMatch([eq('Priority', '1')], (i) => i.priority === 1);
    await expectMatch([eq('Source', 'CloudWatch')], (i) => i.source === 'CloudWatch');
    await expectMatch([op('Source', 'Contains', 'Hub')], (i) => i.source.includes('Hub'));
    await expectMatch([eq('Title', one.title)], (i) => i.title === one.title);
    await expectMatch([op('Title', 'Contains', 'patches')], (i) => i.title.includes('patches'));
    await expectMatch([eq('Category', 'Security', 'Cost')], (i) => i.category === 'Security' || i.category === 'Cost');
    await expectMatch([eq('OpsItemType', '/aws/changerequest')], (i) => i.opsItemType === '/aws/changerequest');
    const mid = new Date(NOW - 5 * 86_400_000).toISOString();
    expect(await expectMatch([op('CreatedTime', 'GreaterThan', mid)], (i) => i.createdTime > Date.parse(mid))).not.toHaveLength(0);
    expect(await expectMatch([op('CreatedTime', 'LessThan', mid)], (i) => i.createdTime < Date.parse(mid))).not.toHaveLength(0);
    await expectMatch([op('LastModifiedTime', 'GreaterThan', String((NOW - 86_400_000) / 1000))], (i) => i.lastModifiedTime > NOW - 86_400_000);
    expect(await expectMatch([eq('CreatedBy', mock.sim.callerArn)], (i) => i.createdBy === mock.sim.callerArn)).not.toHaveLength(0);
    await expectMatch([op('CreatedBy', 'Contains', 'OpsEngineer')], (i) => i.createdBy.includes('OpsEngineer'));
    await expectMatch([eq('OperationalDataKey', 'Team')], (i) => i.operationalData.Team?.Type === 'SearchableString');
    expect(await describeAll([eq('OperationalDataKey', 'Hidden')])).toEqual([]);
    expect(await describeAll([op('OperationalDataValue', 'Contains', 'hidden-val')])).toEqual([]);
    await expectMatch([eq('OperationalDataValue', 'payments')], (i) => i.operationalData.Team?.Value === 'payments');
    await expectMatch([op('OperationalDataValue', 'Contains', 'CPUUtilization')], (i) => (i.operationalData.CloudWatchAlarm?.Value ?? '').includes('CPUUtilization'));
    await expectMatch([eq('OperationalData', '{"key":"Team","value":"payments"}')], (i) => i.operationalData.Team?.Value === 'payments');
    expect(await expectMatch([eq('AutomationId', 'AWS-RestartEC2Instance')], (i) => (i.operationalData['/aws/automations']?.Value ?? '').includes('AWS-RestartEC2Instance'))).not.toHaveLength(0);
    await expectMatch([eq('AccountId', ACCOUNT)], () => true);
    expect(await describeAll([eq('ChangeRequestByTemplate', 'AWS-HelloWorldChangeTemplate')])).toEqual([]);
    const node = items.find((i) => i.nodeId)?.nodeId as string;
    await expectMatch([op('ResourceId', 'Contains', node)], (i) => JSON.stringify(i.operationalData['/aws/resources'] ?? '').includes(node) || i.relatedItems.some((r) => r.resourceUri.includes(node)));
    // ANDed keys, ORed values.
    expect(await expectMatch([eq('Source', 'CloudWatch', 'EC2'), eq('Status', 'Open')], (i) => (i.source === 'CloudWatch' || i.source === 'EC2') && i.status === 'Open')).not.toHaveLength(0);
    expect((await errorOf(ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [eq('Title', 'x'.repeat(101))] })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [op('Severity', 'Contains', '1')] })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [eq('OperationalData', 'Team=payments')] })))).name).toBe('ValidationException');
  });

  it('pages DescribeOpsItems and ListOpsItemRelatedItems with signed tokens; new OpsItems come last', async () => {
    const all = await describeAll();
    expect(await describeAll(undefined, 7)).toEqual(all);
    const first = await ssm.send(new DescribeOpsItemsCommand({ MaxResults: 3 }));
    const { OpsItemId: added } = await create({ Title: 'Paging marker' });
    const rest: OpsItemSummary[] = [];
    let token = first.NextToken;
    while (token) {
      const page = await ssm.send(new DescribeOpsItemsCommand({ MaxResults: 50, NextToken: token }));
      rest.push(...(page.OpsItemSummaries ?? []));
      token = page.NextToken;
    }
    expect([...ids(first.OpsItemSummaries ?? []), ...ids(rest)]).toEqual([...ids(all), added]);

    const arns = nodes().filter((n) => n.ec2).slice(0, 5).map((n) => instanceArn(n.id));
    const { OpsItemId: id } = await create({ OperationalData: { '/aws/resources': resources(...arns) } });
    const everything = await related(id as string);
    expect(everything.map((r) => r.ResourceUri)).toEqual(arns);
    expect(await related(id as string, undefined, 2)).toEqual(everything);
    const page1 = await ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId: id, MaxResults: 2 }));
    expect(page1.Summaries).toHaveLength(2);
    expect(page1.NextToken).toBeDefined();
    expect(await related(id as string, [{ Key: 'ResourceUri', Operator: 'Equal', Values: [arns[1], arns[3]] }])).toEqual([everything[1], everything[3]]);
    expect(await related(id as string, [{ Key: 'AssociationId', Operator: 'Equal', Values: [everything[2].AssociationId as string] }])).toEqual([everything[2]]);
    expect(await related(id as string, [{ Key: 'ResourceType', Operator: 'Equal', Values: ['AWS::EC2::Instance'] }, { Key: 'ResourceUri', Operator: 'Equal', Values: [arns[4]] }])).toEqual([everything[4]]);
    expect(await related(id as string, [{ Key: 'ResourceType', Operator: 'Equal', Values: ['AWS::SSM::Document'] }])).toEqual([]);
    const badToken = await errorOf<OpsError>(ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId: id, NextToken: 'bm9wZQ==' })));
    expect([badToken.name, badToken.ParameterNames]).toEqual(['OpsItemInvalidParameterException', ['NextToken']]);
    expect((await errorOf(ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId: id, MaxResults: 51 })))).name).toBe('ValidationException');
    expect((await ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId: 'oi-000000000000' }))).Summaries).toEqual([]);
    expect((await errorOf(ssm.send(new DescribeOpsItemsCommand({ NextToken: 'bm9wZQ==' })))).name).toBe('ValidationException');
  });
});

describe('AssociateOpsItemRelatedItem, DisassociateOpsItemRelatedItem', () => {
  it('adds and removes related items by AssociationId; /aws/resources stays as it was; ResourceId Contains matches both', async () => {
    const node = ec2Node();
    const { OpsItemId: id } = await create({ OperationalData: { '/aws/resources': resources(instanceArn(node.id)) } });
    const doc = `arn:aws:ssm:${REGION}:${ACCOUNT}:document/Ops-RestartService`;
    const { AssociationId } = await ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri: doc }));
    expect(AssociationId).toMatch(/^[0-9a-f-]{36}$/);
    const incident = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/disk-full/6ebcc812-85f5-b7eb-8b2f-283e4EXAMPLE`;
    await ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'IsParentOf', ResourceType: 'AWS::SSMIncidents::IncidentRecord', ResourceUri: incident }));
    const rel = await related(id as string);
    expect(rel.map((r) => [r.ResourceType, r.AssociationType, r.ResourceUri])).toEqual([
      ['AWS::EC2::Instance', 'RelatesTo', instanceArn(node.id)], ['AWS::SSM::Document', 'RelatesTo', doc], ['AWS::SSMIncidents::IncidentRecord', 'IsParentOf', incident],
    ]);
    const item = await get(id as string);
    expect(item?.OperationalData?.['/aws/resources']?.Value).toBe(JSON.stringify([{ arn: instanceArn(node.id) }]));
    expect(item?.Version).toBe('1');
    expect(ids(await describeAll([{ Key: 'ResourceId', Operator: 'Contains', Values: ['document/Ops-RestartService'] }]))).toEqual([id]);

    const dup = await errorOf<OpsError>(ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri: doc })));
    expect([dup.name, dup.ResourceUri, dup.OpsItemId]).toEqual(['OpsItemRelatedItemAlreadyExistsException', doc, id]);
    const seededDup = await errorOf(ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'RelatesTo', ResourceType: 'AWS::EC2::Instance', ResourceUri: instanceArn(node.id) })));
    expect(seededDup.name).toBe('OpsItemRelatedItemAlreadyExistsException');
    expect((await errorOf(ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: 'oi-000000000000', AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri: doc })))).name).toBe('OpsItemNotFoundException');
    const badType = await errorOf<OpsError>(ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'Owns', ResourceType: 'AWS::SSM::Document', ResourceUri: `${doc}-2` })));
    expect([badType.name, badType.ParameterNames]).toEqual(['OpsItemInvalidParameterException', ['AssociationType']]);
    const badUri = await errorOf<OpsError>(ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri: 'Ops-RestartService' })));
    expect(badUri.ParameterNames).toEqual(['ResourceUri']);

    await ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationId }));
    await ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationId: rel[0].AssociationId }));
    expect((await related(id as string)).map((r) => r.ResourceUri)).toEqual([incident]);
    // The seeded association is gone, /aws/resources is not: ResourceId Contains still finds the OpsItem by the node.
    expect((await get(id as string))?.OperationalData?.['/aws/resources']?.Value).toContain(node.id);
    expect(ids(await describeAll([{ Key: 'ResourceId', Operator: 'Contains', Values: [node.id] }]))).toContain(id);
    expect((await errorOf(ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: id, AssociationId })))).name).toBe('OpsItemRelatedItemAssociationNotFoundException');
    expect((await errorOf(ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: 'oi-000000000000', AssociationId })))).name).toBe('OpsItemNotFoundException');
  });
});

describe('deduplication (/aws/dedup)', () => {
  it('answers a duplicate of an open OpsItem with that OpsItem (default) or OpsItemAlreadyExistsException; a resolved one does not block', async () => {
    const opdata = { '/aws/dedup': { Value: '{"dedupString":"disk-full-web-1"}', Type: 'SearchableString' as const } };
    const first = await create({ OperationalData: opdata });
    const count = simItems().length;
    expect(mock.sim.opsCenter.dedup).toBe('return-existing');
    const again = await create({ Title: 'Another title', OperationalData: opdata });
    expect(again).toMatchObject({ OpsItemId: first.OpsItemId, OpsItemArn: first.OpsItemArn });
    expect(simItems()).toHaveLength(count);
    expect((await get(first.OpsItemId as string))?.Title).toBe('Disk full on a node');

    mock.sim.opsCenter.dedup = 'already-exists';
    try {
      const exists = await errorOf<OpsError>(create({ OperationalData: opdata }));
      expect([exists.name, exists.OpsItemId]).toEqual(['OpsItemAlreadyExistsException', first.OpsItemId]);
      await ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, Status: 'InProgress' }));
      expect((await errorOf(create({ OperationalData: opdata }))).name).toBe('OpsItemAlreadyExistsException');
      await ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, Status: 'Resolved' }));
      const fresh = await create({ OperationalData: opdata });
      expect(fresh.OpsItemId).not.toBe(first.OpsItemId);
    } finally {
      mock.sim.opsCenter.dedup = 'return-existing';
    }
    // Generated OpsItems carry dedup strings too.
    const generated = simItems().find((i) => i.nodeId && i.status === 'Open' && i.operationalData['/aws/dedup']) as OpsItem;
    expect((await create({ OperationalData: { '/aws/dedup': generated.operationalData['/aws/dedup'] } })).OpsItemId).toBe(generated.id);
    // The dedup string can't change after creation.
    const change = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, OperationalData: { '/aws/dedup': { Value: '{"dedupString":"other"}', Type: 'SearchableString' } } })));
    expect([change.name, change.ParameterNames]).toEqual(['OpsItemInvalidParameterException', ['OperationalData']]);
    const remove = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: first.OpsItemId, OperationalDataToDelete: ['/aws/dedup'] })));
    expect(remove.ParameterNames).toEqual(['OperationalDataToDelete']);
  });
});

describe('AWS rules on CreateOpsItem / UpdateOpsItem', () => {
  it('answers OpsItemInvalidParameterException naming the parameter and the rule', async () => {
    const invalid = async (over: Partial<CreateOpsItemRequest>, names: string[], message: RegExp) => {
      const err = await errorOf<OpsError>(create(over));
      expect([err.name, err.ParameterNames]).toEqual(['OpsItemInvalidParameterException', names]);
      expect(err.message).toMatch(message);
    };
    for (const source of ['aws-health', 'MyAmazonThing', 'AMZN', 'AwS']) await invalid({ Source: source }, ['Source'], /can't contain the following strings: aws, amazon, and amzn/);
    await invalid({ Severity: '5' }, ['Severity'], /1, 2, 3 or 4/);
    await invalid({ Category: 'Bugs' }, ['Category'], /Availability, Cost, Performance, Recovery, Security/);
    await invalid({ OpsItemType: '/aws/other' }, ['OpsItemType'], /\/aws\/issue/);
    await invalid({ PlannedStartTime: new Date(NOW) }, ['PlannedStartTime'], /only for OpsItems of type \/aws\/changerequest/);
    for (const key of ['awsKey', 'AWS-Account', 'amazonThing', 'amzn1', 'ssmDoc', '/aws/other', '/amazon/x', '/amzn/x', '/ssm/x']) {
      await invalid({ OperationalData: { [key]: { Value: 'v', Type: 'String' } } }, ['OperationalData'], /keys can't begin with/);
    }
    await invalid({ OperationalData: { big: { Value: 'x'.repeat(20_481), Type: 'String' } } }, ['OperationalData'], /20 KB/);
    await invalid({ OperationalData: { big: { Value: 'é'.repeat(10_241), Type: 'String' } } }, ['OperationalData'], /20482 bytes/);
    await invalid({ OperationalData: { '/aws/resources': { Value: 'i-0123', Type: 'SearchableString' } } }, ['OperationalData'], /valid JSON/);
    await invalid({ OperationalData: { '/aws/resources': { Value: '[{"id":"i-0123"}]', Type: 'SearchableString' } } }, ['OperationalData'], /\/aws\/resources/);
    await invalid({ OperationalData: { '/aws/dedup': { Value: '{"dedup":"x"}', Type: 'SearchableString' } } }, ['OperationalData'], /dedupString/);
    await invalid({ Notifications: [{ Arn: 'ops-alerts' }] }, ['Notifications'], /SNS topic/);
    const ok = await create({ OperationalData: { max: { Value: 'x'.repeat(20_480), Type: 'String' }, '/aws/automations': { Value: '[{"automationType":"AWS:SSM:Automation","automationId":"AWS-RestartEC2Instance"}]', Type: 'SearchableString' } } });
    expect(ok.OpsItemId).toMatch(/^oi-/);
    const update = await errorOf<OpsError>(ssm.send(new UpdateOpsItemCommand({ OpsItemId: ok.OpsItemId, OperationalData: { ssmThing: { Value: 'v', Type: 'String' } } })));
    expect(update.ParameterNames).toEqual(['OperationalData']);
    const other = await errorOf(create({ AccountId: '210987654321' }));
    expect(other.name).toBe('OpsItemAccessDeniedException');
  });

  it('answers ValidationException for the model\'s length and range limits (checked before the OpsCenter rules)', async () => {
    const validation = async (over: Partial<CreateOpsItemRequest>, text: string) => {
      const err = await errorOf(create(over));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toContain(text);
    };
    await validation({ Title: 'x'.repeat(1025) }, "at 'title' failed to satisfy constraint: Member must have length less than or equal to 1024");
    await validation({ Title: '' }, "at 'title' failed to satisfy constraint: Member must have length greater than or equal to 1");
    await validation({ Description: 'd'.repeat(2049) }, "at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048");
    await validation({ Source: 's'.repeat(129) }, "at 'source'");
    await validation({ Priority: 6 }, "at 'priority' failed to satisfy constraint: Member must have value less than or equal to 5");
    await validation({ Priority: 0 }, "at 'priority'");
    await validation({ OperationalData: { ['k'.repeat(129)]: { Value: 'v', Type: 'String' } } }, "at 'operationalData.key'");
    await validation({ Description: '   ' }, "at 'description' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect((await errorOf(ssm.send(new GetOpsItemCommand({ OpsItemId: 'oi-XYZ' })))).name).toBe('ValidationException');
  });

  it('answers OpsItemLimitExceededException at the open-OpsItem quota, for creates and for reopening', async () => {
    const open = simItems().filter((i) => i.status === 'Open' || i.status === 'InProgress').length;
    const limit = mock.sim.opsCenter.openLimit;
    mock.sim.opsCenter.openLimit = open;
    try {
      const err = await errorOf<OpsError>(create());
      expect([err.name, err.Limit, err.LimitType, err.ResourceTypes]).toEqual(['OpsItemLimitExceededException', open, 'OpenOpsItemsPerRegion', ['OpsItem']]);
      const victim = simItems().find((i) => i.status === 'Open') as OpsItem;
      await ssm.send(new UpdateOpsItemCommand({ OpsItemId: victim.id, Status: 'Resolved' }));
      const { OpsItemId } = await create();
      expect(OpsItemId).toMatch(/^oi-/);
      const reopen = await errorOf(ssm.send(new UpdateOpsItemCommand({ OpsItemId: victim.id, Status: 'Open' })));
      expect(reopen.name).toBe('OpsItemLimitExceededException');
      // Other regions have their own count.
      expect((await ssmEu.send(new CreateOpsItemCommand(base()))).OpsItemId).toMatch(/^oi-/);
    } finally {
      mock.sim.opsCenter.openLimit = limit;
    }
  });
});
