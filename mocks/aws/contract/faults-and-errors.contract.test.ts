import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, DescribeOpsItemsCommand, GetOpsSummaryCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Pluggable } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../scenarios';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const ssm = (region = 'us-east-1', maxAttempts = 1) => new SSMClient({ region, credentials: FAKE_CREDENTIALS, maxAttempts });
const ec2 = (region = 'us-east-1', maxAttempts = 1) => new EC2Client({ region, credentials: FAKE_CREDENTIALS, maxAttempts });
const listSsm = (client = ssm()) => client.send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
const listEc2 = (client = ec2()) => client.send(new DescribeInstancesCommand({ MaxResults: 5 }));

/** Changes the signed request just before it is sent. */
function rewrite<I extends object, O extends object>(change: (request: { headers: Record<string, string>; body?: unknown }) => void): Pluggable<I, O> {
  return {
    applyToStack: (stack) =>
      stack.add((next) => (args) => {
        change(args.request as { headers: Record<string, string>; body?: unknown });
        return next(args);
      }, { step: 'deserialize', priority: 'low', name: 'rewriteForTest' }),
  };
}

beforeAll(() => {
  mock = startContractMock({ nodes: 300, seed: 3 });
});
afterAll(() => mock.close());
beforeEach(() => Object.assign(mock.scenario, defaultScenario()));
checkEveryExchange(() => mock);

describe('protocol errors', () => {
  it('answers an unknown SSM operation with UnknownOperationException and an unknown EC2 action with InvalidAction', async () => {
    const client = ssm();
    client.middlewareStack.use(rewrite((r) => (r.headers['x-amz-target'] = 'AmazonSSM.DescribeEverything')));
    const unknown = await errorOf(listSsm(client));
    expect(unknown.name).toBe('UnknownOperationException');
    expect(unknown.$metadata?.httpStatusCode).toBe(400);
    const notYet = await errorOf(ssm().send(new GetOpsSummaryCommand({})));
    expect(notYet.name).toBe('UnknownOperationException');
    expect(notYet.message).toContain('does not implement it yet');
    const ec2Client = ec2();
    ec2Client.middlewareStack.use(rewrite((r) => (r.body = String(r.body).replace('Action=DescribeInstances', 'Action=DescribeEverything'))));
    const invalid = await errorOf(listEc2(ec2Client));
    expect(invalid.name).toBe('InvalidAction');
    expect(invalid.message).toBe('The action DescribeEverything is not valid for this web service.');
  });

  it('answers a body that is not JSON with SerializationException, a dry run with DryRunOperation, a bad OpsItems token with ValidationException', async () => {
    const client = ssm();
    client.middlewareStack.use(rewrite((r) => (r.body = '{"MaxResults": 5')));
    expect((await errorOf(listSsm(client))).name).toBe('SerializationException');
    const dry = await errorOf(ec2().send(new DescribeInstancesCommand({ DryRun: true })));
    expect(dry.name).toBe('DryRunOperation');
    expect(dry.$metadata?.httpStatusCode).toBe(412);
    const badToken = await errorOf(ssm().send(new DescribeOpsItemsCommand({ NextToken: 'eyJub3QiOiJvdXJzIn0=' })));
    expect(badToken.name).toBe('ValidationException');
  });

  it('rejects unsigned requests: MissingAuthenticationTokenException (SSM), AuthFailure 401 (EC2)', async () => {
    const unsign = (r: { headers: Record<string, string> }) => {
      delete r.headers.authorization;
      delete r.headers.Authorization;
    };
    const client = ssm();
    client.middlewareStack.use(rewrite(unsign));
    const missing = await errorOf(listSsm(client));
    expect(missing.name).toBe('MissingAuthenticationTokenException');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const ec2Client = ec2();
    ec2Client.middlewareStack.use(rewrite(unsign));
    const auth = await errorOf(listEc2(ec2Client));
    expect(auth.name).toBe('AuthFailure');
    expect(auth.$metadata?.httpStatusCode).toBe(401);
  });

  it('answers any endpoint URL, and leaves requests that are not AWS requests unhandled', async () => {
    const local = new SSMClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
    expect((await listSsm(local)).InstanceInformationList?.length).toBe(5);
    await expect(fetch('https://example.com/not-aws', { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('scenarios', () => {
  it('fails every call to a failing region with a retryable 503 (ServiceUnavailable / Unavailable)', async () => {
    mock.scenario.failRegions = ['eu-west-1'];
    const down = await errorOf(listSsm(ssm('eu-west-1', 2)));
    expect(down.name).toBe('ServiceUnavailable');
    expect(down.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 2 });
    const ec2Down = await errorOf(listEc2(ec2('eu-west-1')));
    expect(ec2Down.name).toBe('Unavailable');
    expect(ec2Down.$metadata?.httpStatusCode).toBe(503);
    expect((await listSsm()).InstanceInformationList).toHaveLength(5);
  });

  it('denies listed operations with AWS access-denied messages', async () => {
    mock.scenario.denyOperations = ['ssm:DescribeInstancePatchStates', 'ec2:DescribeInstances'];
    const denied = await errorOf(ssm().send(new DescribeInstancePatchStatesCommand({ InstanceIds: ['i-0123456789abcdef0'] })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe('User: arn:aws:sts::123456789012:assumed-role/FleetDashboardReadOnly/mock-session is not authorized to perform: ssm:DescribeInstancePatchStates on resource: arn:aws:ssm:us-east-1:123456789012:* because no identity-based policy allows the ssm:DescribeInstancePatchStates action');
    const unauthorized = await errorOf(listEc2());
    expect(unauthorized.name).toBe('UnauthorizedOperation');
    expect(unauthorized.$metadata?.httpStatusCode).toBe(403);
    expect(unauthorized.message).toMatch(/^You are not authorized to perform this operation\. User: .* is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action$/);
    expect((await listSsm()).InstanceInformationList).toHaveLength(5);
  });

  it('throttles, and the SDK retries the throttled call until it succeeds', async () => {
    mock.scenario.throttleRate = 1;
    const lift = ({ response }: { response: Response }) => {
      if (response.status !== 200) mock.scenario.throttleRate = 0;
    };
    mock.server.events.on('response:mocked', lift);
    try {
      const ok = await listSsm(ssm('us-east-1', 3));
      expect(ok.$metadata.attempts).toBe(2);
      mock.scenario.throttleRate = 1;
      const ok2 = await listEc2(ec2('us-east-1', 3));
      expect(ok2.$metadata.attempts).toBe(2);
    } finally {
      mock.server.events.removeListener('response:mocked', lift);
    }
    mock.scenario.throttleRate = 1;
    const throttled = await errorOf(listSsm());
    expect(throttled.name).toBe('ThrottlingException');
    expect(throttled.message).toBe('Rate exceeded');
    const limited = await errorOf(listEc2());
    expect(limited.name).toBe('RequestLimitExceeded');
    expect(limited.$metadata?.httpStatusCode).toBe(503);
  });

  it('adds latency to every call and records each call in stats', async () => {
    mock.stats.reset();
    mock.scenario.latencyMs = 60;
    const started = performance.now();
    await Promise.all([listSsm(), listEc2(ec2('eu-west-1'))]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    await listSsm();
    const snap = mock.stats.snapshot();
    expect(snap).toMatchObject({ total: 3, byOperation: { 'ssm:DescribeInstanceInformation': 2, 'ec2:DescribeInstances': 1 }, byRegion: { 'us-east-1': 2, 'eu-west-1': 1 }, chain: 2 });
    expect(mock.stats.calls.every((c) => c.end - c.start >= 55)).toBe(true);
  });
});
