import {
  DescribeDocumentCommand, GetDocumentCommand, ListDocumentsCommand, ListDocumentVersionsCommand, paginateListDocuments, SSMClient,
  type DocumentIdentifier, type ListDocumentsRequest,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEveryExchange, errorOf, FAKE_CREDENTIALS, startContractMock } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'eu-west-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const ACCOUNT = '123456789012';

async function list(input: ListDocumentsRequest, pageSize = 50): Promise<DocumentIdentifier[]> {
  const out: DocumentIdentifier[] = [];
  for await (const page of paginateListDocuments({ client: ssm, pageSize }, input)) out.push(...(page.DocumentIdentifiers ?? []));
  return out;
}
const names = (docs: DocumentIdentifier[]) => docs.map((d) => d.Name);

beforeAll(() => {
  mock = startContractMock({ nodes: 20, seed: 3, now: () => Date.UTC(2025, 5, 1, 12) });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm ListDocuments', () => {
  it('lists AWS-owned and account documents by name, each at its default version, paging with NextToken', async () => {
    const all = await list({});
    expect(all.length).toBeGreaterThanOrEqual(16);
    expect(names(all)).toEqual([...names(all)].sort());
    expect(await list({}, 3)).toEqual(all);
    const shell = all.find((d) => d.Name === 'AWS-RunShellScript');
    expect(shell).toMatchObject({ Owner: 'Amazon', DocumentVersion: '1', DocumentType: 'Command', SchemaVersion: '1.2', DocumentFormat: 'JSON', PlatformTypes: ['Linux', 'MacOS'], Tags: [] });
    expect(shell?.CreatedDate?.toISOString()).toBe('2015-12-15T18:50:44.426Z');
    const collect = all.find((d) => d.Name === 'Ops-CollectLogs');
    expect(collect).toMatchObject({ Owner: ACCOUNT, DocumentVersion: '2', VersionName: '1.1', DisplayName: 'Collect logs', Tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Category', Value: 'diagnostics' }] });
    expect(all.find((d) => d.Name === 'AWS-RestartEC2Instance')).toMatchObject({ DocumentType: 'Automation', SchemaVersion: '0.3', TargetType: '/AWS::EC2::Instance' });
    const first = await ssm.send(new ListDocumentsCommand({ MaxResults: 2 }));
    expect(first.DocumentIdentifiers).toHaveLength(2);
    expect((await errorOf(ssm.send(new ListDocumentsCommand({ NextToken: 'bogus' })))).name).toBe('InvalidNextToken');
    expect((await errorOf(ssm.send(new ListDocumentsCommand({ MaxResults: 51 })))).name).toBe('ValidationException');
  });

  it('filters by Owner, DocumentType, PlatformTypes, Name prefix and one tag key (keys ANDed, values ORed)', async () => {
    expect(names(await list({ Filters: [{ Key: 'Owner', Values: ['Self'] }] }))).toEqual(['Ops-CollectLogs', 'Ops-RestartService', 'Ops-RestartWindowsService']);
    expect(names(await list({ Filters: [{ Key: 'Owner', Values: ['Private'] }] }))).toEqual(['Ops-CollectLogs', 'Ops-RestartService', 'Ops-RestartWindowsService']);
    expect((await list({ Filters: [{ Key: 'Owner', Values: ['Amazon'] }] })).every((d) => d.Owner === 'Amazon')).toBe(true);
    expect(await list({ Filters: [{ Key: 'Owner', Values: ['Public'] }] })).toEqual([]);
    expect((await list({ Filters: [{ Key: 'Owner', Values: ['All'] }] })).length).toBe((await list({})).length);
    expect((await errorOf(list({ Filters: [{ Key: 'Owner', Values: ['Self', 'Amazon'] }] }))).name).toBe('ValidationException');
    const sessions = await list({ Filters: [{ Key: 'DocumentType', Values: ['Session', 'Automation'] }] });
    expect(new Set(sessions.map((d) => d.DocumentType))).toEqual(new Set(['Session', 'Automation']));
    const windowsCommands = await list({ Filters: [{ Key: 'DocumentType', Values: ['Command'] }, { Key: 'PlatformTypes', Values: ['Windows'] }] });
    expect(names(windowsCommands)).toContain('AWS-InstallWindowsUpdates');
    expect(names(windowsCommands)).not.toContain('AWS-RunShellScript');
    expect(names(await list({ Filters: [{ Key: 'Name', Values: ['Ops-Restart'] }] }))).toEqual(['Ops-RestartService', 'Ops-RestartWindowsService']);
    expect(names(await list({ Filters: [{ Key: 'tag:Category', Values: ['diagnostics', 'none'] }] }))).toEqual(['Ops-CollectLogs']);
    expect(names(await list({ DocumentFilterList: [{ key: 'Owner', value: 'Self' }, { key: 'PlatformTypes', value: 'Windows' }] }))).toEqual(['Ops-RestartWindowsService']);
    expect((await errorOf(list({ Filters: [{ Key: 'SearchKeyword', Values: ['x'] }] }))).name).toBe('InvalidFilterKey');
  });
});

describe('ssm DescribeDocument, GetDocument, ListDocumentVersions', () => {
  it('describes a version: $DEFAULT, $LATEST, a number or a VersionName; parameters carry only name, type, description and default', async () => {
    const described = (await ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RunShellScript' }))).Document;
    expect(described).toMatchObject({ Name: 'AWS-RunShellScript', Owner: 'Amazon', Status: 'Active', DocumentVersion: '1', LatestVersion: '1', DefaultVersion: '1', HashType: 'Sha256', SchemaVersion: '1.2', DocumentType: 'Command', DocumentFormat: 'JSON' });
    expect(described?.Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(described?.Parameters).toEqual([
      { Name: 'commands', Type: 'StringList', Description: '(Required) Specify a shell script or a command to run.' },
      { Name: 'workingDirectory', Type: 'String', Description: '(Optional) The path to the working directory on your instance.', DefaultValue: '' },
      { Name: 'executionTimeout', Type: 'String', Description: expect.stringContaining('Maximum is 172800 (48 hours).'), DefaultValue: '3600' },
    ]);
    const byDefault = (await ssm.send(new DescribeDocumentCommand({ Name: 'Ops-RestartService', DocumentVersion: '$DEFAULT' }))).Document;
    const latest = (await ssm.send(new DescribeDocumentCommand({ Name: 'Ops-RestartService', DocumentVersion: '$LATEST' }))).Document;
    expect([byDefault?.DocumentVersion, latest?.DocumentVersion, latest?.LatestVersion, latest?.DefaultVersion]).toEqual(['2', '3', '3', '2']);
    expect(latest?.Parameters?.map((p) => p.Name)).toEqual(['ServiceName', 'Action', 'WaitSeconds']);
    expect(latest?.Parameters?.[2]).toEqual({ Name: 'WaitSeconds', Type: 'Integer', Description: expect.any(String), DefaultValue: '5' });
    expect(latest?.Hash).not.toBe(byDefault?.Hash);
    const named = (await ssm.send(new DescribeDocumentCommand({ Name: 'Ops-CollectLogs', VersionName: '1.0' }))).Document;
    expect(named).toMatchObject({ DocumentVersion: '1', VersionName: '1.0' });
    const unknown = await errorOf(ssm.send(new DescribeDocumentCommand({ Name: 'AWS-Nope' })));
    expect([unknown.name, unknown.message]).toEqual(['InvalidDocument', 'Document with name AWS-Nope does not exist.']);
    expect((await errorOf(ssm.send(new DescribeDocumentCommand({ Name: 'Ops-RestartService', DocumentVersion: '4' })))).name).toBe('InvalidDocumentVersion');
    expect((await errorOf(ssm.send(new DescribeDocumentCommand({ Name: 'Ops-CollectLogs', VersionName: '9.9' })))).name).toBe('InvalidDocumentVersion');
    expect((await errorOf(ssm.send(new DescribeDocumentCommand({ Name: 'Ops-RestartService', DocumentVersion: 'latest' })))).name).toBe('ValidationException');
  });

  it('gets the content, whose parameters (with their rules) match DescribeDocument, as JSON or YAML', async () => {
    for (const name of ['AWS-RunShellScript', 'AWS-ConfigureAWSPackage', 'Ops-CollectLogs', 'AWS-StartPortForwardingSession']) {
      const got = await ssm.send(new GetDocumentCommand({ Name: name }));
      const described = (await ssm.send(new DescribeDocumentCommand({ Name: name }))).Document;
      expect(got).toMatchObject({ Name: name, Status: 'Active', DocumentFormat: 'JSON', DocumentVersion: described?.DocumentVersion, DocumentType: described?.DocumentType });
      const content = JSON.parse(got.Content as string) as { schemaVersion: string; parameters: Record<string, { type: string; description: string; default?: unknown }> };
      expect(content.schemaVersion).toBe(described?.SchemaVersion);
      const fromContent = Object.entries(content.parameters).map(([n, p]) => ({ Name: n, Type: p.type, Description: p.description, ...(p.default === undefined ? {} : { DefaultValue: typeof p.default === 'string' ? p.default : JSON.stringify(p.default) }) }));
      expect(fromContent).toEqual(described?.Parameters);
    }
    const collect = JSON.parse((await ssm.send(new GetDocumentCommand({ Name: 'Ops-CollectLogs', DocumentVersion: '3' }))).Content as string);
    expect(collect.parameters.TicketId).toMatchObject({ minChars: 6, maxChars: 20, allowedPattern: '^[A-Z][A-Z0-9]+-[0-9]+$' });
    expect(collect.mainSteps[0]).toMatchObject({ action: 'aws:runShellScript', name: 'RunScript', precondition: { StringEquals: ['platformType', 'Linux'] } });
    const yaml = await ssm.send(new GetDocumentCommand({ Name: 'AWS-RunShellScript', DocumentFormat: 'YAML' }));
    expect(yaml.DocumentFormat).toBe('YAML');
    expect(yaml.Content).toContain("schemaVersion: '1.2'\n");
    expect(yaml.Content).toContain('    minItems: 1\n    displayType: textarea\n');
  });

  it('lists a document\'s versions with the default marked', async () => {
    const { DocumentVersions } = await ssm.send(new ListDocumentVersionsCommand({ Name: 'Ops-CollectLogs' }));
    expect(DocumentVersions?.map((v) => [v.DocumentVersion, v.VersionName, v.IsDefaultVersion, v.Status])).toEqual([['1', '1.0', false, 'Active'], ['2', '1.1', true, 'Active'], ['3', '2.0', false, 'Active']]);
    expect(DocumentVersions?.[0].CreatedDate?.getTime()).toBeLessThan(DocumentVersions?.[2].CreatedDate?.getTime() as number);
    expect((await errorOf(ssm.send(new ListDocumentVersionsCommand({ Name: 'Nope-Doc' })))).name).toBe('InvalidDocument');
  });
});
