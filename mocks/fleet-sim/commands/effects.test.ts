import { describe, expect, it } from 'vitest';
import { commands, nodePatchCounts, patchList, type Simulation, type SimNode } from '../index';
import { hasBrokenPatching } from './effects';
import { frozenSim, nodesWith, regionNodes, runUntilFinished } from './test-helpers';

/** Online nodes of a platform type with missing patches whose runs do not always fail. */
function patchable(sim: Simulation, platformType: 'Linux' | 'Windows', count: number): SimNode[] {
  return nodesWith(sim, 'Online', platformType).filter((n) => n.patch && (nodePatchCounts(n)?.MissingCount ?? 0) > 0 && !hasBrokenPatching(sim.seed, n)).slice(0, count);
}

const run = (sim: Simulation, ids: string[], parameters: Record<string, string[]>, doc = 'AWS-RunPatchBaseline') => {
  const cmd = sim.sendCommand('us-east-1', { documentName: doc, parameters, instanceIds: ids, maxErrors: '100%' });
  runUntilFinished(sim, cmd);
  return cmd;
};

describe('AWS-RunPatchBaseline Install', () => {
  it('installs the missing patches (RebootIfNeeded): patch states, counts and the operation change together', () => {
    const sim = frozenSim();
    const nodes = [...patchable(sim, 'Linux', 3), ...patchable(sim, 'Windows', 2)];
    const before = new Map(nodes.map((n) => [n.id, { counts: nodePatchCounts(n), missing: (patchList(n) ?? []).filter((e) => e.state === 'Missing').map((e) => e.def.title) }]));
    const cmd = run(sim, nodes.map((n) => n.id), { Operation: ['Install'] });
    for (const inv of cmd.invocations.filter((i) => i.status === 'Success')) {
      const node = sim.store.byId.get(inv.nodeId) as SimNode;
      const was = before.get(node.id);
      const state = sim.patchStates('us-east-1', { instanceIds: [node.id] }).states[0];
      expect(state.counts.MissingCount).toBe(0);
      expect(state.counts.InstalledCount).toBe((was?.counts?.InstalledCount ?? 0) + (was?.missing.length ?? 0) + (was?.counts?.FailedCount ?? 0) + (was?.counts?.InstalledPendingRebootCount ?? 0));
      expect(state.scan).toMatchObject({ operation: 'Install', rebootOption: 'RebootIfNeeded', startTime: inv.startedAt, endTime: inv.endedAt });
      const all = sim.instancePatches('us-east-1', { instanceId: node.id, maxResults: 100 }).patches;
      const patches = all.filter((p) => was?.missing.includes(p.def.title));
      expect(patches.map((p) => p.state)).toEqual((was?.missing ?? []).map(() => 'Installed'));
      for (const p of patches) expect(p.installedTime).toBeGreaterThanOrEqual(inv.startedAt as number);
      const { stdout } = commands.invocationOutput(sim.store, cmd, inv, node);
      if (inv.platformType === 'Windows') {
        expect(stdout).toContain(`Patch Summary for ${node.id}\r\nPatchGroup                   : ${state.scan.patchGroup}`);
        expect(stdout).toMatch(/KbArticleId Installed Message\r\n----------- --------- -------\r\n(KB\d+ +True +Success\r\n)+$/);
      } else expect(stdout).toMatch(/Complete!|Setting up/);
    }
    expect(cmd.invocations.filter((i) => i.status === 'Success').length).toBeGreaterThanOrEqual(4);
  });

  it('with NoReboot leaves them InstalledPendingReboot and records the no-reboot install time', () => {
    const sim = frozenSim();
    const [node] = patchable(sim, 'Linux', 1);
    const missing = (patchList(node) ?? []).filter((e) => e.state === 'Missing').length;
    const cmd = run(sim, [node.id], { Operation: ['Install'], RebootOption: ['NoReboot'] });
    expect(cmd.invocations[0].status).toBe('Success');
    const counts = nodePatchCounts(node);
    expect(counts?.MissingCount).toBe(0);
    expect(counts?.InstalledPendingRebootCount).toBeGreaterThanOrEqual(missing);
    expect(node.patch).toMatchObject({ rebootOption: 'NoReboot', lastNoRebootInstallTime: cmd.invocations[0].endedAt });
    expect(sim.instancePatches('us-east-1', { instanceId: node.id, filters: [{ Key: 'State', Values: ['InstalledPendingReboot'] }] }).patches.length).toBe(counts?.InstalledPendingRebootCount);
  });

  it('fails on nodes with broken patching: exit 1, a package manager error, the missing patches Failed (Linux)', () => {
    const sim = frozenSim(1000);
    const broken = nodesWith(sim, 'Online', 'Linux').filter((n) => hasBrokenPatching(sim.seed, n) && (nodePatchCounts(n)?.MissingCount ?? 0) > 0);
    expect(broken.length).toBeGreaterThan(0);
    const node = broken[0];
    const missing = nodePatchCounts(node)?.MissingCount ?? 0;
    const cmd = run(sim, [node.id], { Operation: ['Install'] });
    const inv = cmd.invocations[0];
    expect(inv).toMatchObject({ status: 'Failed', statusDetails: 'Failed', responseCode: 1 });
    expect(nodePatchCounts(node)).toMatchObject({ MissingCount: 0, FailedCount: missing + 0 });
    const out = commands.invocationOutput(sim.store, cmd, inv, node);
    expect(out.stderr).toMatch(/(Error: |E: )[^\n]+\n[\s\S]*failed to run commands: exit status 1$/);
    expect(out.stdout).toContain(`Instance Id: ${node.id}`);
    expect(out.stdout).not.toMatch(/Complete!|Setting up|Report upload successful/);
  });
});

describe('AWS-RunPatchBaseline Scan', () => {
  it('refreshes the operation times and baseline, and keeps the patch list', () => {
    const sim = frozenSim();
    const node = nodesWith(sim, 'Online', 'Linux').find((n) => n.patch?.operation === 'Install') as SimNode;
    const list = JSON.stringify(patchList(node));
    const oldEnd = node.patch?.endTime as number;
    const cmd = run(sim, [node.id], { Operation: ['Scan'] });
    expect(cmd.invocations[0].status).toBe('Success');
    expect(JSON.stringify(patchList(node))).toBe(list);
    expect(node.patch).toMatchObject({ operation: 'Scan', endTime: cmd.invocations[0].endedAt });
    expect(node.patch?.endTime).toBeGreaterThan(oldEnd);
  });

  it('gives a never-scanned node its first patch list', () => {
    const sim = frozenSim(1000);
    const node = nodesWith(sim, 'Online').find((n) => !n.patch) as SimNode;
    expect(sim.instancePatches('us-east-1', { instanceId: node.id }).patches).toEqual([]);
    run(sim, [node.id], { Operation: ['Scan'] });
    expect(sim.instancePatches('us-east-1', { instanceId: node.id }).patches.length).toBeGreaterThan(10);
    expect(sim.patchStates('us-east-1', { instanceIds: [node.id] }).states).toHaveLength(1);
  });
});

describe('script documents', () => {
  it('run their commands, fail with the exit code of `exit N`, and time out past executionTimeout', () => {
    const sim = frozenSim();
    const [linux, other] = nodesWith(sim, 'Online', 'Linux').filter((n) => !commands.hasFullDisk(sim.seed, n.id));
    const ok = run(sim, [linux.id], { commands: ['echo "hello world"', 'hostname', 'uname -r'] }, 'AWS-RunShellScript');
    const out = commands.invocationOutput(sim.store, ok, ok.invocations[0], linux);
    expect(out.stdout.split('\n')).toEqual(['hello world', linux.ssm?.computerName, expect.stringMatching(/^\d+\.\d+\.\d+-[\w.-]+$/), '']);
    expect(out.stderr).toBe('');
    const failed = run(sim, [linux.id], { commands: ['echo before', 'exit 3', 'echo after'] }, 'AWS-RunShellScript');
    expect(failed.invocations[0]).toMatchObject({ status: 'Failed', responseCode: 3 });
    expect(commands.invocationOutput(sim.store, failed, failed.invocations[0], linux)).toEqual({ stdout: 'before\n', stderr: 'failed to run commands: exit status 3' });
    const slow = run(sim, [other.id], { commands: ['sleep 90'], executionTimeout: ['60'] }, 'AWS-RunShellScript');
    expect(slow.invocations[0]).toMatchObject({ status: 'TimedOut', statusDetails: 'Execution Timed Out', responseCode: 137 });
    expect((slow.invocations[0].endedAt as number) - (slow.invocations[0].startedAt as number)).toBe(60_000);
  });

  it('reject parameters the document does not declare or allow', () => {
    const sim = frozenSim();
    const id = regionNodes(sim).find((n) => n.ssm)?.id as string;
    const send = (documentName: string, parameters: Record<string, string[]>) => () => sim.sendCommand('us-east-1', { documentName, parameters, instanceIds: [id] });
    expect(send('AWS-RunPatchBaseline', {})).toThrow(expect.objectContaining({ code: 'InvalidParameters', message: expect.stringContaining('"Operation" is required') }));
    expect(send('AWS-RunPatchBaseline', { Operation: ['Patch'] })).toThrow(expect.objectContaining({ code: 'InvalidParameters' }));
    expect(send('AWS-RunPatchBaseline', { Operation: ['Scan'], RebootOption: ['Always'] })).toThrow(expect.objectContaining({ code: 'InvalidParameters' }));
    expect(send('AWS-RunPatchBaseline', { Operation: ['Scan', 'Install'] })).toThrow(expect.objectContaining({ code: 'InvalidParameters' }));
    expect(send('AWS-RunShellScript', { commands: ['ls'], shell: ['bash'] })).toThrow(expect.objectContaining({ code: 'InvalidParameters' }));
    expect(send('AWS-RunShellScript', { commands: ['ls'], executionTimeout: ['0'] })).toThrow(expect.objectContaining({ code: 'InvalidParameters' }));
    expect(send('AWS-NoSuchDocument', {})).toThrow(expect.objectContaining({ code: 'InvalidDocument' }));
  });
});
