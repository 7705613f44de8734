import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as ssmSdk from '@aws-sdk/client-ssm';
import * as stsSdk from '@aws-sdk/client-sts';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../scenarios';
import { accountClients, AUDIT, BROKEN, MANAGEMENT, OPERATOR, PAYMENTS, READ_ONLY, STAGING, SUSPENDED, TEST_ACCOUNTS } from './accounts-fixture';
import { checkEveryExchange, errorOf, startContractMock } from './harness';

const { assume, sts } = accountClients({ sts: stsSdk, ssm: ssmSdk, organizations: organizationsSdk });

let mock: ReturnType<typeof startContractMock>;
beforeAll(() => {
  mock = startContractMock({ accounts: TEST_ACCOUNTS, seed: 5 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
checkEveryExchange(() => mock);

/** Every node ID DescribeInstanceInformation lists in `region` with these credentials (all pages). */
async function listedIds(credentials: AwsCredentialIdentity | undefined, region: string): Promise<string[]> {
  const client = new SSMClient({ region, credentials: credentials ?? { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new DescribeInstanceInformationCommand({ MaxResults: 50, NextToken }));
    ids.push(...(page.InstanceInformationList ?? []).map((i) => i.InstanceId as string));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

describe('STS AssumeRole', () => {
  it('answers credentials for the role; with them SSM reads that account\'s fleet and only it', async () => {
    const before = Date.now();
    const { out, credentials } = await assume(PAYMENTS, READ_ONLY, { sessionName: 'dashboard' });
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.Expiration?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000 - 1000);
    expect(out.AssumedRoleUser).toEqual({
      Arn: `arn:aws:sts::${PAYMENTS}:assumed-role/${READ_ONLY}/dashboard`,
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]{17}:dashboard$/),
    });
    const payments = mock.sims.get(PAYMENTS);
    const ids = await listedIds(credentials, 'us-west-2');
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => payments?.store.byId.get(id)?.region === 'us-west-2')).toBe(true);
    // The management account has no us-west-2 fleet; its long-term user sees its own us-east-1 nodes only.
    expect(await listedIds(undefined, 'us-west-2')).toEqual([]);
    const own = await listedIds(undefined, 'us-east-1');
    expect(own.every((id) => mock.sim.store.byId.has(id) && !payments?.store.byId.has(id))).toBe(true);
    const ec2 = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
    const reservations = (await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? [];
    const instances = reservations.flatMap((r) => r.Instances ?? []);
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.every((i) => payments?.store.byId.has(i.InstanceId as string))).toBe(true);
    expect(reservations.every((r) => r.OwnerId === PAYMENTS)).toBe(true);
  });

  it('names the caller in GetCallerIdentity: the long-term user, each role session', async () => {
    expect(await sts().send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: MANAGEMENT, Arn: `arn:aws:iam::${MANAGEMENT}:user/demo`, UserId: expect.stringMatching(/^AIDA[A-Z0-9]{17}$/),
    });
    const { credentials } = await assume(STAGING, OPERATOR, { sessionName: 'ops@example.com' });
    expect(await sts(credentials, 'eu-west-1').send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: STAGING,
      Arn: `arn:aws:sts::${STAGING}:assumed-role/${OPERATOR}/ops@example.com`,
      UserId: expect.stringMatching(/^AROA[A-Z0-9]{17}:ops@example\.com$/),
    });
  });

  it('accepts any role name and role chaining (sessions of at most an hour)', async () => {
    const { credentials } = await assume(PAYMENTS, 'CustomAuditRole');
    const chained = await assume(STAGING, READ_ONLY, { as: credentials, sessionName: 'chained' });
    expect(chained.out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${STAGING}:assumed-role/${READ_ONLY}/chained`);
    const tooLong = await errorOf(assume(STAGING, READ_ONLY, { as: credentials, durationSeconds: 7200 }));
    expect(tooLong).toMatchObject({ name: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
  });

  it('refuses accounts that cannot be assumed with AccessDenied (403) naming the caller and the role', async () => {
    for (const account of [BROKEN, SUSPENDED, '555555555555']) {
      const err = await errorOf(assume(account));
      expect(err.name).toBe('AccessDenied');
      expect(err.$metadata?.httpStatusCode).toBe(403);
      expect(err.message).toBe(`User: arn:aws:iam::${MANAGEMENT}:user/demo is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${account}:role/${READ_ONLY}`);
    }
    mock.scenario.denyAssumeRole = [PAYMENTS];
    expect((await errorOf(assume(PAYMENTS))).name).toBe('AccessDenied');
    expect((await assume(STAGING)).out.Credentials).toBeDefined();
  });

  it('requires the configured ExternalId', async () => {
    expect((await errorOf(assume(AUDIT))).name).toBe('AccessDenied');
    expect((await errorOf(assume(AUDIT, READ_ONLY, { externalId: 'wrong-id' }))).name).toBe('AccessDenied');
    expect((await assume(AUDIT, READ_ONLY, { externalId: 'audit-external-id' })).out.AssumedRoleUser?.Arn).toContain(AUDIT);
  });

  it('validates the request as STS does (ValidationError, 400)', async () => {
    const bad = [
      { RoleArn: `arn:aws:iam::${PAYMENTS}:role/${READ_ONLY}`, RoleSessionName: 'x', message: "Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2" },
      { RoleArn: `arn:aws:iam::${PAYMENTS}:role/${READ_ONLY}`, RoleSessionName: 'has space', message: "Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*" },
      { RoleArn: `arn:aws:iam::${PAYMENTS}:role/${READ_ONLY}`, RoleSessionName: 'ok', DurationSeconds: 600, message: "Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900" },
      { RoleArn: `arn:aws:iam::${PAYMENTS}:role/${READ_ONLY}`, RoleSessionName: 'ok', DurationSeconds: 43201, message: 'Member must have value less than or equal to 43200' },
      { RoleArn: 'arn:aws:iam::12345:role/NotAnAccount', RoleSessionName: 'ok', message: 'Request ARN is invalid' },
      { RoleArn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', RoleSessionName: 'ok', message: 'Request ARN is invalid' },
    ];
    for (const { message, ...input } of bad) {
      const err = await errorOf(sts().send(new AssumeRoleCommand(input)));
      expect(err.name).toBe('ValidationError');
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(err.message).toContain(message);
    }
    const longest = await assume(PAYMENTS, READ_ONLY, { durationSeconds: 43200 });
    expect(longest.out.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 43_000_000);
  });

  it('records the served account and the principal of every call', async () => {
    mock.stats.reset();
    const { credentials } = await assume(PAYMENTS, READ_ONLY, { sessionName: 'stats' });
    await listedIds(credentials, 'us-east-1');
    const [assumeCall, read] = mock.stats.calls;
    expect(assumeCall).toMatchObject({ op: 'sts:AssumeRole', account: MANAGEMENT, principal: `arn:aws:iam::${MANAGEMENT}:user/demo` });
    expect(read).toMatchObject({ op: 'ssm:DescribeInstanceInformation', account: PAYMENTS, principal: `arn:aws:sts::${PAYMENTS}:assumed-role/${READ_ONLY}/stats` });
    expect(mock.stats.snapshot().byAccount).toMatchObject({ [MANAGEMENT]: 1, [PAYMENTS]: mock.stats.calls.length - 1 });
  });
});
