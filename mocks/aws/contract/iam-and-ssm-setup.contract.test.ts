import {
  GetInstanceProfileCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand,
  paginateListAttachedRolePolicies,
} from '@aws-sdk/client-iam';
import { DescribeActivationsCommand, DescribeInstanceInformationCommand, GetServiceSettingCommand, paginateDescribeActivations, SSMClient, type Activation } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { network as net, type SimNode } from '../../fleet-sim';
import { defaultScenario } from '../../scenarios';
import { FAKE_CREDENTIALS, checkEveryExchange, errorOf, startContractMock } from './harness';

let mock: ReturnType<typeof startContractMock>;
// IAM is global: the SDK signs for us-east-1 whatever region the client has.
const iam = new IAMClient({ region: 'eu-west-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const ssm = (region = 'us-east-1') => new SSMClient({ region, credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
const DHMC = '/ssm/managed-instance/default-ec2-instance-management-role';

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 23 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
checkEveryExchange(() => mock);

describe('iam GetInstanceProfile / GetRole / ListAttachedRolePolicies / ListRolePolicies / GetRolePolicy', () => {
  it('describes every profile instances use, with its role', async () => {
    const arns = new Set([...mock.sim.store.byId.values()].flatMap((n) => (n.ec2?.iamInstanceProfile ? [n.ec2.iamInstanceProfile.arn] : [])));
    expect(arns.size).toBeGreaterThanOrEqual(5);
    for (const arn of arns) {
      const name = arn.slice(arn.lastIndexOf('/') + 1);
      const { InstanceProfile: p } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
      const sim = mock.sim.network.iam.profiles.get(name);
      expect(p).toMatchObject({ InstanceProfileName: name, Arn: arn, InstanceProfileId: sim?.id, Path: '/' });
      expect(p?.CreateDate).toBeInstanceOf(Date);
      expect(p?.Roles?.map((r) => r.RoleName)).toEqual(sim?.roleNames);
      const role = p?.Roles?.[0];
      expect(role?.Arn).toBe(`arn:aws:iam::${mock.sim.accountId}:role/${role?.RoleName}`);
      expect(role?.RoleId).toMatch(/^AROA[0-9A-Z]{17}$/);
      expect(JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument as string)).Statement[0].Principal.Service).toBe('ec2.amazonaws.com');
    }
  });

  it('lists attached policies page by page (Marker, IsTruncated) and honours PathPrefix', async () => {
    const one = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'data-tier-role', MaxItems: 1 }));
    expect(one).toMatchObject({ IsTruncated: true, Marker: expect.any(String), AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: net.CORE_POLICY_ARN }] });
    const all = [];
    for await (const page of paginateListAttachedRolePolicies({ client: iam, pageSize: 1 }, { RoleName: 'data-tier-role' })) all.push(...(page.AttachedPolicies ?? []));
    expect(all.map((p) => p.PolicyArn)).toEqual(mock.sim.network.iam.roles.get('data-tier-role')?.attachedPolicies);
    const legacy = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'legacy-app-role' }));
    expect(legacy.IsTruncated).toBe(false);
    expect(legacy.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AmazonS3ReadOnlyAccess', 'CloudWatchAgentServerPolicy']);
    const serviceRole = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'ec2-legacy-ssm-role', PathPrefix: '/service-role/' }));
    expect(serviceRole.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AmazonEC2RoleforSSM']);
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'data-tier-role', PathPrefix: '/service-role/' }))).AttachedPolicies).toEqual([]);
  });

  it('gives a role in full and its inline policies, URL-encoded as IAM sends them', async () => {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'AWSSystemsManagerDefaultEC2InstanceManagementRole' }));
    expect(Role).toMatchObject({ Path: '/service-role/', MaxSessionDuration: 3600, Description: expect.any(String), RoleLastUsed: { Region: 'us-east-1', LastUsedDate: expect.any(Date) } });
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument as string)).Statement[0].Principal.Service).toBe('ssm.amazonaws.com');
    const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'app-server-role' }));
    expect(names).toMatchObject({ PolicyNames: ['ssm-agent-minimum', 'app-secrets-read'], IsTruncated: false });
    const paged = await iam.send(new ListRolePoliciesCommand({ RoleName: 'app-server-role', MaxItems: 1 }));
    expect(paged).toMatchObject({ PolicyNames: ['ssm-agent-minimum'], IsTruncated: true });
    const doc = await iam.send(new GetRolePolicyCommand({ RoleName: 'batch-jobs-role', PolicyName: 'batch-s3-access' }));
    const policy = JSON.parse(decodeURIComponent(doc.PolicyDocument as string));
    expect(policy.Statement).toContainEqual({ Effect: 'Deny', Action: 'ssm:*', Resource: '*' });
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'SSMManagedInstanceRole' }))).PolicyNames).toEqual([]);
  });

  it('answers unknown names with NoSuchEntity (404) and bad input with ValidationError, as IAM does', async () => {
    const profile = await errorOf(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'no-such-profile' })));
    expect(profile.name).toBe('NoSuchEntityException');
    expect(profile.message).toBe('Instance Profile no-such-profile cannot be found.');
    expect(profile.$metadata?.httpStatusCode).toBe(404);
    const role = await errorOf(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'no-such-role' })));
    expect([role.name, role.message]).toEqual(['NoSuchEntityException', 'The role with name no-such-role cannot be found.']);
    expect((await errorOf(iam.send(new GetRolePolicyCommand({ RoleName: 'app-server-role', PolicyName: 'nope' })))).message).toBe('The role policy with name nope cannot be found.');
    const invalid = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'has spaces' })));
    expect(invalid.name).toBe('ValidationError');
    expect(invalid.message).toBe("1 validation error detected: Value 'has spaces' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    expect((await errorOf(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'data-tier-role', MaxItems: 0 })))).name).toBe('ValidationError');
    expect((await errorOf(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'data-tier-role', Marker: 'bm90LWEtbWFya2Vy' })))).name).toBe('InvalidInputException');
  });

  it('meets the scenario\'s faults: a denied permission is AccessDenied (403) naming the resource; throttling is Throttling', async () => {
    mock.scenario.denyOperations = ['iam:GetInstanceProfile'];
    const denied = await errorOf(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'legacy-app-profile' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect(denied.message).toContain(`iam:GetInstanceProfile on resource: arn:aws:iam::${mock.sim.accountId}:instance-profile/legacy-app-profile`);
    expect((await iam.send(new GetRoleCommand({ RoleName: 'legacy-app-role' }))).Role?.RoleName).toBe('legacy-app-role');
    mock.scenario.denyOperations = ['iam:*'];
    expect((await errorOf(iam.send(new GetRoleCommand({ RoleName: 'legacy-app-role' })))).name).toBe('AccessDenied');
    Object.assign(mock.scenario, defaultScenario(), { throttleRate: 1 });
    const throttled = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'legacy-app-role' })));
    expect(throttled.name).toBe('Throttling');
  });
});

describe('ssm GetServiceSetting / DescribeActivations', () => {
  it('answers the DHMC setting: customized in the one region that has it, the default ($None) elsewhere, by ID or ARN', async () => {
    const west = await ssm('eu-west-1').send(new GetServiceSettingCommand({ SettingId: DHMC }));
    expect(west.ServiceSetting).toMatchObject({
      SettingId: DHMC, SettingValue: net.DHMC_SETTING_VALUE, Status: 'Customized',
      ARN: `arn:aws:ssm:eu-west-1:${mock.sim.accountId}:servicesetting${DHMC}`, LastModifiedUser: expect.stringMatching(/^arn:aws:sts::/),
    });
    expect(west.ServiceSetting?.LastModifiedDate).toBeInstanceOf(Date);
    for (const region of ['us-east-1', 'ap-southeast-2']) {
      const arn = `arn:aws:ssm:${region}:${mock.sim.accountId}:servicesetting${DHMC}`;
      const out = await ssm(region).send(new GetServiceSettingCommand({ SettingId: arn }));
      expect(out.ServiceSetting).toMatchObject({ SettingId: DHMC, SettingValue: '$None', Status: 'Default', LastModifiedUser: 'System', ARN: arn });
    }
    const tier = await ssm().send(new GetServiceSettingCommand({ SettingId: '/ssm/managed-instance/activation-tier' }));
    expect(tier.ServiceSetting?.SettingValue).toBe('standard');
    const unknown = await errorOf(ssm().send(new GetServiceSettingCommand({ SettingId: '/ssm/no/such/setting' })));
    expect(unknown.name).toBe('ServiceSettingNotFound');
    mock.scenario.denyOperations = ['ssm:GetServiceSetting'];
    expect((await errorOf(ssm().send(new GetServiceSettingCommand({ SettingId: DHMC })))).name).toBe('AccessDeniedException');
  });

  it('lists the region\'s activations (limit, count, expiry) and the hybrid nodes report their IDs', async () => {
    const all: Activation[] = [];
    for await (const page of paginateDescribeActivations({ client: ssm(), pageSize: 1 }, {})) all.push(...(page.ActivationList ?? []));
    const hybrids = [...mock.sim.store.byId.values()].filter((n): n is SimNode & { ssm: NonNullable<SimNode['ssm']> } => n.region === 'us-east-1' && !n.ec2 && !!n.ssm);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(hybrids.map((n) => n.ssm.activationId))).toEqual(new Set(all.map((a) => a.ActivationId)));
    for (const a of all) {
      expect(a).toMatchObject({ IamRole: 'SSMServiceRole', DefaultInstanceName: expect.stringMatching(/^onprem-/), Expired: true });
      expect(a.RegistrationsCount).toBe(hybrids.filter((n) => n.ssm.activationId === a.ActivationId).length);
      expect(a.RegistrationLimit).toBeGreaterThanOrEqual(a.RegistrationsCount as number);
      expect((a.ExpirationDate as Date).getTime() - (a.CreatedDate as Date).getTime()).toBeLessThanOrEqual(30 * 86_400_000);
    }
    const info = await ssm().send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'ResourceType', Values: ['ManagedInstance'] }] }));
    expect(info.InstanceInformationList?.every((i) => all.some((a) => a.ActivationId === i.ActivationId))).toBe(true);
    const lost = hybrids.find((n) => mock.sim.network.plantedCause(n.id));
    if (lost) {
      const [a] = (await ssm().send(new DescribeActivationsCommand({ Filters: [{ FilterKey: 'ActivationIds', FilterValues: [lost.ssm.activationId as string] }] }))).ActivationList ?? [];
      expect(mock.sim.network.plantedCause(lost.id)).toBe(a.RegistrationsCount === a.RegistrationLimit ? 'activation-limit-reached' : 'activation-expired');
    }
    const byName = await ssm().send(new DescribeActivationsCommand({ Filters: [{ FilterKey: 'DefaultInstanceName', FilterValues: [all[0].DefaultInstanceName as string] }] }));
    expect(byName.ActivationList?.map((a) => a.ActivationId)).toContain(all[0].ActivationId);
    expect((await ssm().send(new DescribeActivationsCommand({ Filters: [{ FilterKey: 'IamRole', FilterValues: ['OtherRole'] }] }))).ActivationList).toEqual([]);
    expect((await errorOf(ssm().send(new DescribeActivationsCommand({ NextToken: 'bm90LWEtdG9rZW4=' })))).name).toBe('InvalidNextToken');
    expect((await errorOf(ssm().send(new DescribeActivationsCommand({ MaxResults: 51 })))).name).toBe('ValidationException');
  });
});
