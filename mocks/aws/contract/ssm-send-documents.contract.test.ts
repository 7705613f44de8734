import {
  GetCommandInvocationCommand, ListCommandInvocationsCommand, ListDocumentsCommand, SendCommandCommand, SSMClient, type SendCommandRequest,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, platformSpec, type SimNode } from '../../fleet-sim';
import { checkEveryExchange, errorOf, FAKE_CREDENTIALS, startContractMock } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const online = (type: 'Linux' | 'Windows') => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1' && n.ssm?.pingStatus === 'Online' && platformSpec(n.platform).platformType === type && !commands.hasFullDisk(mock.sim.seed, n.id));
const send = (input: Partial<SendCommandRequest>) => ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', ...input }));

const nodeOf = (type: 'Linux' | 'Windows') => online(type)[0].id;

async function rejected(DocumentName: string, Parameters: Record<string, string[]>, extra: Partial<SendCommandRequest> = {}) {
  const type = /Windows/.test(DocumentName) ? 'Windows' : 'Linux';
  const err = await errorOf(send({ DocumentName, Parameters, InstanceIds: [nodeOf(type)], ...extra }));
  expect(err.name).toBe('InvalidParameters');
  return err.message;
}

/** The least each Command document needs (its required parameters); everything else is its default. */
const REQUIRED: Record<string, Record<string, string[]>> = {
  'AWS-RunShellScript': { commands: ['uptime'] },
  'AWS-RunPowerShellScript': { commands: ['Get-Service W32Time'] },
  'AWS-RunPatchBaseline': { Operation: ['Scan'] },
  'AWS-ConfigureAWSPackage': { action: ['Install'], name: ['AmazonCloudWatchAgent'] },
  'AWS-RunRemoteScript': { sourceType: ['S3'], sourceInfo: ['{"path": "https://s3.amazonaws.com/acme-scripts/deploy.sh"}'], commandLine: ['deploy.sh'] },
  'Ops-RestartService': { ServiceName: ['sshd'] },
  'Ops-RestartWindowsService': { ServiceName: ['W32Time'], Reason: ['clock drift on the node'] },
};

beforeAll(() => {
  mock = startContractMock({ nodes: 300, seed: 11, now: () => Date.UTC(2025, 5, 1, 12) });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('SendCommand with every catalog Command document', () => {
  it('runs each with its defaults on nodes of its platforms, to a terminal status with output', async () => {
    const docs = (await ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'DocumentType', Values: ['Command'] }] }))).DocumentIdentifiers ?? [];
    expect(docs).toHaveLength(12);
    const sent: Array<{ id: string; node: SimNode }> = [];
    for (const doc of docs) {
      const platform = doc.Name === 'AWS-RunPowerShellScript' || !doc.PlatformTypes?.includes('Linux') ? 'Windows' : 'Linux';
      const node = online(platform)[sent.length];
      const res = await send({ DocumentName: doc.Name, Parameters: REQUIRED[doc.Name as string] ?? {}, InstanceIds: [node.id] });
      expect(res.Command).toMatchObject({ DocumentName: doc.Name, Status: 'Pending', TargetCount: 1 });
      sent.push({ id: res.Command?.CommandId as string, node });
    }
    mock.sim.clock.advance(30 * 60_000);
    for (const { id, node } of sent) {
      const [inv] = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: id, Details: true }))).CommandInvocations ?? [];
      expect(['Success', 'Failed']).toContain(inv.Status);
      const ran = inv.CommandPlugins?.filter((p) => !p.Output?.startsWith('Step execution skipped')) ?? [];
      expect(ran.length).toBeGreaterThan(0);
      expect(ran.every((p) => p.ResponseFinishDateTime !== undefined && p.Output !== '')).toBe(true);
      const step = ran[ran.length - 1].Name;
      const got = await ssm.send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: node.id, PluginName: step }));
      expect(got.Status).toBe(ran[ran.length - 1].Status);
    }
    // Most of them succeed (a few fail realistically, like a download timing out).
    const statuses = await Promise.all(sent.map(async ({ id }) => (await ssm.send(new ListCommandInvocationsCommand({ CommandId: id }))).CommandInvocations?.[0].Status));
    expect(statuses.filter((s) => s === 'Success').length).toBeGreaterThanOrEqual(9);
  });

  it('refuses documents that are not Command documents, and honours DocumentVersion', async () => {
    const id = online('Linux')[0].id;
    const automation = await errorOf(send({ DocumentName: 'AWS-RestartEC2Instance', InstanceIds: [id], Parameters: { InstanceId: [id] } }));
    expect([automation.name, automation.message]).toEqual(['InvalidDocument', "Document type: 'Automation' is not supported. Only type: 'Command' is supported for Send Command."]);
    expect((await errorOf(send({ DocumentName: 'AWS-StartPortForwardingSession', InstanceIds: [id] }))).name).toBe('InvalidDocument');
    // Version 1 of Ops-RestartService has no Action parameter; version 3 adds WaitSeconds.
    expect((await errorOf(send({ DocumentName: 'Ops-RestartService', DocumentVersion: '1', InstanceIds: [id], Parameters: { ServiceName: ['sshd'], Action: ['status'] } }))).name).toBe('InvalidParameters');
    expect((await errorOf(send({ DocumentName: 'Ops-RestartService', InstanceIds: [id], Parameters: { ServiceName: ['sshd'], WaitSeconds: ['3'] } }))).message).toContain('"WaitSeconds" is not defined in document Ops-RestartService (version 2)');
    const latest = await send({ DocumentName: 'Ops-RestartService', DocumentVersion: '$LATEST', InstanceIds: [id], Parameters: { ServiceName: ['redis'], WaitSeconds: ['3'] } });
    expect(latest.Command).toMatchObject({ DocumentVersion: '$LATEST', Parameters: { ServiceName: ['redis'], WaitSeconds: ['3'] } });
    expect((await errorOf(send({ DocumentName: 'Ops-RestartService', DocumentVersion: '4', InstanceIds: [id], Parameters: { ServiceName: ['sshd'] } }))).name).toBe('InvalidDocumentVersion');
  });

  it('uses the document platforms: UnsupportedPlatformType for InstanceIds, Invalid Platform for Targets', async () => {
    const linux = online('Linux')[0].id;
    const err = await errorOf(send({ DocumentName: 'AWS-InstallWindowsUpdates', InstanceIds: [linux] }));
    expect(err.name).toBe('UnsupportedPlatformType');
    const { Command } = await send({ DocumentName: 'Ops-RestartWindowsService', Targets: [{ Key: 'tag:Environment', Values: ['dev'] }], Parameters: { ServiceName: ['Spooler'], Reason: ['print queue stuck again'] }, MaxErrors: '100%' });
    mock.sim.clock.advance(20 * 60_000);
    const invs = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: Command?.CommandId, MaxResults: 50 }))).CommandInvocations ?? [];
    const linuxInvs = invs.filter((i) => mock.sim.store.byId.get(i.InstanceId as string)?.platform.startsWith('win') === false && mock.sim.store.byId.get(i.InstanceId as string)?.ssm?.pingStatus !== 'Inactive');
    expect(linuxInvs.length).toBeGreaterThan(0);
    expect(linuxInvs.every((i) => i.Status === 'Failed' && i.StatusDetails === 'Invalid Platform')).toBe(true);
  });
});

describe('SendCommand validates parameters against the document version (InvalidParameters)', () => {
  it('rejects undeclared parameters and missing required ones', async () => {
    expect(await rejected('AWS-RunShellScript', { commands: ['ls'], shell: ['bash'] })).toBe('Parameter "shell" is not defined in document AWS-RunShellScript (version 1). Valid parameters: commands, workingDirectory, executionTimeout.');
    expect(await rejected('AWS-RunShellScript', {})).toBe('Parameter "commands" is required by document AWS-RunShellScript (version 1) and has no default value.');
    expect(await rejected('Ops-RestartWindowsService', { ServiceName: ['Spooler'] })).toContain('"Reason" is required');
  });

  it('checks allowedValues and allowedPattern (the whole value)', async () => {
    expect(await rejected('Ops-RestartService', { ServiceName: ['mysqld'] })).toBe('Parameter "ServiceName" value "mysqld" is not one of the allowed values: nginx, httpd, sshd, crond, docker, amazon-ssm-agent, postgresql.');
    expect(await rejected('AWS-RunShellScript', { commands: ['ls'], executionTimeout: ['0'] })).toContain('does not match the allowed pattern');
    expect(await rejected('AWS-RunShellScript', { commands: ['ls'], executionTimeout: ['172801'] })).toContain('"executionTimeout" value "172801"');
    expect(await rejected('Ops-CollectLogs', { LogPath: ['/etc/shadow'] })).toContain('^/var/log/[A-Za-z0-9._/-]+$');
    expect(await rejected('Ops-CollectLogs', { Lines: ['5001'] })).toContain('"Lines" value "5001"');
    expect(await rejected('Ops-CollectLogs', { ExtraPaths: ['/var/log/secure', '/tmp/x'] })).toContain('"ExtraPaths" value "/tmp/x"');
  });

  it('checks single versus list values, item counts and lengths', async () => {
    expect(await rejected('Ops-RestartService', { ServiceName: ['sshd', 'nginx'] })).toBe('Parameter "ServiceName" is of type String and takes a single value (got 2).');
    expect(await rejected('AWS-RunShellScript', { commands: [] })).toBe('Parameter "commands" needs at least 1 item(s) (got 0).');
    expect(await rejected('Ops-CollectLogs', { ExtraPaths: ['/var/log/a', '/var/log/b', '/var/log/c', '/var/log/d', '/var/log/e', '/var/log/f'] })).toContain('at most 5 item(s) (got 6)');
    expect(await rejected('Ops-RestartWindowsService', { ServiceName: ['Spooler'], Reason: ['because'] })).toBe('Parameter "Reason" value must be at least 10 characters long (got 7).');
    expect(await rejected('Ops-CollectLogs', { Filter: ['x'.repeat(129)] })).toContain('at most 128 characters');
    expect(await rejected('Ops-CollectLogs', { TicketId: ['OPS-1'] }, { DocumentVersion: '3' })).toContain('at least 6 characters');
  });

  it('checks the types: Boolean, Integer, StringMap, MapList', async () => {
    expect(await rejected('Ops-RestartWindowsService', { ServiceName: ['Spooler'], Reason: ['print queue stuck'], Force: ['yes'] })).toBe('Parameter "Force" value "yes" is not a valid Boolean.');
    expect(await rejected('Ops-CollectLogs', { SinceMinutes: ['1h'] })).toContain('not a valid Integer');
    expect(await rejected('AWS-ConfigureAWSPackage', { action: ['Install'], name: ['AmazonCloudWatchAgent'], additionalArguments: ['SSM_x=1'] })).toContain('not a valid StringMap');
    expect(await rejected('Ops-CollectLogs', { Redactions: ['{"pattern": "x"}'] })).toContain('not a valid MapList');
    const ok = await send({
      DocumentName: 'Ops-CollectLogs', DocumentVersion: '$LATEST', InstanceIds: [nodeOf('Linux')],
      Parameters: { TicketId: ['OPS-1234'], Compress: ['true'], SinceMinutes: ['15'], Redactions: ['[{"pattern": "token=\\\\S+", "replacement": "token=***"}]'], ExtraPaths: ['/var/log/secure'] },
    });
    expect(ok.Command?.Status).toBe('Pending');
  });
});
