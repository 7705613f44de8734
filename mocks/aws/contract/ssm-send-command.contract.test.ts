import { SendCommandCommand, SSMClient, type SendCommandRequest } from '@aws-sdk/client-ssm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { platformSpec, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, errorOf } from './harness';

const NOW = Date.UTC(2025, 5, 1, 12);
let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const nodes = () => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1');
const linux = () => nodes().filter((n) => n.ssm && platformSpec(n.platform).platformType === 'Linux');
const send = (input: Partial<SendCommandRequest>) => ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunPatchBaseline', Parameters: { Operation: ['Scan'] }, ...input }));

beforeAll(() => {
  mock = startContractMock({ nodes: 300, seed: 4, now: () => NOW });
});
afterAll(() => mock.close());
afterEach(async () => {
  const { exchanges, problems } = await mock.checkAll();
  expect(exchanges.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  Object.assign(mock.scenario, { denyOperations: [], throttleRate: 0 });
});

describe('ssm SendCommand', () => {
  it('returns the Pending command with every field AWS sends, through the SDK', async () => {
    const res = await send({ Targets: [{ Key: 'tag:Environment', Values: ['dev'] }], MaxConcurrency: '10%', MaxErrors: '1', Comment: 'weekly scan' });
    const cmd = res.Command ?? {};
    const dev = nodes().filter((n) => n.ssm && n.environment === 'dev');
    expect(cmd).toMatchObject({
      DocumentName: 'AWS-RunPatchBaseline', DocumentVersion: '', Comment: 'weekly scan', Parameters: { Operation: ['Scan'] },
      InstanceIds: [], Targets: [{ Key: 'tag:Environment', Values: ['dev'] }], Status: 'Pending', StatusDetails: 'Pending',
      MaxConcurrency: '10%', MaxErrors: '1', TargetCount: dev.length, CompletedCount: 0, ErrorCount: 0, DeliveryTimedOutCount: 0,
      TimeoutSeconds: 3600, ServiceRole: '', OutputS3KeyPrefix: '',
    });
    expect(cmd.CommandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cmd.RequestedDateTime?.getTime()).toBe(NOW);
    // Total timeout: TimeoutSeconds plus the document's execution timeout (7200 s for AWS-RunPatchBaseline).
    expect(cmd.ExpiresAfter?.getTime()).toBe(NOW + (3600 + 7200) * 1000);
    const byIds = await ssm.send(new SendCommandCommand({
      DocumentName: 'AWS-RunShellScript', DocumentVersion: '$LATEST', InstanceIds: linux().slice(0, 2).map((n) => n.id), Parameters: { commands: ['uptime'], executionTimeout: ['600'] },
      TimeoutSeconds: 60, OutputS3BucketName: 'ignored-bucket',
    }));
    expect(byIds.Command).toMatchObject({ TargetCount: 2, Targets: [], MaxConcurrency: '50', MaxErrors: '0', DocumentVersion: '$LATEST', TimeoutSeconds: 60, OutputS3BucketName: 'ignored-bucket' });
    expect(byIds.Command?.ExpiresAfter?.getTime()).toBe(NOW + (60 + 600) * 1000);
    expect(byIds.Command?.CommandId).not.toBe(cmd.CommandId);
  });

  it('validates the document and its parameters', async () => {
    const ids = linux().slice(0, 1).map((n) => n.id);
    const unknown = await errorOf(send({ DocumentName: 'AWS-RunEverything', InstanceIds: ids }));
    expect([unknown.name, unknown.message]).toEqual(['InvalidDocument', 'Document with name AWS-RunEverything does not exist.']);
    expect((await errorOf(send({ InstanceIds: ids, Parameters: {} }))).name).toBe('InvalidParameters');
    expect((await errorOf(send({ InstanceIds: ids, Parameters: { Operation: ['Install'], RebootOption: ['Now'] } }))).name).toBe('InvalidParameters');
    expect((await errorOf(send({ InstanceIds: ids, Parameters: { Operation: ['Scan'], Verbose: ['true'] } }))).name).toBe('InvalidParameters');
    expect((await errorOf(send({ InstanceIds: ids, DocumentVersion: '7' }))).name).toBe('InvalidDocumentVersion');
    const windows = nodes().find((n) => n.ssm && platformSpec(n.platform).platformType === 'Windows') as SimNode;
    const wrongPlatform = await errorOf(ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [windows.id], Parameters: { commands: ['ls'] } })));
    expect(wrongPlatform.name).toBe('UnsupportedPlatformType');
  });

  it('validates the targets: registered nodes, no repeats, InstanceIds or Targets, model limits', async () => {
    const unregistered = nodes().find((n) => !n.ssm) as SimNode;
    const bad = await errorOf(send({ InstanceIds: [linux()[0].id, unregistered.id, 'i-0123456789abcdef0'] }));
    expect([bad.name, bad.message]).toEqual(['InvalidInstanceId', `Instances [[${unregistered.id}], [i-0123456789abcdef0]] not in a valid state for account 123456789012`]);
    expect((await errorOf(send({ InstanceIds: [linux()[0].id, linux()[0].id] }))).name).toBe('DuplicateInstanceId');
    expect((await errorOf(send({ InstanceIds: [linux()[0].id], Targets: [{ Key: 'tag:Environment', Values: ['dev'] }] }))).name).toBe('ValidationException');
    expect((await errorOf(send({}))).name).toBe('ValidationException');
    const tooMany = await errorOf(send({ InstanceIds: nodes().slice(0, 51).map((n) => n.id) }));
    expect(tooMany.message).toMatch(/at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50$/);
    const sixTargets = Array.from({ length: 6 }, (_, i) => ({ Key: `tag:K${i}`, Values: ['v'] }));
    expect((await errorOf(send({ Targets: sixTargets }))).message).toContain("at 'targets' failed to satisfy constraint: Member must have length less than or equal to 5");
    expect((await errorOf(send({ Targets: [{ Key: 'resource-groups:Name', Values: ['web'] }] }))).name).toBe('ValidationException');
  });

  it('validates MaxConcurrency, MaxErrors, TimeoutSeconds and Comment against the model', async () => {
    const ids = [linux()[0].id];
    for (const input of [{ MaxConcurrency: '0' }, { MaxConcurrency: '101%' }, { MaxErrors: '-1' }, { MaxErrors: 'ten' }, { TimeoutSeconds: 29 }, { TimeoutSeconds: 2_592_001 }, { Comment: 'x'.repeat(101) }]) {
      const err = await errorOf(send({ InstanceIds: ids, ...input }));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toMatch(/^1 validation error detected: Value .* failed to satisfy constraint/);
    }
    for (const [MaxConcurrency, MaxErrors] of [['1', '0'], ['100%', '100%'], ['9%', '0%'], ['1000', '25']]) {
      expect((await send({ InstanceIds: ids, MaxConcurrency, MaxErrors })).Command).toMatchObject({ MaxConcurrency, MaxErrors });
    }
  });

  it('is subject to the faults and counted in stats like every call', async () => {
    mock.stats.reset();
    const sent = mock.sim.store.commands.list.length;
    mock.scenario.denyOperations = ['ssm:SendCommand'];
    const denied = await errorOf(send({ InstanceIds: [linux()[0].id] }));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('is not authorized to perform: ssm:SendCommand on resource: arn:aws:ssm:us-east-1:123456789012:*');
    mock.scenario.denyOperations = [];
    mock.scenario.throttleRate = 1;
    expect((await errorOf(send({ InstanceIds: [linux()[0].id] }))).name).toBe('ThrottlingException');
    expect(mock.stats.snapshot().byOperation).toEqual({ 'ssm:SendCommand': 2 });
    expect(mock.sim.store.commands.list.length).toBe(sent); // nothing was sent
  });
});
