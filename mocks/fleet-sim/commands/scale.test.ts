import { describe, expect, it } from 'vitest';
import { commands, createSimulation } from '../index';

describe('a 10,000-node command', () => {
  it('is sent, paged (each invocation once, in target order) and run to the end with consistent counts', () => {
    const sim = createSimulation({ nodes: 11_000, regions: ['us-east-1'], seed: 5, now: () => Date.UTC(2025, 5, 1, 12) });
    const cmd = sim.sendCommand('us-east-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['uptime'] }, targets: [{ Key: 'tag-key', Values: ['Environment'] }], maxConcurrency: '100%', maxErrors: '100%' });
    expect(cmd.invocations.length).toBeGreaterThan(10_000);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = sim.commandInvocations('us-east-1', { commandId: cmd.id, maxResults: 50, nextToken: token });
      expect(page.items.length).toBeLessThanOrEqual(50);
      seen.push(...page.items.map((r) => r.inv.nodeId));
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(cmd.invocations.map((i) => i.nodeId));
    const node = cmd.invocations[7777].nodeId;
    expect(sim.commandInvocations('us-east-1', { commandId: cmd.id, instanceId: node }).items.map((r) => r.inv.nodeId)).toEqual([node]);
    while (!cmd.finished) {
      sim.clock.advance(5 * 60_000);
      sim.sync();
    }
    const tally: Record<string, number> = {};
    for (const inv of cmd.invocations) tally[inv.statusDetails] = (tally[inv.statusDetails] ?? 0) + 1;
    expect(cmd.doneByDetails).toEqual(tally);
    expect(commands.commandCounts(cmd)).toMatchObject({ completedCount: cmd.invocations.length, errorCount: tally.Failed ?? 0, deliveryTimedOutCount: tally['Delivery Timed Out'] ?? 0 });
    const failed = sim.commandInvocations('us-east-1', { commandId: cmd.id, filters: [{ key: 'Status', value: 'Failed' }], maxResults: 50 });
    expect(failed.items.every((r) => r.inv.status === 'Failed')).toBe(true);
    expect(tally.Success).toBeGreaterThan(6000);
  });
});
