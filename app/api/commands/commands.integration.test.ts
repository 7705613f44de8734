/** The fleet's command history: ListCommands in every region merged with the dashboard's runs. */
import { describe, expect, it } from 'vitest';
import type { CommandsResponse } from '@/lib/contracts/commands';
import { installRunTestEnv, execute, script } from '@/app/api/runs/test-helpers';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { GET as historyRoute } from '@/app/api/commands/route';
import { GET as nodeRoute } from '@/app/api/nodes/[id]/commands/route';

const mock = installRunTestEnv();

const history = async (q = ''): Promise<{ status: number; body: CommandsResponse }> => {
  const res = await historyRoute(new Request(`http://dash.test/api/commands${q}`), undefined);
  return { status: res.status, body: await res.json() };
};

describe('command history', () => {
  it('lists commands sent from elsewhere (console, CLI) next to the dashboard\'s runs, with who sent them', async () => {
    const snap = await getFleetSnapshot();
    const nodes = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.platformType === 'Linux' && n.region === 'eu-west-1').slice(0, 2);
    // "From the CLI": straight to AWS, no dashboard involved.
    const cli = mock.sim.sendCommand('eu-west-1', { documentName: 'AWS-RunShellScript', parameters: { commands: ['whoami'] }, instanceIds: [nodes[0].id], comment: 'by hand' });
    const { body } = await execute(script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, comment: 'CHG-1' }));
    const { status, body: h } = await history();
    expect(status).toBe(200);
    const mine = h.commands.find((c) => c.runId === body.runId)!;
    expect(mine).toMatchObject({ document: 'AWS-RunShellScript', actor: 'demo-operator', region: 'eu-west-1', targetSummary: '2 nodes' });
    expect(mine.comment).toMatch(new RegExp(`^CHG-1 \\[${body.runId}#0\\]$`));
    expect(mine.consoleUrl).toMatch(/eu-west-1\.console\.aws\.amazon\.com\/systems-manager\/run-command\//);
    expect(h.commands.find((c) => c.commandId === cli.id)).toMatchObject({ runId: null, actor: null, comment: 'by hand' });
    expect((await history('?actor=demo-operator')).body.commands.map((c) => c.runId)).toEqual([body.runId]);
    expect((await history('?document=AWS-RunPatchBaseline')).body.commands.every((c) => c.document === 'AWS-RunPatchBaseline')).toBe(true);
    const node = await (await nodeRoute(new Request(`http://dash.test/api/nodes/${nodes[0].id}/commands`), { params: Promise.resolve({ id: nodes[0].id }) })).json();
    expect(node.commands.map((c: { commandId: string }) => c.commandId)).toEqual(expect.arrayContaining([cli.id, mine.commandId]));
  });

  it('labels a region whose history cannot be read, and keeps the others', async () => {
    mock.scenario.failRegions = ['ap-southeast-2'];
    const { body } = await history();
    mock.scenario.failRegions = [];
    expect(body.errors.map((e) => e.region)).toEqual(['ap-southeast-2']);
  });

  it('answers bad filters with 400', async () => {
    expect((await history('?status=Exploded')).status).toBe(400);
    expect((await history('?from=yesterday')).status).toBe(400);
    expect((await history('?colour=red')).status).toBe(400);
  });
});
