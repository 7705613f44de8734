import {
  DescribeInstancePatchesCommand, DescribeInstancePatchStatesCommand, DescribeMaintenanceWindowsCommand, DescribePatchBaselinesCommand,
  DescribePatchGroupsCommand, GetPatchBaselineCommand, paginateDescribeInstancePatches, paginateDescribePatchBaselines, SSMClient,
  type PatchComplianceData,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePatchCounts, patchList, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

const NOW = Date.UTC(2025, 5, 1, 12); // a Sunday
let mock: ReturnType<typeof startContractMock>;
const ssm = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const nodes = () => [...mock.sim.store.byId.values()].filter((n) => n.region === 'us-east-1');
/** AWS sends PascalCase States ("Missing"); the SDK types the model's enum (MISSING). */
const stateOf = (p: PatchComplianceData) => p.State as string;

beforeAll(() => {
  mock = startContractMock({ nodes: 600, seed: 8, now: () => NOW });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ssm DescribeInstancePatches', () => {
  const all = async (instanceId: string, filters?: Array<{ Key: string; Values: string[] }>) => {
    const out: PatchComplianceData[] = [];
    for await (const page of paginateDescribeInstancePatches({ client: ssm, pageSize: 10 }, { InstanceId: instanceId, Filters: filters })) out.push(...(page.Patches ?? []));
    return out;
  };

  it('pages through the node patch list, the one its patch state counts come from', async () => {
    const node = nodes().find((n) => n.patch && (nodePatchCounts(n)?.MissingCount ?? 0) > 1 && n.platform === 'win2022') as SimNode;
    const patches = await all(node.id);
    const list = patchList(node) ?? [];
    expect(patches.map((p) => [p.KBId, p.State])).toEqual(list.map((e) => [e.def.kbId, e.state]));
    const [state] = (await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [node.id] }))).InstancePatchStates ?? [];
    expect(patches.filter((p) => stateOf(p) === 'Missing')).toHaveLength(state.MissingCount as number);
    const missing = patches.find((p) => stateOf(p) === 'Missing' && p.Classification === 'SecurityUpdates') as PatchComplianceData;
    expect(missing.InstalledTime?.getTime()).toBe(0);
    expect(missing.CVEIds).toMatch(/^CVE-\d{4}-\d+(,CVE-\d{4}-\d+)*$/);
    const installed = patches.find((p) => stateOf(p) === 'Installed') as PatchComplianceData;
    expect(installed.InstalledTime?.getTime()).toBeGreaterThan(0);
    expect(installed.CVEIds).toBeUndefined();
    expect(installed.Title).toMatch(/\(KB\d+\)$/);
  });

  it('filters by State, Classification, Severity and KBId', async () => {
    const node = nodes().find((n) => n.patch && (nodePatchCounts(n)?.MissingCount ?? 0) > 1 && n.platform === 'al2023') as SimNode;
    const list = patchList(node) ?? [];
    expect((await all(node.id, [{ Key: 'State', Values: ['Missing', 'Failed'] }])).length).toBe(list.filter((e) => e.state === 'Missing' || e.state === 'Failed').length);
    const security = await all(node.id, [{ Key: 'Classification', Values: ['Security'] }, { Key: 'Severity', Values: ['Critical', 'Important'] }]);
    expect(security.length).toBe(list.filter((e) => e.def.classification === 'Security' && ['Critical', 'Important'].includes(e.def.severity)).length);
    expect((await all(node.id, [{ Key: 'KBId', Values: ['openssl.x86_64'] }])).every((p) => p.KBId === 'openssl.x86_64')).toBe(true);
  });

  it('answers an empty list for a never-scanned node, and AWS errors for bad input', async () => {
    const never = nodes().find((n) => n.ssm && !n.patch) as SimNode;
    expect((await ssm.send(new DescribeInstancePatchesCommand({ InstanceId: never.id }))).Patches).toEqual([]);
    const unregistered = nodes().find((n) => !n.ssm) as SimNode;
    expect((await errorOf(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: unregistered.id })))).name).toBe('InvalidInstanceId');
    expect((await errorOf(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: never.id, Filters: [{ Key: 'Product', Values: ['x'] }] })))).name).toBe('InvalidFilter');
    expect((await errorOf(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: never.id, Filters: [{ Key: 'State', Values: ['Lost'] }] })))).name).toBe('InvalidFilter');
    expect((await errorOf(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: never.id, MaxResults: 5 })))).name).toBe('ValidationException');
    expect((await errorOf(ssm.send(new DescribeInstancePatchesCommand({ InstanceId: never.id, NextToken: 'bogus' })))).name).toBe('InvalidNextToken');
  });
});

describe('ssm patch baselines and patch groups', () => {
  it('lists AWS baselines (ARN IDs) and the account baselines, with one default per OS', async () => {
    const ids: string[] = [];
    const identities = [];
    for await (const page of paginateDescribePatchBaselines({ client: ssm, pageSize: 7 }, {})) identities.push(...(page.BaselineIdentities ?? []));
    for (const b of identities) ids.push(b.BaselineId as string);
    expect(new Set(ids).size).toBe(identities.length);
    const aws = identities.filter((b) => b.BaselineName?.startsWith('AWS-'));
    expect(aws.every((b) => /^arn:aws:ssm:us-east-1:\d{12}:patchbaseline\/pb-0[0-9a-f]{16}$/.test(b.BaselineId as string))).toBe(true);
    expect(aws.map((b) => b.BaselineName)).toEqual(expect.arrayContaining(['AWS-AmazonLinux2023DefaultPatchBaseline', 'AWS-UbuntuDefaultPatchBaseline', 'AWS-RedHatDefaultPatchBaseline', 'AWS-DefaultPatchBaseline']));
    const defaults = identities.filter((b) => b.DefaultBaseline);
    expect(new Set(defaults.map((b) => b.OperatingSystem)).size).toBe(defaults.length);
    expect(defaults.find((b) => b.OperatingSystem === 'AMAZON_LINUX_2023')?.BaselineName).toBe('prod-linux-baseline');
    expect(defaults.find((b) => b.OperatingSystem === 'WINDOWS')?.BaselineName).toBe('AWS-DefaultPatchBaseline');
    const own = await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['Self'] }, { Key: 'OPERATING_SYSTEM', Values: ['WINDOWS'] }] }));
    expect(own.BaselineIdentities?.map((b) => b.BaselineName)).toEqual(['prod-windows-baseline', 'staging-windows-baseline', 'dev-windows-baseline']);
    const prefixed = await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'NAME_PREFIX', Values: ['dev-'] }] }));
    expect(prefixed.BaselineIdentities?.every((b) => b.BaselineName?.startsWith('dev-'))).toBe(true);
    expect((await errorOf(ssm.send(new DescribePatchBaselinesCommand({ MaxResults: 0 })))).name).toBe('ValidationException');
  });

  it('returns full baselines: approval rules, rejected patches, patch groups; AWS baselines only by ARN', async () => {
    const [prod] = (await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'NAME_PREFIX', Values: ['prod-linux'] }] }))).BaselineIdentities ?? [];
    const b = await ssm.send(new GetPatchBaselineCommand({ BaselineId: prod.BaselineId }));
    expect(b).toMatchObject({ Name: 'prod-linux-baseline', OperatingSystem: 'AMAZON_LINUX_2023', RejectedPatchesAction: 'BLOCK', PatchGroups: ['prod-linux'] });
    expect(b.ApprovalRules?.PatchRules?.[0]).toMatchObject({ ApproveAfterDays: 7, ComplianceLevel: 'CRITICAL', EnableNonSecurity: false });
    expect(b.ApprovalRules?.PatchRules?.[0].PatchFilterGroup?.PatchFilters?.map((f) => f.Key)).toEqual(['PRODUCT', 'CLASSIFICATION', 'SEVERITY']);
    expect(b.CreatedDate?.getTime()).toBeLessThan(b.ModifiedDate?.getTime() as number);
    const [rhel] = (await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'NAME_PREFIX', Values: ['prod-rhel'] }] }))).BaselineIdentities ?? [];
    expect((await ssm.send(new GetPatchBaselineCommand({ BaselineId: rhel.BaselineId }))).ApprovalRules?.PatchRules?.[0].ApproveUntilDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [aws] = (await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'NAME_PREFIX', Values: ['AWS-UbuntuDefault'] }] }))).BaselineIdentities ?? [];
    expect((await ssm.send(new GetPatchBaselineCommand({ BaselineId: aws.BaselineId }))).ApprovalRules?.PatchRules?.[0].ApproveAfterDays).toBe(0);
    const short = (aws.BaselineId as string).split('/')[1];
    expect((await errorOf(ssm.send(new GetPatchBaselineCommand({ BaselineId: short })))).name).toBe('DoesNotExistException');
  });

  it('maps every patch group in use to baselines, consistently with each node patch state', async () => {
    const mappings = (await ssm.send(new DescribePatchGroupsCommand({ MaxResults: 100 }))).Mappings ?? [];
    const inUse = new Set(nodes().flatMap((n) => (n.patch?.patchGroup ? [n.patch.patchGroup] : [])));
    expect(new Set(mappings.map((m) => m.PatchGroup))).toEqual(inUse);
    const scanned = nodes().filter((n) => n.patch && n.ssm).slice(0, 50);
    const states = (await ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: scanned.map((n) => n.id), MaxResults: 50 }))).InstancePatchStates ?? [];
    const os: Record<string, string> = { al2023: 'AMAZON_LINUX_2023', ubuntu2204: 'UBUNTU', ubuntu2404: 'UBUNTU', rhel9: 'REDHAT_ENTERPRISE_LINUX', win2019: 'WINDOWS', win2022: 'WINDOWS' };
    const defaults = (await ssm.send(new DescribePatchBaselinesCommand({}))).BaselineIdentities?.filter((b) => b.DefaultBaseline) ?? [];
    for (const state of states) {
      const node = mock.sim.store.byId.get(state.InstanceId as string) as SimNode;
      const mapped = mappings.find((m) => m.PatchGroup === state.PatchGroup && m.BaselineIdentity?.OperatingSystem === os[node.platform]);
      const expected = mapped?.BaselineIdentity?.BaselineId ?? defaults.find((d) => d.OperatingSystem === os[node.platform])?.BaselineId;
      expect(state.BaselineId).toBe(expected);
    }
    const windows = await ssm.send(new DescribePatchGroupsCommand({ Filters: [{ Key: 'OPERATING_SYSTEM', Values: ['WINDOWS'] }, { Key: 'NAME_PREFIX', Values: ['prod'] }] }));
    expect(windows.Mappings?.map((m) => m.PatchGroup)).toEqual(['prod-windows']);
  });
});

describe('ssm DescribeMaintenanceWindows', () => {
  it('lists the windows with their next run computed from the clock, as AWS formats it', async () => {
    const res = await ssm.send(new DescribeMaintenanceWindowsCommand({ MaxResults: 10 }));
    const byName = new Map(res.WindowIdentities?.map((w) => [w.Name, w]));
    expect(byName.get('prod-linux-patch-sunday')).toMatchObject({ Schedule: 'cron(0 3 ? * SUN *)', ScheduleTimezone: 'America/New_York', NextExecutionTime: '2025-06-08T03:00-04:00', Enabled: true });
    expect(byName.get('dev-patch-daily')).toMatchObject({ NextExecutionTime: '2025-06-02T01:00Z' });
    expect(byName.get('staging-patch-weekly')?.NextExecutionTime).toMatch(/^2025-06-0[1-8]T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(byName.get('legacy-app-patching')).toMatchObject({ Enabled: false });
    expect(byName.get('legacy-app-patching')).not.toHaveProperty('NextExecutionTime');
    expect(res.WindowIdentities?.every((w) => /^mw-[0-9a-f]{17}$/.test(w.WindowId as string))).toBe(true);
    mock.sim.clock.advance(7 * 86_400_000);
    const later = await ssm.send(new DescribeMaintenanceWindowsCommand({ Filters: [{ Key: 'Name', Values: ['prod-linux-patch-sunday'] }] }));
    expect(later.WindowIdentities?.map((w) => w.NextExecutionTime)).toEqual(['2025-06-15T03:00-04:00']);
    const disabled = await ssm.send(new DescribeMaintenanceWindowsCommand({ Filters: [{ Key: 'Enabled', Values: ['false'] }] }));
    expect(disabled.WindowIdentities?.map((w) => w.Name)).toEqual(['legacy-app-patching']);
    expect((await errorOf(ssm.send(new DescribeMaintenanceWindowsCommand({ MaxResults: 9 })))).name).toBe('ValidationException');
  });
});
