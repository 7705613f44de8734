/** A run planned during a region outage, through the real SDK and the simulated AWS: preview, then confirm. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import { RunRequestSchema, type ExecuteRunRequest, type RunRequest } from '@/lib/contracts/run-request';
import type { Actor } from '@/lib/actions/identity';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { freshKey, useTempDataDir } from '@/lib/testing/actions';
import { installMockAws } from '@/lib/testing/mock-aws';
import { previewBody, previewRun } from './preview-run';
import { resetRunProgress } from './progress';
import { executeRun } from './execute';
import { sending } from './send';
import { getRun } from './store';

const mock = installMockAws({ nodes: 300, timeSpeed: 0 });
beforeEach(() => {
  useTempDataDir();
  resetRunProgress();
});
const script = (commands: string[], over: object) => ({ document: 'AWS-RunShellScript', parameters: { commands }, maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 600, ...over });
/** What the preview route answers (RunRequestSchema, then the preview as the browser gets it). */
const preview = async (body: object) => previewBody(await previewRun(RunRequestSchema.parse(body)));
const operator: Actor = { id: 'alice', role: 'operator', source: 'proxy-header', groups: [] };

/** Two Online Linux nodes in us-east-1 and two in eu-west-1, read while all is well; then eu-west-1 goes down. */
async function outage(): Promise<NodeRow[]> {
  const snap = await getFleetSnapshot();
  const pick = (region: string) => snap.nodes.filter((n) => n.region === region && n.managed && n.ping === 'Online' && n.platformType === 'Linux' && n.tags.Environment !== 'prod').slice(0, 2);
  const nodes = [...pick('us-east-1'), ...pick('eu-west-1')];
  expect(nodes).toHaveLength(4);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  mock.scenario.failRegions = ['eu-west-1'];
  await getFleetSnapshot({ refresh: true });
  return nodes;
}

describe('previewing a run while a region is down', () => {
  it('warns and leaves the region out: its nodes are not planned, and the confirmed run sends only where the fleet was read', async () => {
    const nodes = await outage();
    const body = script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } });
    const p = await preview(body);
    expect(p.failedRegions).toEqual([expect.objectContaining({ region: 'eu-west-1', nodes: 2, kept: false, code: 'ServiceUnavailable' })]);
    expect(p.nodes.filter((n) => n.region === 'eu-west-1').every((n) => n.fate === 'regionDown' && !n.included)).toBe(true);
    expect(p.commands.map((c) => c.region)).toEqual(['us-east-1']);
    expect(p.warnings.join(' ')).toMatch(/eu-west-1 could not be read in the last fleet refresh .*: its 2 targeted nodes are left out/);

    const input = { ...RunRequestSchema.parse(body), previewToken: p.previewToken } as ExecuteRunRequest;
    const { body: started } = await executeRun(input, operator, freshKey());
    await sending.get(started.runId);
    expect(getRun(started.runId)!.commands.map((c) => c.region)).toEqual(['us-east-1']);
  });

  it('keeps the region on request: its nodes are planned from the last read, and the confirmation sends what was kept', async () => {
    const nodes = await outage();
    const req = { ...RunRequestSchema.parse(script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } })), keepFailedRegions: ['eu-west-1'] } as RunRequest;
    const p = await previewRun(req);
    expect(p.failedRegions).toEqual([expect.objectContaining({ region: 'eu-west-1', nodes: 2, kept: true })]);
    expect(p.planned.map((c) => c.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(p.warnings.join(' ')).toMatch(/eu-west-1 could not be read .*: kept, its 2 targeted nodes are planned from data last read/);

    // Confirming without the keep flag is a different plan than the one shown: refused, nothing recorded.
    const { keepFailedRegions: _k, ...without } = req as RunRequest & { keepFailedRegions: string[] };
    void _k;
    await expect(executeRun({ ...without, previewToken: p.previewToken } as ExecuteRunRequest, operator, freshKey())).rejects.toMatchObject({ code: 'PreviewStale' });
    const { body: started } = await executeRun({ ...req, previewToken: p.previewToken } as ExecuteRunRequest, operator, freshKey());
    await sending.get(started.runId);
    expect(getRun(started.runId)!.commands.map((c) => c.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });
});
