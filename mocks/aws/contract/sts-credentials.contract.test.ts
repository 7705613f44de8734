import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as ssmSdk from '@aws-sdk/client-ssm';
import * as stsSdk from '@aws-sdk/client-sts';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { CancelCommandCommand, CreateOpsItemCommand, DescribeInstanceInformationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../../scenarios';
import { accountClients, MANAGEMENT, OPERATOR, PAYMENTS, READ_ONLY, STAGING, TEST_ACCOUNTS } from './accounts-fixture';
import { checkEveryExchange, errorOf, startContractMock } from './harness';

const { assume, ssmAs, sts } = accountClients({ sts: stsSdk, ssm: ssmSdk, organizations: organizationsSdk });

let mock: ReturnType<typeof startContractMock>;
beforeAll(() => {
  mock = startContractMock({ accounts: TEST_ACCOUNTS, seed: 11 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
afterEach(() => vi.useRealTimers());
checkEveryExchange(() => mock);

const list = (credentials: AwsCredentialIdentity, region = 'us-east-1') => ssmAs(credentials, region).send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
const ec2 = (credentials: AwsCredentialIdentity) => new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const iam = (credentials: AwsCredentialIdentity) => new IAMClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const FAKE_ASIA = { accessKeyId: 'ASIAZZZZZZZZZZZZZZZZ', secretAccessKey: 'x', sessionToken: 'never-issued' };

describe('temporary credentials', () => {
  it('are refused once expired (wall clock), each service with its own code', async () => {
    const { credentials } = await assume(PAYMENTS, READ_ONLY, { durationSeconds: 900 });
    expect((await list(credentials)).InstanceInformationList?.length).toBe(5);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 901_000);
    const ssmErr = await errorOf(list(credentials));
    expect(ssmErr).toMatchObject({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    expect(ssmErr.$metadata?.httpStatusCode).toBe(400);
    const ec2Err = await errorOf(ec2(credentials).send(new DescribeInstancesCommand({})));
    expect(ec2Err).toMatchObject({ name: 'RequestExpired', message: 'Request has expired.' });
    const stsErr = await errorOf(sts(credentials).send(new GetCallerIdentityCommand({})));
    expect(stsErr).toMatchObject({ name: 'ExpiredToken', message: 'The security token included in the request is expired' });
    expect(stsErr.$metadata?.httpStatusCode).toBe(403);
    const iamErr = await errorOf(iam(credentials).send(new GetInstanceProfileCommand({ InstanceProfileName: 'x' })));
    expect(iamErr.name).toBe('ExpiredToken');
    // The simulated clock does not matter: a new session works at once.
    vi.useRealTimers();
    mock.sim.clock.advance(24 * 3600_000);
    expect((await list((await assume(PAYMENTS)).credentials)).InstanceInformationList?.length).toBe(5);
  });

  it('refuses an ASIA key the simulated STS never issued, and a session token that is not the key\'s', async () => {
    const ssmErr = await errorOf(list(FAKE_ASIA));
    expect(ssmErr).toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    expect(ssmErr.$metadata?.httpStatusCode).toBe(400);
    const ec2Err = await errorOf(ec2(FAKE_ASIA).send(new DescribeInstancesCommand({})));
    expect(ec2Err.name).toBe('AuthFailure');
    expect(ec2Err.$metadata?.httpStatusCode).toBe(401);
    expect((await errorOf(sts(FAKE_ASIA).send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
    const { credentials } = await assume(STAGING);
    const swapped = { ...credentials, sessionToken: (await assume(PAYMENTS)).credentials.sessionToken };
    expect((await errorOf(list(swapped, 'eu-west-1'))).name).toBe('UnrecognizedClientException');
    expect((await errorOf(list({ ...credentials, sessionToken: undefined }, 'eu-west-1'))).name).toBe('UnrecognizedClientException');
  });

  it('expire all at once (POST /__mock/sts/expire does this)', async () => {
    const { credentials } = await assume(PAYMENTS);
    expect(mock.org.sessions.expireAll()).toBeGreaterThan(0);
    expect((await errorOf(list(credentials))).name).toBe('ExpiredTokenException');
  });
});

describe('role permissions', () => {
  const send = (credentials: AwsCredentialIdentity) => ssmAs(credentials).send(new SendCommandCommand({
    DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['uptime'] }, Targets: [{ Key: 'tag:Environment', Values: ['dev'] }],
  }));

  it('denies a ReadOnly role every change with AccessDeniedException naming the session; the operator role may act', async () => {
    const reader = (await assume(PAYMENTS, READ_ONLY, { sessionName: 'alice' })).credentials;
    const denied = await errorOf(send(reader));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe(`User: arn:aws:sts::${PAYMENTS}:assumed-role/${READ_ONLY}/alice is not authorized to perform: ssm:SendCommand on resource: arn:aws:ssm:us-east-1:${PAYMENTS}:* because no identity-based policy allows the ssm:SendCommand action`);
    expect((await errorOf(ssmAs(reader).send(new CancelCommandCommand({ CommandId: '11111111-2222-3333-4444-555555555555' })))).name).toBe('AccessDeniedException');
    expect((await errorOf(ssmAs(reader).send(new CreateOpsItemCommand({ Title: 't', Description: 'd', Source: 's' })))).name).toBe('AccessDeniedException');
    expect((await list(reader)).InstanceInformationList).toHaveLength(5);
    const operator = (await assume(PAYMENTS, OPERATOR)).credentials;
    const sent = await send(operator);
    expect(mock.sims.get(PAYMENTS)?.store.commands.byId.has(sent.Command?.CommandId as string)).toBe(true);
    expect(mock.sim.store.commands.byId.has(sent.Command?.CommandId as string)).toBe(false);
  });

  it('denyOperations applies in every account, failAccounts fails every call with that account\'s credentials', async () => {
    const payments = (await assume(PAYMENTS)).credentials;
    mock.scenario.denyOperations = ['ssm:DescribeInstanceInformation'];
    const denied = await errorOf(list(payments));
    expect(denied.message).toContain(`arn:aws:sts::${PAYMENTS}:assumed-role/${READ_ONLY}/contract-test is not authorized`);
    expect((await errorOf(list({ accessKeyId: 'demo', secretAccessKey: 'demo' }))).name).toBe('AccessDeniedException');
    mock.scenario.denyOperations = [];
    mock.scenario.failAccounts = [PAYMENTS];
    const down = await errorOf(list(payments));
    expect(down).toMatchObject({ name: 'ServiceUnavailable' });
    expect(down.$metadata?.httpStatusCode).toBe(503);
    expect((await errorOf(ec2(payments).send(new DescribeInstancesCommand({})))).name).toBe('Unavailable');
    expect((await list({ accessKeyId: 'demo', secretAccessKey: 'demo' })).InstanceInformationList).toHaveLength(5);
    expect((await sts().send(new GetCallerIdentityCommand({}))).Account).toBe(MANAGEMENT);
  });
});
