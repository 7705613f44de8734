import {
  CancelCommandCommand, DescribeInstanceInformationCommand, GetCommandInvocationCommand, ListCommandInvocationsCommand, ListCommandsCommand,
  SendCommandCommand, SSMClient,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, LATEST_AGENT, platformSpec, type SimNode } from '../../fleet-sim';
import { checkEveryExchange, errorOf, FAKE_CREDENTIALS, startContractMock } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const healthy = (type: 'Linux' | 'Windows') => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1' && n.ssm?.pingStatus === 'Online' && platformSpec(n.platform).platformType === type && !commands.hasFullDisk(mock.sim.seed, n.id));
const advance = (ms: number) => mock.sim.clock.advance(ms);

beforeAll(() => {
  mock = startContractMock({ nodes: 300, seed: 9, now: () => Date.UTC(2025, 5, 1, 12) });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('output options', () => {
  it('gives S3 URLs (prefix/commandId/instanceId/plugin/step/stdout) once a step finished, and echoes the bucket and CloudWatch settings', async () => {
    const [node] = healthy('Linux');
    const { Command } = await ssm.send(new SendCommandCommand({
      DocumentName: 'AWS-RunShellScript', InstanceIds: [node.id], Parameters: { commands: ['df -h'] },
      OutputS3BucketName: 'acme-ssm-output', OutputS3KeyPrefix: 'runs/', OutputS3Region: 'eu-west-1',
      CloudWatchOutputConfig: { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: '/ssm/run-command' },
    }));
    expect(Command).toMatchObject({ OutputS3BucketName: 'acme-ssm-output', OutputS3KeyPrefix: 'runs/', OutputS3Region: 'eu-west-1', CloudWatchOutputConfig: { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: '/ssm/run-command' } });
    const id = Command?.CommandId as string;
    const pending = await ssm.send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: node.id }));
    expect([pending.StandardOutputUrl, pending.StandardErrorUrl]).toEqual(['', '']);
    advance(60_000);
    const base = `https://s3.eu-west-1.amazonaws.com/acme-ssm-output/runs/${id}/${node.id}/awsrunShellScript/0.awsrunShellScript`;
    const got = await ssm.send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: node.id }));
    expect(got).toMatchObject({ Status: 'Success', StandardOutputUrl: `${base}/stdout`, StandardErrorUrl: `${base}/stderr`, CloudWatchOutputConfig: { CloudWatchOutputEnabled: true, CloudWatchLogGroupName: '/ssm/run-command' } });
    expect(got.StandardOutputContent).toMatch(/^Filesystem\s+Size\s+Used Avail Use% Mounted on\n/);
    const [inv] = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: id, Details: true }))).CommandInvocations ?? [];
    expect(inv).toMatchObject({ StandardOutputUrl: `${base}/stdout`, CloudWatchOutputConfig: { CloudWatchOutputEnabled: true } });
    expect(inv.CommandPlugins?.[0]).toMatchObject({ StandardOutputUrl: `${base}/stdout`, StandardErrorUrl: `${base}/stderr`, OutputS3BucketName: 'acme-ssm-output', OutputS3KeyPrefix: 'runs/', OutputS3Region: 'eu-west-1' });
  });

  it('names 2.x steps in the URL, only for steps that ran; without a bucket everything is empty', async () => {
    const [node] = healthy('Linux');
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunPatchBaseline', InstanceIds: [node.id], Parameters: { Operation: ['Scan'] }, OutputS3BucketName: 'acme-ssm-output' }));
    const plain = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [node.id], Parameters: { commands: ['uptime'] } }));
    expect(plain.Command?.CloudWatchOutputConfig).toEqual({ CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false });
    advance(120_000);
    const [inv] = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: Command?.CommandId, Details: true }))).CommandInvocations ?? [];
    expect(inv.StandardOutputUrl).toBe(''); // several plugins: only the plugins have URLs
    const [win, linux] = inv.CommandPlugins ?? [];
    expect(win.StandardOutputUrl).toBe('');
    expect(linux.StandardOutputUrl).toBe(`https://s3.us-east-1.amazonaws.com/acme-ssm-output/${Command?.CommandId}/${node.id}/awsrunShellScript/PatchLinux/stdout`);
    const got = await ssm.send(new GetCommandInvocationCommand({ CommandId: plain.Command?.CommandId, InstanceId: node.id }));
    expect([got.StandardOutputUrl, got.CloudWatchOutputConfig?.CloudWatchOutputEnabled]).toEqual(['', false]);
  });

  it('keeps the agent\'s limits on realistic output: 2,500 chars per plugin in the list, 24,000 of stdout in GetCommandInvocation', async () => {
    const [node] = healthy('Linux');
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [node.id], Parameters: { commands: ['tail -n 400 /var/log/amazon/ssm/amazon-ssm-agent.log', 'frobnicate'] } }));
    advance(60_000);
    const got = await ssm.send(new GetCommandInvocationCommand({ CommandId: Command?.CommandId, InstanceId: node.id }));
    expect(got).toMatchObject({ Status: 'Failed', ResponseCode: 127 });
    expect(got.StandardOutputContent).toHaveLength(24_000);
    expect(got.StandardErrorContent).toMatch(/frobnicate: (command )?not found\nfailed to run commands: exit status 127$/);
    const [inv] = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: Command?.CommandId, Details: true }))).CommandInvocations ?? [];
    const output = inv.CommandPlugins?.[0].Output as string;
    expect(output).toHaveLength(2500);
    expect(output).toMatch(/\n---Output truncated---\n----------ERROR-------\n\/var\/lib\/amazon\/ssm\/[\s\S]+exit status 127$/);
  });

  it('validates the names as the model does', async () => {
    const id = healthy('Linux')[0].id;
    const bucket = await errorOf(ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['ls'] }, OutputS3BucketName: 'ab' })));
    expect(bucket.message).toContain("at 'outputS3BucketName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    const group = await errorOf(ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['ls'] }, CloudWatchOutputConfig: { CloudWatchLogGroupName: 'g'.repeat(513) } })));
    expect(group.message).toContain("at 'cloudWatchOutputConfig.cloudWatchLogGroupName' failed to satisfy constraint: Member must have length less than or equal to 512");
  });
});

describe('CancelCommand with InstanceIds', () => {
  it('cancels only those nodes\' invocations; the others run to the end', async () => {
    const ids = healthy('Linux').slice(0, 4).map((n) => n.id);
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: ids, Parameters: { commands: ['sleep 30', 'echo done'] } }));
    const id = Command?.CommandId as string;
    advance(5000);
    await ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [ids[1], ids[3]] }));
    const during = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: id }))).CommandInvocations ?? [];
    expect(during.map((i) => i.Status)).toEqual(['InProgress', 'Cancelling', 'InProgress', 'Cancelling']);
    expect((await ssm.send(new ListCommandsCommand({ CommandId: id }))).Commands?.[0].Status).toBe('InProgress');
    advance(60_000);
    const after = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: id, Details: true }))).CommandInvocations ?? [];
    expect(after.map((i) => [i.InstanceId, i.Status])).toEqual([[ids[0], 'Success'], [ids[1], 'Cancelled'], [ids[2], 'Success'], [ids[3], 'Cancelled']]);
    expect(after[0].CommandPlugins?.[0].Output).toBe('done\n');
    expect(after[1].CommandPlugins?.[0]).toMatchObject({ Status: 'Cancelled', ResponseCode: 137 });
    expect((await ssm.send(new ListCommandsCommand({ CommandId: id }))).Commands?.[0]).toMatchObject({ Status: 'Success', StatusDetails: 'Incomplete', CompletedCount: 4 });
  });
});

describe('AWS-UpdateSSMAgent', () => {
  it('brings an old agent to the latest version, which DescribeInstanceInformation then reports', async () => {
    const node = healthy('Linux').find((n) => n.ssm?.agentVersion !== LATEST_AGENT) as SimNode;
    const old = node.ssm?.agentVersion as string;
    const info = async () => (await ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [node.id] }] }))).InstanceInformationList?.[0];
    expect(await info()).toMatchObject({ AgentVersion: old, IsLatestVersion: false });
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-UpdateSSMAgent', InstanceIds: [node.id] }));
    advance(5 * 60_000);
    const got = await ssm.send(new GetCommandInvocationCommand({ CommandId: Command?.CommandId, InstanceId: node.id }));
    // 3% of updates fail to download; this node's does not (deterministic for the seed).
    expect(got).toMatchObject({ Status: 'Success', PluginName: 'aws:updateSsmAgent' });
    expect(got.StandardOutputContent).toContain(`Updating amazon-ssm-agent from ${old} to latest\n`);
    expect(got.StandardOutputContent).toMatch(new RegExp(`Initiating amazon-ssm-agent update to ${LATEST_AGENT.replace(/\./g, '\\.')}\\namazon-ssm-agent updated successfully to ${LATEST_AGENT.replace(/\./g, '\\.')}\\n$`));
    expect(await info()).toMatchObject({ AgentVersion: LATEST_AGENT, IsLatestVersion: true });
    const again = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-UpdateSSMAgent', InstanceIds: [node.id] }));
    advance(5 * 60_000);
    const second = await ssm.send(new GetCommandInvocationCommand({ CommandId: again.Command?.CommandId, InstanceId: node.id }));
    expect(second.StandardOutputContent).toContain(`amazon-ssm-agent ${LATEST_AGENT} has already been installed, update skipped`);
  });
});
