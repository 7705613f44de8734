import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import { RunRequestSchema, type RunRequest, type RunRequestInput } from '@/lib/contracts/run-request';
import { patchRunExtension } from '@/lib/patching/patch-run';
import { buildPreview } from './preview';
import { effectiveConcurrency, errorBudget, explicitDrafts, withRateControl } from './plan';
import { resolveTargets } from './targets';
import { commentFor, RUN_TAG } from './send';

let seq = 0;
export function node(over: Partial<NodeRow> & { env?: string }): NodeRow {
  const id = over.id ?? `i-${(++seq).toString(16).padStart(17, '0')}`;
  const { env = 'dev', ...rest } = over;
  return {
    id, account: '', accountName: '', region: 'us-east-1', name: id, managed: true, ping: 'Online', lastPingAt: null, platformType: 'Linux', platformName: 'Amazon Linux',
    platformVersion: '2023', agentVersion: '3.3', agentLatest: true, ip: null, computerName: null, resourceType: 'EC2Instance', ec2State: 'running',
    instanceType: 't3.micro', az: 'us-east-1a', imageId: null, instanceProfile: null, launchTime: null, publicIp: null, vpcId: null, asg: null,
    tags: { Environment: env, 'Patch Group': `${env}-linux` }, patchStatus: 'noncompliant', patchMissing: 2, patchFailed: 0, patchPendingReboot: 0,
    patchRejected: 0, patchInstalled: 10, patchCritical: 0, patchSecurity: 1, patchOther: 1, patchScannedAt: null, patchOperation: 'Scan',
    patchGroup: `${env}-linux`, baselineId: 'pb-1', openOpsItems: 0, ...rest,
  };
}

const ids = (rows: NodeRow[]) => rows.map((n) => n.id);
const req = (over: Partial<RunRequestInput> = {}): RunRequest =>
  RunRequestSchema.parse({ document: 'AWS-RunShellScript', parameters: { commands: ['uptime'] }, targets: { mode: 'nodes', nodeIds: ['i-00000000000000001'] }, maxConcurrency: '10%', maxErrors: '0', timeoutSeconds: 3600, ...over });
const patch = (over: Partial<RunRequestInput> = {}) => req({ document: 'AWS-RunPatchBaseline', parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] }, ...over });

type Down = { region: string; lastReadAt: string | null; code: string; reason: string };
function preview(r: RunRequest, fleet: NodeRow[], opts: { platforms?: string[]; docRegions?: string[] | null; down?: Down[] } = {}) {
  const byId = new Map(fleet.map((n) => [n.id, n]));
  return buildPreview({
    req: r, doc: { name: r.document, version: '1', platformTypes: opts.platforms ?? ['Linux', 'MacOS'], description: null },
    resolved: resolveTargets(r.targets, { fleet, byId, now: 0 }), fleet, docRegions: opts.docRegions ?? null,
    ext: r.document === 'AWS-RunPatchBaseline' ? patchRunExtension : undefined, fleetAsOf: 'now', incomplete: (opts.down ?? []).map((d) => d.region), down: opts.down, retry: null,
  });
}

describe('concurrency arithmetic', () => {
  it('rounds percentages up to at least one node, never above the target count', () => {
    expect(effectiveConcurrency('10%', 95)).toBe(10);
    expect(effectiveConcurrency('10%', 5)).toBe(1);
    expect(effectiveConcurrency('100%', 7)).toBe(7);
    expect(effectiveConcurrency('25', 7)).toBe(7);
    expect(errorBudget('10%', 95)).toBe(9);
    expect(errorBudget('0', 95)).toBe(0);
  });

  it('splits an explicit selection per region into batches of at most 50 and shares an absolute concurrency', () => {
    const nodes = [...Array.from({ length: 120 }, () => node({})), ...Array.from({ length: 30 }, () => node({ region: 'eu-west-1', az: 'eu-west-1a' }))];
    const cmds = withRateControl(explicitDrafts(nodes, new Set()), '15', '10');
    expect(cmds.map((c) => [c.region, c.instanceIds!.length])).toEqual([['eu-west-1', 30], ['us-east-1', 50], ['us-east-1', 50], ['us-east-1', 20]]);
    expect(cmds.map((c) => c.idx)).toEqual([0, 1, 2, 3]);
    const conc = cmds.map((c) => Number(c.maxConcurrency));
    expect(conc.every((c) => c >= 1)).toBe(true);
    expect(conc.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(15);
    expect(cmds.map((c) => Number(c.maxErrors)).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('refuses an absolute concurrency lower than the number of commands, keeps percentages per command', () => {
    const nodes = Array.from({ length: 120 }, () => node({}));
    expect(() => withRateControl(explicitDrafts(nodes, new Set()), '2', '0')).toThrow(/use at least 3/);
    expect(withRateControl(explicitDrafts(nodes.slice(0, 60), new Set()), '20%', '5%').map((c) => [c.maxConcurrency, c.maxErrors])).toEqual([['20%', '5%'], ['20%', '5%']]);
  });

  it('plans 10,000 selected nodes in three regions in batches of 50 per region (no cap on a selection)', () => {
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const nodes = Array.from({ length: 10_000 }, (_, i) => node({ region: regions[i % 3] }));
    const p = preview(req({ targets: { mode: 'nodes', nodeIds: ids(nodes) } }), nodes);
    expect(p.planned).toHaveLength(201); // 3334 + 3333 + 3333 nodes: 67 + 67 + 67 batches
    expect(p.planned.flatMap((c) => c.instanceIds).length).toBe(10_000);
    expect(p.byRegion.map((r) => [r.region, r.commands, r.nodes])).toEqual([['ap-southeast-2', 67, 3333], ['eu-west-1', 67, 3333], ['us-east-1', 67, 3334]]);
  });
});

describe('what happens to each targeted node', () => {
  it('leaves out offline, stopped, unmanaged and gone nodes of a selection, and says which', () => {
    const online = Array.from({ length: 23 }, () => node({}));
    const offline = [node({ ping: 'ConnectionLost' }), node({ ping: 'Inactive' })];
    const stopped = node({ managed: false, ping: 'NotRunning', ec2State: 'stopped', platformType: null });
    const unmanaged = node({ managed: false, ping: 'NotManaged' });
    const fleet = [...online, ...offline, stopped, unmanaged];
    const p = preview(req({ targets: { mode: 'nodes', nodeIds: [...ids(fleet), 'i-0000000000000dead'] }, maxConcurrency: '5' }), fleet);
    expect(p.counts).toEqual({ send: 23, offline: 2, unsupported: 0, stopped: 1, unmanaged: 1, regionDown: 0 });
    expect(p.included).toBe(23);
    expect(p.missing).toEqual(['i-0000000000000dead']);
    expect(p.planned.flatMap((c) => c.instanceIds)).not.toContain(offline[0].id);
    expect(p.maxAtOnce).toBe(5);
    expect(p.waves).toBe(5);
    const w = p.warnings.join(' ');
    expect(w).toMatch(/1 node is no longer in the fleet .* i-0000000000000dead/);
    expect(w).toMatch(/2 nodes are not Online and left out/);
    expect(w).toMatch(/1 EC2 instance is not running and left out/);
    expect(w).toMatch(/1 node is not managed by Systems Manager/);
  });

  it('leaves out nodes whose platform the document does not support, unless kept; kept ones go by Targets', () => {
    const linux = Array.from({ length: 3 }, () => node({}));
    const win = node({ platformType: 'Windows', platformName: 'Windows Server 2022' });
    const fleet = [...linux, win];
    const out = preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet);
    expect(out.nodes.find((n) => n.id === win.id)).toMatchObject({ fate: 'unsupported', included: false });
    expect(out.planned.flatMap((c) => c.instanceIds)).not.toContain(win.id);
    expect(out.planned[0].byTargets).toBe(false);
    expect(out.warnings.join(' ')).toMatch(/1 node runs a platform AWS-RunShellScript does not support and is left out \(would end Invalid Platform\)/);
    const kept = preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, keepUnsupported: true }), fleet);
    expect(kept.planned.flatMap((c) => c.instanceIds)).toContain(win.id);
    expect(kept.planned[0].byTargets).toBe(true);
  });

  it('counts tag targets as AWS resolves them: offline and stopped registered nodes included, one command per region', () => {
    const fleet = [
      node({ env: 'staging' }), node({ env: 'staging', ping: 'ConnectionLost' }), node({ env: 'staging', region: 'eu-west-1', az: 'eu-west-1b' }),
      node({ env: 'staging', managed: false, ping: 'NotRunning', ec2State: 'stopped' }), node({ env: 'staging', managed: false, ping: 'NotManaged' }), node({ env: 'dev' }),
    ];
    const p = preview(req({ targets: { mode: 'tags', tags: [{ key: 'Environment', values: ['staging'] }] } }), fleet);
    expect(p.planned.map((c) => [c.region, c.targets, c.expectedNodes])).toEqual([
      ['eu-west-1', [{ Key: 'tag:Environment', Values: ['staging'] }], 1],
      ['us-east-1', [{ Key: 'tag:Environment', Values: ['staging'] }], 3],
    ]);
    expect(p.included).toBe(4);
    expect(p.warnings.join(' ')).toMatch(/1 matching EC2 instance is not running: AWS targets those registered/);
  });

  it('ANDs up to five tag conditions, each any of its values', () => {
    const fleet = [node({ env: 'prod', tags: { Environment: 'prod', Role: 'web' } }), node({ tags: { Environment: 'prod', Role: 'db' } }), node({ tags: { Environment: 'dev', Role: 'web' } })];
    const r = resolveTargets({ mode: 'tags', tags: [{ key: 'Environment', values: ['prod'] }, { key: 'Role', values: ['web', 'api'] }] }, { fleet, byId: new Map(), now: 0 });
    expect(r.rows).toEqual([fleet[0]]);
    expect(RunRequestSchema.safeParse({ ...req(), targets: { mode: 'tags', tags: Array.from({ length: 6 }, (_, i) => ({ key: `K${i}`, values: ['v'] })) } }).success).toBe(false);
  });

  it('leaves out regions where the document does not exist', () => {
    const fleet = [node({}), node({ region: 'eu-west-1' })];
    const p = preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet, { docRegions: ['us-east-1'] });
    expect(p.planned.map((c) => c.region)).toEqual(['us-east-1']);
    expect(p.warnings.join(' ')).toMatch(/AWS-RunShellScript does not exist in eu-west-1: its node there is left out/);
  });
});

describe('a region that could not be read', () => {
  const down: Down[] = [{ region: 'eu-west-1', lastReadAt: '2026-11-30T10:03:00.000Z', code: 'ServiceUnavailable', reason: 'AWS answered with a service error (ServiceUnavailable); this is usually temporary.' }];
  /** The request with the keep flag (RunRequestSchema's keepFailedRegions). */
  const keeping = (r: RunRequest, regions: string[]) => ({ ...r, keepFailedRegions: regions }) as RunRequest;

  it('leaves its nodes out of a selection, says why and since when, and plans nothing there', () => {
    const fleet = [node({}), node({}), node({ region: 'eu-west-1', az: 'eu-west-1a' }), node({ region: 'eu-west-1', az: 'eu-west-1b', ping: 'ConnectionLost' })];
    const p = preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet, { down });
    expect(p.planned.map((c) => c.region)).toEqual(['us-east-1']);
    expect(p.nodes.filter((n) => n.region === 'eu-west-1').map((n) => [n.fate, n.included])).toEqual([['regionDown', false], ['regionDown', false]]);
    expect(p.counts).toMatchObject({ send: 2, regionDown: 2, offline: 0 });
    expect(p.failedRegions).toEqual([{ ...down[0], nodes: 2, kept: false }]);
    expect(p.warnings[0]).toMatch(/^eu-west-1 could not be read in the last fleet refresh \(AWS answered with a service error .*\): its 2 targeted nodes are left out \(their state is from data last read 2026-11-30 10:03 UTC\)\. Keep eu-west-1 to send there anyway\./);
  });

  it('leaves it out of tag targets too: no command is sent to the region', () => {
    const fleet = [node({ env: 'staging' }), node({ env: 'staging', region: 'eu-west-1', az: 'eu-west-1b' })];
    const p = preview(req({ targets: { mode: 'tags', tags: [{ key: 'Environment', values: ['staging'] }] } }), fleet, { down });
    expect(p.planned.map((c) => c.region)).toEqual(['us-east-1']);
    expect(p.included).toBe(1);
  });

  it('plans its nodes as they were last read when the request keeps it, and warns the send may fail', () => {
    const fleet = [node({}), node({ region: 'eu-west-1', az: 'eu-west-1a' }), node({ region: 'eu-west-1', az: 'eu-west-1b', ping: 'ConnectionLost' })];
    const p = preview(keeping(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), ['eu-west-1']), fleet, { down });
    expect(p.planned.map((c) => [c.region, c.instanceIds])).toEqual([['eu-west-1', [fleet[1].id]], ['us-east-1', [fleet[0].id]]]);
    expect(p.nodes.find((n) => n.id === fleet[2].id)).toMatchObject({ fate: 'offline', included: false });
    expect(p.failedRegions).toEqual([{ ...down[0], nodes: 2, kept: true }]);
    expect(p.warnings[0]).toMatch(/eu-west-1 could not be read .*: kept, its 2 targeted nodes are planned from data last read 2026-11-30 10:03 UTC; the send there may fail\./);
  });

  it('says nothing about a failed region the targets do not reach', () => {
    const fleet = [node({}), node({ region: 'eu-west-1' })];
    const p = preview(req({ targets: { mode: 'nodes', nodeIds: [fleet[0].id] } }), fleet, { down });
    expect(p.failedRegions).toEqual([]);
    expect(p.warnings.join(' ')).not.toMatch(/could not be read/);
  });
});

describe('exposure and confirmation', () => {
  it('warns when a whole Auto Scaling group could run it at once, and not when concurrency protects it', () => {
    const asg = [0, 1, 2].map(() => node({ asg: 'web-asg', az: 'us-east-1b' }));
    const others = Array.from({ length: 17 }, () => node({ az: 'us-east-1c' }));
    const fleet = [...asg, ...others];
    const wide = preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxConcurrency: '5' }), fleet);
    expect(wide.exposure.find((x) => x.dimension === 'asg')).toMatchObject({ group: 'us-east-1/web-asg', targeted: 3, inFleet: 3, maxAtOnce: 3, wholeGroup: true });
    expect(wide.warnings.join(' ')).toMatch(/All 3 nodes of Auto Scaling group web-asg could be patched and rebooted at the same time/);
    const script = preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxConcurrency: '5' }), fleet);
    expect(script.warnings.join(' ')).toMatch(/All 3 nodes of Auto Scaling group web-asg could run it at the same time/);
    const narrow = preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxConcurrency: '1' }), fleet);
    expect(narrow.exposure.find((x) => x.dimension === 'asg')).toMatchObject({ maxAtOnce: 1, wholeGroup: false });
    expect(narrow.warnings.join(' ')).not.toMatch(/Auto Scaling group/);
    const scan = preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, parameters: { Operation: ['Scan'] }, maxConcurrency: '5' }), fleet);
    expect(scan.warnings.join(' ')).not.toMatch(/Auto Scaling group/);
  });

  it('asks for a typed confirmation when production nodes are targeted, with the document\'s verb', () => {
    const fleet = [node({ env: 'prod' }), node({ env: 'dev' })];
    expect(preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet).confirmationPhrase).toBe('INSTALL 2');
    expect(preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet).confirmationPhrase).toBe('RUN 2');
    expect(preview(req({ targets: { mode: 'nodes', nodeIds: [fleet[1].id] } }), fleet).confirmationPhrase).toBeNull();
  });

  it('notes likely reboots for an Install with RebootIfNeeded, never for a Scan', () => {
    const fleet = [node({}), node({ patchMissing: 0, patchStatus: 'compliant' })];
    const p = preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) } }), fleet);
    expect(p.nodes.map((n) => n.note)).toEqual(['2 missing · likely reboot', null]);
    expect(p.warnings.join(' ')).toMatch(/1 node will likely reboot/);
    const scan = preview(patch({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, parameters: { Operation: ['Scan'] } }), fleet);
    expect(scan.nodes[0].note).toBe('2 missing');
  });

  it('says how an absolute MaxErrors is split between commands, and what MaxErrors 0 means', () => {
    const fleet = [...Array.from({ length: 60 }, () => node({})), ...Array.from({ length: 10 }, () => node({ region: 'eu-west-1' }))];
    expect(preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxErrors: '4' }), fleet).warnings.join(' ')).toMatch(/MaxErrors 4 is split between the 3 commands as 1, 3, 0/);
    expect(preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxErrors: '0' }), fleet).warnings.join(' ')).toMatch(/MaxErrors 0: the first failed node stops/);
    expect(preview(req({ targets: { mode: 'nodes', nodeIds: ids(fleet) }, maxErrors: '10%' }), fleet).warnings.join(' ')).not.toMatch(/MaxErrors/);
  });
});

describe('the run tag in the Comment', () => {
  it('always fits AWS\'s 100 characters whole, so reconciliation can find every command', () => {
    for (const idx of [0, 42, 1999, 9999]) {
      const c = commentFor('x'.repeat(71), 'run-20261130-1a2b3c4d', idx);
      expect(c.length).toBeLessThanOrEqual(100);
      expect(RUN_TAG.exec(c)?.slice(1)).toEqual(['run-20261130-1a2b3c4d', String(idx)]);
    }
    expect(commentFor(undefined, 'run-20261130-1a2b3c4d', 3)).toBe('ssm-fleet-dashboard [run-20261130-1a2b3c4d#3]');
  });
});

describe('request validation', () => {
  it('validates rate control, comment, output options and selections as AWS does', () => {
    const bad = (o: object) => RunRequestSchema.safeParse({ ...req(), ...o }).success;
    expect(bad({ maxConcurrency: '0' })).toBe(false);
    expect(bad({ maxConcurrency: '101%' })).toBe(false);
    expect(bad({ maxErrors: '0%' })).toBe(true);
    expect(bad({ maxErrors: '-1' })).toBe(false);
    expect(bad({ targets: { mode: 'nodes', nodeIds: [] } })).toBe(false);
    expect(bad({ targets: { mode: 'nodes', nodeIds: ['i-00000000000000001', 'i-00000000000000001'] } })).toBe(false);
    expect(bad({ timeoutSeconds: 10 })).toBe(false);
    expect(bad({ comment: 'x'.repeat(71) })).toBe(true);
    expect(bad({ comment: 'x'.repeat(72) })).toBe(false);
    expect(bad({ output: { s3: { bucket: 'my-logs.example' } } })).toBe(true);
    expect(bad({ output: { s3: { bucket: 'My_Bucket' } } })).toBe(false);
    expect(bad({ output: { s3: { bucket: '192.168.1.1' } } })).toBe(false);
    expect(bad({ output: { cloudWatch: { logGroup: '/ops/run-command' } } })).toBe(true);
    expect(bad({ output: { cloudWatch: { logGroup: 'bad group!' } } })).toBe(false);
    expect(bad({ document: 'no spaces allowed' })).toBe(false);
  });
});
