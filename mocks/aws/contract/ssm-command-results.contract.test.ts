import {
  CancelCommandCommand, DescribeInstancePatchStatesCommand, GetCommandInvocationCommand, ListCommandInvocationsCommand, ListCommandsCommand,
  paginateListCommandInvocations, paginateListCommands, SendCommandCommand, SSMClient, type CommandInvocation,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformSpec } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

const NOW = Date.UTC(2025, 5, 1, 12);
let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const online = (type: 'Linux' | 'Windows') => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1' && n.ssm?.pingStatus === 'Online' && platformSpec(n.platform).platformType === type);
const advance = (ms: number) => mock.sim.clock.advance(ms);
let install = '';
let script = '';

async function invocations(commandId: string): Promise<CommandInvocation[]> {
  const out: CommandInvocation[] = [];
  for await (const page of paginateListCommandInvocations({ client: ssm, pageSize: 7 }, { CommandId: commandId, Details: true })) out.push(...(page.CommandInvocations ?? []));
  return out;
}

beforeAll(async () => {
  mock = startContractMock({ nodes: 700, seed: 21, now: () => NOW });
  const linux = online('Linux').slice(0, 30).map((n) => n.id);
  const sent = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunPatchBaseline', Parameters: { Operation: ['Install'], RebootOption: ['NoReboot'] }, InstanceIds: linux, MaxConcurrency: '10', MaxErrors: '100%' }));
  install = sent.Command?.CommandId as string;
  advance(10 * 60_000);
  const long = [`echo ${'o'.repeat(30_000)}`, `echo ${'e'.repeat(9000)} >&2`, 'exit 2'];
  script = (await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Parameters: { commands: long }, InstanceIds: linux.slice(0, 1), Comment: 'long output' }))).Command?.CommandId as string;
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm ListCommands', () => {
  it('lists newest first with counts consistent with the invocations, paging and filtering', async () => {
    const listed = [];
    for await (const page of paginateListCommands({ client: ssm, pageSize: 1 }, {})) listed.push(...(page.Commands ?? []));
    expect(listed.map((c) => c.CommandId)).toEqual([script, install]);
    advance(60_000);
    const [cmd] = (await ssm.send(new ListCommandsCommand({ CommandId: install }))).Commands ?? [];
    const invs = await invocations(install);
    expect(cmd).toMatchObject({ TargetCount: 30, CompletedCount: invs.filter((i) => !['Pending', 'InProgress', 'Cancelling'].includes(i.Status as string)).length });
    expect(cmd.ErrorCount).toBe(invs.filter((i) => i.StatusDetails === 'Failed').length);
    // MaxErrors 100%: too few failures to fail the command.
    expect([cmd.Status, cmd.StatusDetails]).toEqual(['Success', cmd.ErrorCount ? 'Incomplete' : 'Success']);
    const filtered = async (key: string, value: string) => ((await ssm.send(new ListCommandsCommand({ Filters: [{ key: key as 'Status', value }] }))).Commands ?? []).map((c) => c.CommandId);
    expect(await filtered('DocumentName', 'AWS-RunShellScript')).toEqual([script]);
    expect(await filtered('ExecutionStage', 'Complete')).toEqual([script, install]);
    expect(await filtered('ExecutionStage', 'Executing')).toEqual([]);
    expect(await filtered('Status', 'Failed')).toContain(script);
    expect(await filtered('InvokedAfter', new Date(NOW + 60_000).toISOString())).toEqual([script]);
    expect(await filtered('InvokedBefore', '2025-06-01T12:00:00Z')).toEqual([install]);
    const byNode = await ssm.send(new ListCommandsCommand({ InstanceId: invs[1].InstanceId }));
    expect(byNode.Commands?.map((c) => c.CommandId)).toEqual([install]);
  });

  it('answers AWS errors for unknown commands, filter keys, values and tokens', async () => {
    expect((await errorOf(ssm.send(new ListCommandsCommand({ CommandId: '00000000-0000-4000-8000-000000000000' })))).name).toBe('InvalidCommandId');
    expect((await errorOf(ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Status', value: 'Sleeping' }] })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Owner' as 'Status', value: 'me' }] })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new ListCommandInvocationsCommand({ Filters: [{ key: 'ExecutionStage', value: 'Complete' }] })))).name).toBe('InvalidFilterKey');
    expect((await errorOf(ssm.send(new ListCommandsCommand({ NextToken: 'nope' })))).name).toBe('InvalidNextToken');
    expect((await errorOf(ssm.send(new ListCommandsCommand({ MaxResults: 51 })))).name).toBe('ValidationException');
  });
});

describe('ssm ListCommandInvocations and GetCommandInvocation', () => {
  it('lists each node with its plugins (steps), plugin Output cut to 2,500 chars as the agent does', async () => {
    const invs = await invocations(install);
    expect(invs).toHaveLength(30);
    for (const inv of invs) {
      expect(inv.CommandPlugins?.map((p) => p.Name)).toEqual(['PatchWindows', 'PatchLinux', 'PatchMacOS']);
      const [win, linux, mac] = inv.CommandPlugins ?? [];
      expect([win.Status, mac.Status, win.ResponseCode]).toEqual(['Success', 'Success', 0]);
      expect(win.Output).toBe(`Step execution skipped due to unsatisfied preconditions: '"StringEquals": [platformType, Windows]'. Step name: PatchWindows`);
      expect(linux).toMatchObject({ Status: inv.Status, StatusDetails: inv.StatusDetails, StandardOutputUrl: '', OutputS3Region: 'us-east-1' });
      expect(linux.Output?.length).toBeLessThanOrEqual(2500);
      expect(linux.ResponseFinishDateTime?.getTime()).toBeGreaterThan(linux.ResponseStartDateTime?.getTime() as number);
    }
    expect(invs.some((i) => i.CommandPlugins?.[1].Output?.endsWith('\n---Output truncated---'))).toBe(true);
    const brief = await ssm.send(new ListCommandInvocationsCommand({ CommandId: install, MaxResults: 3 }));
    expect(brief.CommandInvocations?.map((i) => i.CommandPlugins)).toEqual([[], [], []]);
    expect(brief.NextToken).toBeDefined();
    const failed = await ssm.send(new ListCommandInvocationsCommand({ CommandId: install, Filters: [{ key: 'Status', value: 'Success' }] }));
    expect(failed.CommandInvocations?.every((i) => i.Status === 'Success')).toBe(true);
  });

  it('gets a step with the first 24,000 chars of stdout and 8,000 of stderr; a multi-step document without PluginName has no output', async () => {
    const node = online('Linux')[0].id;
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['sleep 5', 'echo done'] }, InstanceIds: [node] }));
    const running = { CommandId: Command?.CommandId, InstanceId: node };
    advance(3000);
    const before = await ssm.send(new GetCommandInvocationCommand(running));
    expect(before).toMatchObject({ Status: 'InProgress', StatusDetails: 'InProgress', ExecutionEndDateTime: '', StandardOutputContent: '', ResponseCode: -1, PluginName: 'aws:runShellScript' });
    expect(before.ExecutionStartDateTime).toMatch(/^2025-06-01T12:1\d:\d{2}\.\d{3}Z$/);
    advance(30_000);
    expect(await ssm.send(new GetCommandInvocationCommand(running))).toMatchObject({ Status: 'Success', StandardOutputContent: 'done\n', ResponseCode: 0 });
    const done = await ssm.send(new GetCommandInvocationCommand({ CommandId: script, InstanceId: node }));
    expect(done).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ResponseCode: 2, Comment: 'long output', StandardOutputUrl: '', StandardErrorUrl: '' });
    expect(done.StandardOutputContent).toBe('o'.repeat(24_000));
    expect(done.StandardErrorContent).toBe('e'.repeat(8000));
    expect(done.ExecutionStartDateTime).toMatch(/^2025-06-01T12:10:0\d\.\d{3}Z$/);
    expect(done.ExecutionElapsedTime).toMatch(/^PT\d+(\.\d+)?S$/);
    const [inv] = (await ssm.send(new ListCommandInvocationsCommand({ CommandId: script, Details: true }))).CommandInvocations ?? [];
    const output = inv.CommandPlugins?.[0].Output as string;
    expect(output).toHaveLength(2500);
    expect(output).toMatch(/^o+\n---Output truncated---\n----------ERROR-------\ne+\n---Error truncated----$/);
    const step = await ssm.send(new GetCommandInvocationCommand({ CommandId: install, InstanceId: node, PluginName: 'PatchLinux' }));
    expect(step.StandardOutputContent).toContain(`Instance Id: ${node}`);
    expect(step.StandardOutputContent?.length).toBeLessThanOrEqual(24_000);
    const whole = await ssm.send(new GetCommandInvocationCommand({ CommandId: install, InstanceId: node }));
    expect(whole).toMatchObject({ Status: step.Status, StandardOutputContent: '', ExecutionStartDateTime: '' });
    expect(whole.PluginName).toBeUndefined();
  });

  it('answers InvocationDoesNotExist, InvalidCommandId and InvalidPluginName', async () => {
    const node = online('Linux')[0].id;
    const other = online('Windows')[0].id;
    expect((await errorOf(ssm.send(new GetCommandInvocationCommand({ CommandId: install, InstanceId: other })))).name).toBe('InvocationDoesNotExist');
    expect((await errorOf(ssm.send(new GetCommandInvocationCommand({ CommandId: '00000000-0000-4000-8000-000000000000', InstanceId: node })))).name).toBe('InvocationDoesNotExist');
    expect((await errorOf(ssm.send(new GetCommandInvocationCommand({ CommandId: 'x'.repeat(36), InstanceId: node })))).name).toBe('InvalidCommandId');
    expect((await errorOf(ssm.send(new GetCommandInvocationCommand({ CommandId: install, InstanceId: node, PluginName: 'aws:runShellScript' })))).name).toBe('InvalidPluginName');
  });

  it('reports the NoReboot install in the node patch state', async () => {
    const ids = (await invocations(install)).filter((i) => i.Status === 'Success').map((i) => i.InstanceId as string);
    const states = (await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).InstancePatchStates ?? [];
    for (const s of states) {
      expect(s).toMatchObject({ Operation: 'Install', RebootOption: 'NoReboot', MissingCount: 0 });
      expect(s.LastNoRebootInstallOperationTime?.getTime()).toBe(s.OperationEndTime?.getTime());
    }
    expect(states.some((s) => (s.InstalledPendingRebootCount ?? 0) > 0)).toBe(true);
  });
});

describe('ssm CancelCommand', () => {
  it('cancels a running command (Cancelling, then Cancelled) and rejects bad requests', async () => {
    const ids = online('Linux').slice(40, 44).map((n) => n.id);
    const { Command } = await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['sleep 60'] }, InstanceIds: ids, MaxConcurrency: '1' }));
    const id = Command?.CommandId as string;
    advance(5000);
    expect(await ssm.send(new CancelCommandCommand({ CommandId: id }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await ssm.send(new ListCommandsCommand({ CommandId: id }))).Commands?.[0].Status).toBe('Cancelling');
    advance(5000);
    expect((await ssm.send(new ListCommandsCommand({ CommandId: id }))).Commands?.[0]).toMatchObject({ Status: 'Cancelled', StatusDetails: 'Cancelled', CompletedCount: 4 });
    expect((await invocations(id)).map((i) => i.Status)).toEqual(['Cancelled', 'Cancelled', 'Cancelled', 'Cancelled']);
    expect((await errorOf(ssm.send(new CancelCommandCommand({ CommandId: '00000000-0000-4000-8000-000000000000' })))).name).toBe('InvalidCommandId');
    expect((await errorOf(ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [ids[0], ids[0]] })))).name).toBe('DuplicateInstanceId');
    expect((await errorOf(ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [online('Windows')[0].id] })))).name).toBe('InvalidInstanceId');
  });
});
