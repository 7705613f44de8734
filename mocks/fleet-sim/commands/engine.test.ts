import { describe, expect, it } from 'vitest';
import { commands } from '../index';
import { byDetails, frozenSim, maxOverlap, nodesWith, regionNodes, runUntilFinished } from './test-helpers';

const { commandCounts, commandStatus } = commands;
const everyEnv = [{ Key: 'tag:Environment', Values: ['prod', 'staging', 'dev'] }];

describe('concurrency', () => {
  it.each([
    ['10%', (targets: number) => Math.floor(targets / 10)],
    ['3', () => 3],
  ])('never runs more than MaxConcurrency %s at once, and uses all of it', (maxConcurrency, expected) => {
    const sim = frozenSim();
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: everyEnv, maxConcurrency, maxErrors: '100%' });
    const limit = expected(cmd.invocations.length);
    expect(cmd.concurrencyLimit).toBe(limit);
    let sampledMax = 0;
    runUntilFinished(sim, cmd, 500, 6 * 3_600_000, () => {
      const running = cmd.invocations.filter((i) => i.phase === 'running').length;
      sampledMax = Math.max(sampledMax, running);
      expect(running).toBeLessThanOrEqual(limit);
    });
    expect(sampledMax).toBe(limit);
    expect(maxOverlap(cmd.invocations)).toBe(limit);
    // Sent in target order.
    const sent = cmd.invocations.filter((i) => i.dispatchedAt !== undefined);
    for (let i = 1; i < sent.length; i++) expect(sent[i].dispatchedAt).toBeGreaterThanOrEqual(sent[i - 1].dispatchedAt as number);
  });
});

describe('MaxErrors', () => {
  it.each([
    ['3', '2', 4, 5],
    ['0', '1', 1, 1],
  ])('with MaxErrors %s and MaxConcurrency %s stops sending after the limit is exceeded; the rest end Terminated', (maxErrors, maxConcurrency, minErrors, maxErr) => {
    const sim = frozenSim();
    const ids = nodesWith(sim, 'Online', 'Linux').slice(0, 20).map((n) => n.id);
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['echo starting', 'exit 1'] }, instanceIds: ids, maxConcurrency, maxErrors });
    runUntilFinished(sim, cmd);
    const counts = byDetails(cmd);
    expect(counts.Failed).toBeGreaterThanOrEqual(minErrors);
    expect(counts.Failed).toBeLessThanOrEqual(maxErr);
    expect(counts.Terminated).toBe(20 - counts.Failed);
    expect(cmd.invocations.filter((i) => i.statusDetails === 'Terminated').every((i) => i.status === 'Cancelled' && i.responseCode === -1 && i.dispatchedAt === undefined)).toBe(true);
    expect(commandStatus(cmd)).toEqual({ status: 'Failed', details: 'Failed' });
    expect(commandCounts(cmd)).toEqual({ targetCount: 20, completedCount: 20, errorCount: counts.Failed, deliveryTimedOutCount: 0 });
  });

  it('reports Success "Incomplete" when fewer invocations failed than MaxErrors allows', () => {
    const sim = frozenSim();
    const [bad, ...good] = nodesWith(sim, 'Online', 'Linux').slice(0, 5);
    const ok = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['hostname'] }, instanceIds: good.map((n) => n.id) });
    const mixed = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['echo hi'] }, instanceIds: [bad.id, ...good.map((n) => n.id)], maxErrors: '2' });
    sim.cancelCommand('us-east-1', mixed.id, [bad.id]);
    runUntilFinished(sim, ok);
    runUntilFinished(sim, mixed);
    expect(commandStatus(ok)).toEqual({ status: 'Success', details: 'Success' });
    expect(commandStatus(mixed)).toEqual({ status: 'Success', details: 'Incomplete' });
  });
});

describe('nodes that are not Online', () => {
  it('Inactive -> Undeliverable at once; ConnectionLost -> Pending without a slot until TimeoutSeconds, then Delivery Timed Out', () => {
    const sim = frozenSim();
    const inactive = nodesWith(sim, 'Inactive').slice(0, 2);
    const lost = nodesWith(sim, 'ConnectionLost').slice(0, 2);
    const online = nodesWith(sim, 'Online', 'Linux').slice(0, 4);
    expect([inactive.length, lost.length, online.length]).toEqual([2, 2, 4]);
    const ids = [...lost, ...inactive, ...online].map((n) => n.id);
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, instanceIds: ids, maxConcurrency: '1', timeoutSeconds: 300 });
    sim.clock.advance(290_000);
    sim.sync();
    const at = (id: string) => cmd.invocations.find((i) => i.nodeId === id);
    for (const n of online) expect(at(n.id)).toMatchObject({ status: 'Success', responseCode: 0 });
    for (const n of inactive) expect(at(n.id)).toMatchObject({ status: 'Failed', statusDetails: 'Undeliverable', responseCode: -1, startedAt: undefined });
    for (const n of lost) expect(at(n.id)).toMatchObject({ status: 'Pending', statusDetails: 'Pending', phase: 'waiting' });
    expect(commandStatus(cmd).status).toBe('InProgress');
    sim.clock.advance(10_000);
    sim.sync();
    for (const n of lost) expect(at(n.id)).toMatchObject({ status: 'TimedOut', statusDetails: 'Delivery Timed Out', responseCode: -1 });
    expect(cmd.invocations.find((i) => i.statusDetails === 'Delivery Timed Out')?.endedAt).toBeUndefined();
    expect(commandStatus(cmd)).toEqual({ status: 'TimedOut', details: 'Delivery Timed Out' });
    expect(commandCounts(cmd)).toEqual({ targetCount: 8, completedCount: 8, errorCount: 0, deliveryTimedOutCount: 2 });
  });

  it('times out queued invocations that could not start before TimeoutSeconds', () => {
    const sim = frozenSim();
    const ids = nodesWith(sim, 'Online', 'Linux').slice(0, 6).map((n) => n.id);
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['sleep 20'] }, instanceIds: ids, maxConcurrency: '1', timeoutSeconds: 45 });
    runUntilFinished(sim, cmd);
    expect(byDetails(cmd)).toEqual({ Success: 2, 'Delivery Timed Out': 4 });
  });
});

describe('CancelCommand', () => {
  it('moves pending and running invocations through Cancelling to Cancelled; the command ends Cancelled', () => {
    const sim = frozenSim();
    const ids = nodesWith(sim, 'Online', 'Linux').slice(0, 6).map((n) => n.id);
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['sleep 30'] }, instanceIds: ids, maxConcurrency: '2' });
    sim.clock.advance(5000);
    sim.cancelCommand('us-east-1', cmd.id);
    expect(byDetails(cmd)).toEqual({ Cancelling: 6 });
    expect(commandStatus(cmd)).toEqual({ status: 'Cancelling', details: 'Cancelling' });
    const running = cmd.invocations.filter((i) => i.phase === 'running').map((i) => i.nodeId);
    expect(running).toHaveLength(2);
    sim.clock.advance(5000);
    sim.sync();
    expect(byDetails(cmd)).toEqual({ Cancelled: 6 });
    for (const inv of cmd.invocations) expect(inv.responseCode).toBe(running.includes(inv.nodeId) ? 137 : -1);
    expect(commandStatus(cmd)).toEqual({ status: 'Cancelled', details: 'Cancelled' });
    expect(commandCounts(cmd).completedCount).toBe(6);
    sim.cancelCommand('us-east-1', cmd.id); // finished: nothing changes, no error
    expect(commandStatus(cmd).status).toBe('Cancelled');
  });

  it('rejects unknown commands, repeated IDs and nodes the command was not sent to', () => {
    const sim = frozenSim();
    const [a, b] = nodesWith(sim, 'Online', 'Linux');
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['true'] }, instanceIds: [a.id] });
    expect(() => sim.cancelCommand('us-east-1', 'not-a-uuid')).toThrow(expect.objectContaining({ code: 'InvalidCommandId' }));
    expect(() => sim.cancelCommand('eu-west-1', cmd.id)).toThrow(expect.objectContaining({ code: 'InvalidCommandId' }));
    expect(() => sim.cancelCommand('us-east-1', cmd.id, [a.id, a.id])).toThrow(expect.objectContaining({ code: 'DuplicateInstanceId' }));
    expect(() => sim.cancelCommand('us-east-1', cmd.id, [b.id])).toThrow(expect.objectContaining({ code: 'InvalidInstanceId' }));
  });
});

describe('targets and timing', () => {
  it('resolves tag targets at send time to the registered nodes of the region (offline ones too), ANDing the targets', () => {
    const sim = frozenSim();
    const dev = regionNodes(sim).filter((n) => n.ssm && n.tags.some((t) => t.Key === 'Environment' && t.Value === 'dev'));
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: [{ Key: 'tag:Environment', Values: ['dev'] }] });
    expect(cmd.invocations.map((i) => i.nodeId)).toEqual(dev.map((n) => n.id));
    expect(dev.some((n) => n.ssm?.pingStatus !== 'Online')).toBe(true);
    const all = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: everyEnv });
    const unregistered = regionNodes(sim).filter((n) => !n.ssm).map((n) => n.id);
    expect(unregistered.length).toBeGreaterThan(0);
    expect(all.invocations.map((i) => i.nodeId)).toEqual(regionNodes(sim).filter((n) => n.ssm).map((n) => n.id));
    const both = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: [{ Key: 'tag:Environment', Values: ['dev'] }, { Key: 'tag:Team', Values: ['data'] }] });
    expect(both.invocations.map((i) => i.nodeId)).toEqual(dev.filter((n) => n.team === 'data').map((n) => n.id));
    const none = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: [{ Key: 'tag:Environment', Values: ['qa'] }] });
    expect([none.invocations.length, none.finished, commandStatus(none).details]).toEqual([0, true, 'No Instances In Tag']);
  });

  it('finishes a demo Install over ~300 nodes at 10% concurrency within minutes (all but the unreachable nodes)', () => {
    const sim = frozenSim(550);
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'] }, targets: [{ Key: 'tag-key', Values: ['Environment'] }], maxConcurrency: '10%', maxErrors: '100%' });
    expect(cmd.invocations.length).toBeGreaterThan(280);
    sim.clock.advance(6 * 60_000);
    sim.sync();
    const open = cmd.invocations.filter((i) => i.phase !== 'done');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => sim.store.byId.get(i.nodeId)?.ssm?.pingStatus === 'ConnectionLost')).toBe(true);
  });

  it('is deterministic: same seed and sends, same command IDs, timings and outcomes', () => {
    const run = () => {
      const sim = frozenSim(400, 11);
      const a = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'] }, targets: everyEnv, maxConcurrency: '20', maxErrors: '100%' });
      sim.clock.advance(30_000);
      const b = sim.sendCommand('us-east-1', { documentName: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: everyEnv });
      runUntilFinished(sim, a, 5000);
      runUntilFinished(sim, b, 5000);
      return JSON.stringify([a, b].map((c) => ({ id: c.id, invocations: c.invocations.map(({ plan, ...rest }) => ({ ...rest, roll: plan.roll })) })));
    };
    const first = run();
    expect(run()).toBe(first);
    expect(first).toContain('"statusDetails":"Failed"');
  });
});
