import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import type { PatchRunRequest } from '@/lib/contracts/patch-run';
import { PatchRunRequestSchema } from '@/lib/contracts/patch-run';
import { buildPreview } from './preview';
import { effectiveConcurrency, errorBudget, planCommands, PlanError } from './plan';

let seq = 0;
function node(over: Partial<NodeRow> & { env?: string }): NodeRow {
  const id = over.id ?? `i-${(++seq).toString(16).padStart(17, '0')}`;
  const { env = 'dev', ...rest } = over;
  return {
    id, region: 'us-east-1', name: id, managed: true, ping: 'Online', lastPingAt: null, platformType: 'Linux', platformName: 'Amazon Linux',
    platformVersion: '2023', agentVersion: '3.3', agentLatest: true, ip: null, computerName: null, resourceType: 'EC2Instance', ec2State: 'running',
    instanceType: 't3.micro', az: 'us-east-1a', imageId: null, instanceProfile: null, launchTime: null, publicIp: null, vpcId: null, asg: null,
    tags: { Environment: env, 'Patch Group': `${env}-linux` }, patchStatus: 'noncompliant', patchMissing: 2, patchFailed: 0, patchPendingReboot: 0,
    patchRejected: 0, patchInstalled: 10, patchCritical: 0, patchSecurity: 1, patchOther: 1, patchScannedAt: null, patchOperation: 'Scan',
    patchGroup: `${env}-linux`, baselineId: 'pb-1', openOpsItems: 0, ...rest,
  };
}

const req = (over: Partial<PatchRunRequest> = {}): PatchRunRequest =>
  PatchRunRequestSchema.parse({ targets: { mode: 'nodes', nodeIds: [] }, operation: 'Install', rebootOption: 'RebootIfNeeded', maxConcurrency: '10%', maxErrors: '0', timeoutSeconds: 3600, ...over, ...(over.targets ? {} : { targets: { mode: 'nodes', nodeIds: ['i-00000000000000001'] } }) });

describe('concurrency arithmetic', () => {
  it('rounds percentages up to at least one node, never above the target count', () => {
    expect(effectiveConcurrency('10%', 95)).toBe(10);
    expect(effectiveConcurrency('10%', 5)).toBe(1);
    expect(effectiveConcurrency('100%', 7)).toBe(7);
    expect(effectiveConcurrency('25', 7)).toBe(7);
    expect(effectiveConcurrency('3', 7)).toBe(3);
    expect(errorBudget('10%', 95)).toBe(9);
    expect(errorBudget('0', 95)).toBe(0);
  });
});

describe('planCommands', () => {
  it('splits an explicit selection per region into batches of at most 50 and shares an absolute concurrency', () => {
    const nodes = [...Array.from({ length: 120 }, () => node({})), ...Array.from({ length: 30 }, () => node({ region: 'eu-west-1', az: 'eu-west-1a' }))];
    const cmds = planCommands(req({ targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '15', maxErrors: '10' }), nodes, nodes);
    expect(cmds.map((c) => [c.region, c.instanceIds!.length])).toEqual([['eu-west-1', 30], ['us-east-1', 50], ['us-east-1', 50], ['us-east-1', 20]]);
    const conc = cmds.map((c) => Number(c.maxConcurrency));
    expect(conc.every((c) => c >= 1)).toBe(true);
    expect(conc.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(15);
    expect(cmds.map((c) => Number(c.maxErrors)).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('refuses an absolute concurrency lower than the number of commands', () => {
    const nodes = Array.from({ length: 120 }, () => node({}));
    expect(() => planCommands(req({ targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '2' }), nodes, nodes)).toThrow(/use at least 3/);
  });

  it('keeps percentages as they are for every command', () => {
    const nodes = Array.from({ length: 60 }, () => node({}));
    const cmds = planCommands(req({ targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) }, maxConcurrency: '20%', maxErrors: '5%' }), nodes, nodes);
    expect(cmds.map((c) => [c.maxConcurrency, c.maxErrors])).toEqual([['20%', '5%'], ['20%', '5%']]);
  });
});

describe('buildPreview', () => {
  it('names unknown and unmanaged nodes instead of sending', () => {
    const a = node({});
    const un = node({ managed: false, ping: 'NotManaged' });
    expect(() => buildPreview(req({ targets: { mode: 'nodes', nodeIds: [a.id, 'i-0000000000000dead'] } }), [a], 'now')).toThrow(/unknown node: i-0000000000000dead/);
    expect(() => buildPreview(req({ targets: { mode: 'nodes', nodeIds: [un.id] } }), [a, un], 'now')).toThrow(PlanError);
  });

  it('leaves offline nodes out of an explicit selection and counts waves and reboots', () => {
    const online = Array.from({ length: 23 }, () => node({}));
    const offline = [node({ ping: 'ConnectionLost' }), node({ ping: 'Inactive' })];
    const clean = node({ patchMissing: 0, patchStatus: 'compliant' });
    const all = [...online, ...offline, clean];
    const p = buildPreview(req({ targets: { mode: 'nodes', nodeIds: all.map((n) => n.id) }, maxConcurrency: '5' }), all, 'now');
    expect(p.unreachable).toBe(2);
    expect(p.reachable).toBe(24);
    expect(p.commands.flatMap((c) => c.instanceIds)).not.toContain(offline[0].id);
    expect(p.maxAtOnce).toBe(5);
    expect(p.waves).toBe(5); // 24 nodes, 5 at a time
    expect(p.likelyReboot).toBe(23); // the compliant node has nothing to install
    expect(p.warnings.join(' ')).toMatch(/2 selected nodes are not Online and will be left out/);
  });

  it('keeps offline nodes of a tag target (AWS resolves the tag) and sends one command per region', () => {
    const nodes = [node({ env: 'staging' }), node({ env: 'staging', ping: 'ConnectionLost' }), node({ env: 'staging', region: 'eu-west-1', az: 'eu-west-1b' }), node({ env: 'dev' })];
    const p = buildPreview(req({ targets: { mode: 'tag', key: 'Environment', value: 'staging' }, operation: 'Scan' }), nodes, 'now');
    expect(p.commands.map((c) => [c.region, c.target, c.expectedNodes])).toEqual([
      ['eu-west-1', { key: 'Environment', value: 'staging' }, 1],
      ['us-east-1', { key: 'Environment', value: 'staging' }, 2],
    ]);
    expect(p.unreachableSent).toBe(true);
    expect(p.likelyReboot).toBe(0); // Scan never reboots
  });

  it('warns when a whole Auto Scaling group or AZ could be down at once, and not when concurrency protects it', () => {
    const asg = [0, 1, 2].map(() => node({ asg: 'web-asg', az: 'us-east-1b' }));
    const others = Array.from({ length: 17 }, () => node({ az: 'us-east-1c' }));
    const all = [...asg, ...others];
    const wide = buildPreview(req({ targets: { mode: 'nodes', nodeIds: all.map((n) => n.id) }, maxConcurrency: '5' }), all, 'now');
    const e = wide.exposure.find((x) => x.dimension === 'asg')!;
    expect(e).toMatchObject({ group: 'us-east-1/web-asg', targeted: 3, inFleet: 3, maxAtOnce: 3, wholeGroup: true });
    expect(wide.warnings.join(' ')).toMatch(/All 3 nodes of Auto Scaling group web-asg could be patched and rebooted at the same time/);

    const narrow = buildPreview(req({ targets: { mode: 'nodes', nodeIds: all.map((n) => n.id) }, maxConcurrency: '1' }), all, 'now');
    expect(narrow.exposure.find((x) => x.dimension === 'asg')).toMatchObject({ maxAtOnce: 1, wholeGroup: false });
    expect(narrow.warnings.join(' ')).not.toMatch(/Auto Scaling group/);

    // Two of three ASG members targeted: the group can never be down as a whole.
    const part = [asg[0], asg[1], ...others];
    const partial = buildPreview(req({ targets: { mode: 'nodes', nodeIds: part.map((n) => n.id) }, maxConcurrency: '50' }), all, 'now');
    expect(partial.exposure.find((x) => x.dimension === 'asg')).toMatchObject({ targeted: 2, inFleet: 3, wholeGroup: false });
  });

  it('asks for a typed confirmation when production nodes are targeted', () => {
    const nodes = [node({ env: 'prod' }), node({ env: 'dev' })];
    const p = buildPreview(req({ targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } }), nodes, 'now');
    expect(p.production).toBe(1);
    expect(p.confirmationPhrase).toBe('INSTALL 2');
    const dev = buildPreview(req({ targets: { mode: 'nodes', nodeIds: [nodes[1].id] } }), nodes, 'now');
    expect(dev.confirmationPhrase).toBeNull();
  });
});

describe('error budgets', () => {
  it('says how an absolute MaxErrors is split between commands, and what MaxErrors 0 means', () => {
    const nodes = [...Array.from({ length: 60 }, () => node({})), ...Array.from({ length: 10 }, () => node({ region: 'eu-west-1' }))];
    const ids = nodes.map((n) => n.id);
    const split = buildPreview(req({ targets: { mode: 'nodes', nodeIds: ids }, maxErrors: '4' }), nodes, 'now');
    expect(split.warnings.join(' ')).toMatch(/MaxErrors 4 is split between the 3 commands as 1, 3, 0/);
    const zero = buildPreview(req({ targets: { mode: 'nodes', nodeIds: ids }, maxErrors: '0' }), nodes, 'now');
    expect(zero.warnings.join(' ')).toMatch(/MaxErrors 0: the first failed node stops its command/);
    const pct = buildPreview(req({ targets: { mode: 'nodes', nodeIds: ids }, maxErrors: '10%' }), nodes, 'now');
    expect(pct.warnings.join(' ')).not.toMatch(/MaxErrors/);
  });
});

describe('request validation', () => {
  it('validates MaxConcurrency and MaxErrors as AWS does, and refuses empty selections', () => {
    const bad = (o: object) => PatchRunRequestSchema.safeParse({ ...req(), ...o });
    expect(bad({ maxConcurrency: '0' }).success).toBe(false);
    expect(bad({ maxConcurrency: '101%' }).success).toBe(false);
    expect(bad({ maxConcurrency: '10 %' }).success).toBe(false);
    expect(bad({ maxErrors: '0' }).success).toBe(true);
    expect(bad({ maxErrors: '0%' }).success).toBe(true);
    expect(bad({ maxErrors: '-1' }).success).toBe(false);
    expect(bad({ targets: { mode: 'nodes', nodeIds: [] } }).success).toBe(false);
    expect(bad({ targets: { mode: 'nodes', nodeIds: ['i-00000000000000001', 'i-00000000000000001'] } }).success).toBe(false);
    expect(bad({ timeoutSeconds: 10 }).success).toBe(false);
  });
});
