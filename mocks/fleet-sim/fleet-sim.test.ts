import { describe, expect, it } from 'vitest';
import { DAY } from './clock';
import { createSimulation, isCompliant, isListedBySsm, nodePatchCounts, patchCounts, patchList, platformSpec, updatePatchList, LATEST_AGENT, type SimNode } from './index';

const NOW = Date.UTC(2025, 5, 1, 12);
const sim = createSimulation({ nodes: 10_000, seed: 42, now: () => NOW });
const all = [...sim.store.byId.values()];
const ec2 = all.filter((n) => n.ec2);
const running = ec2.filter((n) => n.ec2?.state === 'running');
const listed = all.filter(isListedBySsm);
const share = (part: number, whole: number) => part / whole;

describe('the mix', () => {
  it('splits nodes 55/30/15 across the regions', () => {
    const counts = sim.regions.map((r) => sim.store.regions.get(r)?.nodes.length);
    expect(counts).toEqual([5500, 3000, 1500]);
  });

  it('has a believable platform mix with Amazon Linux 2023 the largest', () => {
    const byPlatform = new Map<string, number>();
    for (const n of all) byPlatform.set(n.platform, (byPlatform.get(n.platform) ?? 0) + 1);
    const sorted = [...byPlatform].sort((a, b) => b[1] - a[1]);
    expect(sorted[0][0]).toBe('al2023');
    expect(byPlatform.size).toBe(6);
    const windows = all.filter((n) => platformSpec(n.platform).platformType === 'Windows').length;
    expect(share(windows, all.length)).toBeGreaterThan(0.15);
    expect(share(windows, all.length)).toBeLessThan(0.3);
    expect(new Set(all.map((n) => `${platformSpec(n.platform).platformName} ${n.platformVersion}`))).toContain('Microsoft Windows Server 2022 Datacenter 10.0.20348');
  });

  it('is mostly Online, with some ConnectionLost and a few Inactive', () => {
    const status = (s: string) => share(listed.filter((n) => n.ssm?.pingStatus === s).length, listed.length);
    expect(status('Online')).toBeGreaterThan(0.8);
    expect(status('Online')).toBeLessThan(0.92);
    expect(status('ConnectionLost')).toBeGreaterThan(0.05);
    expect(status('Inactive')).toBeGreaterThan(0.005);
    const inactive = listed.find((n) => n.ssm?.pingStatus === 'Inactive');
    expect(NOW - (inactive?.ssm?.lastPingTime ?? NOW)).toBeGreaterThan(13 * DAY);
  });

  it('spreads agent versions: most on the latest, a few very old', () => {
    const latest = share(listed.filter((n) => n.ssm?.agentVersion === LATEST_AGENT).length, listed.length);
    expect(latest).toBeGreaterThan(0.6);
    expect(latest).toBeLessThan(0.85);
    expect(listed.some((n) => n.ssm?.agentVersion.startsWith('2.'))).toBe(true);
    expect(listed.some((n) => n.ssm?.agentVersion.startsWith('3.0.'))).toBe(true);
  });

  it('has hybrid nodes (~0.2%, at least 2 in the first region), unregistered (~1%) and stopped instances', () => {
    const hybrid = all.filter((n) => !n.ec2);
    expect(hybrid.length).toBeGreaterThanOrEqual(15);
    expect(hybrid.length).toBeLessThanOrEqual(25);
    expect(hybrid.filter((n) => n.region === 'us-east-1').length).toBeGreaterThanOrEqual(2);
    const unregistered = ec2.filter((n) => !n.ssm);
    expect(share(unregistered.length, all.length)).toBeCloseTo(0.01, 2);
    expect(unregistered.some((n) => n.ec2?.iamInstanceProfile)).toBe(true);
    expect(unregistered.some((n) => !n.ec2?.iamInstanceProfile)).toBe(true);
    expect(share(ec2.length - running.length, all.length)).toBeCloseTo(0.03, 2);
  });

  it('tags nodes with Name, Environment, Team, Application and mostly a Patch Group; some are in Auto Scaling groups', () => {
    const tag = (n: SimNode, k: string) => n.tags.find((t) => t.Key === k)?.Value;
    expect(ec2.every((n) => /^[a-z-]+-(prod|staging|dev)-\d+$/.test(tag(n, 'Name') ?? ''))).toBe(true);
    expect(all.every((n) => tag(n, 'Environment') && tag(n, 'Team') && tag(n, 'Application'))).toBe(true);
    const withoutGroup = share(all.filter((n) => !tag(n, 'Patch Group')).length, all.length);
    expect(withoutGroup).toBeGreaterThan(0.01);
    expect(withoutGroup).toBeLessThan(0.08);
    expect(ec2.filter((n) => tag(n, 'aws:autoscaling:groupName')).length).toBeGreaterThan(500);
    expect(new Set(ec2.map((n) => n.ec2?.availabilityZone)).size).toBeGreaterThanOrEqual(9);
  });

  it('patches prod better than dev, with some pending reboots and failures, ~3% never scanned', () => {
    const compliance = (env: string) => {
      const nodes = listed.filter((n) => n.environment === env && n.patch);
      return share(nodes.filter((n) => isCompliant(patchCounts(patchList(n) ?? []))).length, nodes.length);
    };
    expect(compliance('prod')).toBeGreaterThan(0.7);
    expect(compliance('dev')).toBeLessThan(compliance('prod') - 0.15);
    const counts = listed.filter((n) => n.patch).map((n) => patchCounts(patchList(n) ?? []));
    expect(counts.filter((c) => c.InstalledPendingRebootCount > 0).length).toBeGreaterThan(100);
    expect(counts.filter((c) => c.FailedCount > 0).length).toBeGreaterThan(50);
    const neverScanned = share(all.filter((n) => n.ssm && !n.patch).length, all.filter((n) => n.ssm).length);
    expect(neverScanned).toBeGreaterThan(0.015);
    expect(neverScanned).toBeLessThan(0.05);
    const ages = listed.filter((n) => n.patch && n.ssm?.pingStatus === 'Online').map((n) => (NOW - (n.patch?.endTime ?? 0)) / DAY);
    expect(share(ages.filter((a) => a < 3).length, ages.length)).toBeGreaterThan(0.6);
    expect(ages.some((a) => a > 7)).toBe(true);
  });

  it('has open OpsItems for ~3% of nodes, some in progress, some resolved', () => {
    const items = [...sim.store.opsItemsById.values()];
    const open = items.filter((i) => i.status !== 'Resolved');
    expect(share(open.length, listed.length)).toBeGreaterThan(0.02);
    expect(share(open.length, listed.length)).toBeLessThan(0.06);
    expect(items.some((i) => i.status === 'InProgress')).toBe(true);
    expect(items.some((i) => i.status === 'Resolved')).toBe(true);
    expect(items.every((i) => /^oi-[0-9a-f]{12}$/.test(i.id))).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('makes OpsItems from several sources, each about one node, with operational data and seeded related items', () => {
    const items = [...sim.store.opsItemsById.values()];
    const bySource = new Map<string, number>();
    for (const i of items) bySource.set(i.source, (bySource.get(i.source) ?? 0) + 1);
    expect([...bySource.keys()].sort()).toEqual(['CloudWatch', 'Config', 'EC2', 'SSM', 'Security Hub', 'ops-team']);
    for (const i of items) {
      expect(i.account).toBe(sim.accountId);
      expect(i.nodeId).toBeDefined();
      const arns = (JSON.parse(i.operationalData['/aws/resources'].Value) as Array<{ arn: string }>).map((r) => r.arn);
      expect(arns[0]).toMatch(new RegExp(`(instance|managed-instance)/${i.nodeId}$`));
      expect(i.relatedItems.map((r) => r.resourceUri)).toEqual(arns);
      expect(Number(i.version)).toBeGreaterThanOrEqual(1);
      if (i.status === 'Open' && i.version === '1') expect(i.lastModifiedBy).toBe(i.createdBy);
    }
    const userMade = items.filter((i) => i.source === 'ops-team');
    expect(userMade.every((i) => /^arn:aws:sts::\d{12}:assumed-role\/OpsEngineer\/[a-z.]+$/.test(i.createdBy))).toBe(true);
    const ec2Check = items.find((i) => i.source === 'EC2');
    expect(JSON.parse(ec2Check?.description ?? '')).toMatchObject({ 'detail-type': 'EC2 Instance Status Check Failed' });
  });

  it('takes the OpsCenter options: dedup answer and open-OpsItem quota', () => {
    expect(createSimulation({ nodes: 0 }).opsCenter).toEqual({ dedup: 'return-existing', openLimit: 10_000 });
    const s = createSimulation({ nodes: 0, opsItemDedup: 'already-exists', opsItemOpenLimit: 1 });
    expect(s.opsCenter).toEqual({ dedup: 'already-exists', openLimit: 1 });
    const input = { Title: 't', Description: 'd', Source: 'ops-team' };
    const { item } = s.createOpsItem('us-east-1', { ...input, OperationalData: { '/aws/dedup': { Value: '{"dedupString":"x"}', Type: 'SearchableString' } } });
    expect(item.seq).toBe(1);
    expect(() => s.createOpsItem('us-east-1', input)).toThrow(expect.objectContaining({ code: 'OpsItemLimitExceededException' }));
    s.opsCenter.openLimit = 5;
    expect(() => s.createOpsItem('us-east-1', { ...input, OperationalData: item.operationalData })).toThrow(expect.objectContaining({ code: 'OpsItemAlreadyExistsException', fields: { OpsItemId: item.id } }));
    expect(s.createOpsItem('us-east-1', input).item.seq).toBe(2);
    expect(() => createSimulation({ nodes: 0, opsItemDedup: 'nope' as 'already-exists' })).toThrow(/opsItemDedup/);
    expect(() => createSimulation({ nodes: 0, opsItemOpenLimit: -1 })).toThrow(/opsItemOpenLimit/);
  });
});

describe('consistency', () => {
  it('derives every patch count from the node patch list', () => {
    for (const node of listed.slice(0, 500).filter((n) => n.patch)) {
      const list = patchList(node) ?? [];
      const c = patchCounts(list);
      const total = c.InstalledCount + c.InstalledOtherCount + c.InstalledPendingRebootCount + c.InstalledRejectedCount + c.MissingCount + c.FailedCount + c.NotApplicableCount;
      expect(total).toBe(list.length);
      const nonCompliant = list.filter((e) => ['Missing', 'Failed', 'InstalledPendingReboot', 'InstalledRejected'].includes(e.state)).length;
      expect(c.CriticalNonCompliantCount + c.SecurityNonCompliantCount + c.OtherNonCompliantCount).toBe(nonCompliant);
      expect(nodePatchCounts(node)).toEqual(c);
    }
  });

  it('recounts after the list changes (counts are never stored apart from the list)', () => {
    const s = createSimulation({ nodes: 100, seed: 4, now: () => NOW });
    const node = [...s.store.byId.values()].find((n) => n.patch && (nodePatchCounts(n)?.InstalledCount ?? 0) > 2) as SimNode;
    const before = nodePatchCounts(node) as NonNullable<ReturnType<typeof nodePatchCounts>>;
    updatePatchList(node, (entries) => {
      const installed = entries.filter((e) => e.state === 'Installed');
      installed[0].state = 'Failed';
      installed[1].state = 'InstalledPendingReboot';
    });
    expect(nodePatchCounts(node)).toMatchObject({
      InstalledCount: before.InstalledCount - 2,
      FailedCount: before.FailedCount + 1,
      InstalledPendingRebootCount: before.InstalledPendingRebootCount + 1,
    });
    expect(nodePatchCounts(node)).toEqual(patchCounts(patchList(node) ?? []));
  });

  it('draws patches from the node platform catalog', () => {
    const windows = listed.find((n) => n.patch && platformSpec(n.platform).platformType === 'Windows') as SimNode;
    const ubuntu = listed.find((n) => n.patch && n.platform === 'ubuntu2204') as SimNode;
    expect(patchList(windows)?.every((e) => /^KB\d{7}$/.test(e.def.kbId))).toBe(true);
    expect(patchList(ubuntu)?.some((e) => e.def.title.includes('USN-'))).toBe(true);
    expect(patchList(ubuntu)?.some((e) => e.def.cveIds.length > 0)).toBe(true);
  });

  it('gives hybrid nodes no EC2 record but an activation, and keeps ids unique and well-formed', () => {
    for (const node of all.filter((n) => !n.ec2)) {
      expect(node.id).toMatch(/^mi-\w{17}$/);
      expect(node.ssm?.activationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(node.ssm?.registrationDate).toBeLessThan(NOW);
      expect(node.tags.some((t) => t.Key === 'Name')).toBe(false);
    }
    expect(ec2.every((n) => /^i-[0-9a-f]{17}$/.test(n.id))).toBe(true);
    expect(sim.store.byId.size).toBe(all.length);
  });

  it('does not list unregistered or stopped instances in SSM', () => {
    const region = 'us-east-1';
    const ids = new Set<string>();
    let token: string | undefined;
    do {
      const page = sim.instanceInformation(region, { maxResults: 50, nextToken: token });
      page.nodes.forEach((n) => ids.add(n.id));
      token = page.nextToken;
    } while (token);
    const inRegion = all.filter((n) => n.region === region);
    expect(ids.size).toBe(inRegion.filter(isListedBySsm).length);
    expect(inRegion.filter((n) => n.ec2 && !n.ssm).some((n) => ids.has(n.id))).toBe(false);
    expect(inRegion.filter((n) => n.ec2?.state === 'stopped' && n.ssm).length).toBeGreaterThan(0);
    expect(inRegion.filter((n) => n.ec2?.state === 'stopped').some((n) => ids.has(n.id))).toBe(false);
  });
});
