import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeAwsError, redactAwsText, resetAwsFailureLog } from './describe-error';
import { toAwsError } from './errors';

const ACCOUNT = '123456789012';
const DENIED = `User: arn:aws:sts::${ACCOUNT}:assumed-role/FleetDashboardRole/i-0abc1234def567890 is not authorized to perform: ssm:DescribeInstancePatchStates on resource: arn:aws:ssm:eu-west-1:${ACCOUNT}:* because no identity-based policy allows the ssm:DescribeInstancePatchStates action`;
const sdkError = (name: string, message: string, status = 400, extra: object = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' }, ...extra });
const ctx = { service: 'ssm', operation: 'DescribeInstancePatchStates', region: 'eu-west-1' };

afterEach(() => {
  vi.restoreAllMocks();
  resetAwsFailureLog();
});

describe('AWS errors as viewers see them', () => {
  it('takes account IDs, identities and access keys out of AWS text, keeping other resources', () => {
    const out = redactAwsText(`${DENIED} (key AKIAIOSFODNN7EXAMPLE; instance arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0; role arn:aws:iam::${ACCOUNT}:role/Admin)`);
    expect(out).not.toMatch(/\d{12}|FleetDashboardRole|AKIA|Admin/);
    expect(out).toContain('arn:aws:ec2:us-east-1:<account>:instance/i-0123456789abcdef0');
    expect(out).toContain('arn:aws:sts::<account>:<identity>');
  });

  it('an access denial names the operation and a plain reason; AWS text goes to the server log only', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const e = toAwsError(sdkError('AccessDeniedException', DENIED), ctx);
    expect(e).toMatchObject({ code: 'AccessDeniedException', status: 403, detail: DENIED });
    const viewer = describeAwsError(e, 'viewer');
    expect(viewer).toMatch(/^ssm:DescribeInstancePatchStates in eu-west-1: AWS denied access/);
    expect(viewer).toContain('not authorized to perform: ssm:DescribeInstancePatchStates');
    expect(viewer).not.toMatch(/\d{12}|arn:|FleetDashboardRole/);
    expect(describeAwsError(e, 'operator')).toContain(DENIED);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(DENIED);
    // The same failure again within a minute is not logged again (an outage must not flood the log).
    toAwsError(sdkError('AccessDeniedException', DENIED), ctx);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('throttling, outages, unknown codes and bad credentials get plain reasons, never AWS words', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cases = [
      toAwsError(sdkError('ThrottlingException', `Rate exceeded for account ${ACCOUNT}`), ctx),
      toAwsError(sdkError('ServiceUnavailable', `arn:aws:ssm:eu-west-1:${ACCOUNT}:x down`, 503, { $fault: 'server' }), ctx),
      toAwsError(sdkError('SomeNewException', `${DENIED}`), ctx),
      toAwsError(sdkError('InvalidClientTokenId', `The security token included in the request for ${ACCOUNT} is invalid`), ctx),
    ];
    for (const e of cases) expect(e.message).not.toMatch(/\d{12}|arn:/);
    expect(cases.map((e) => e.code)).toEqual(['ThrottlingException', 'ServiceUnavailable', 'SomeNewException', 'InvalidClientTokenId']);
    expect(cases[2].message).toContain('server log');
  });

  it('input errors keep AWS words (they describe the request), redacted', () => {
    const e = toAwsError(sdkError('ValidationException', `Value at 'resourceUri' for arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1 failed`), ctx);
    expect(e.message).toBe(`Value at 'resourceUri' for arn:aws:ec2:us-east-1:<account>:instance/i-1 failed`);
  });

  it('a body that is not AWS (HTML, JSON without an error code) is said so, with the HTTP status and the operation', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = Object.assign(new SyntaxError(`Unexpected token '<', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response...`), {
      $metadata: { httpStatusCode: 500 }, $response: { statusCode: 500, headers: { 'content-type': 'text/html; charset=utf-8' } },
    });
    const e = toAwsError(html, { service: 'ssm', operation: 'DescribeInstanceInformation', region: 'us-east-1' });
    expect(e).toMatchObject({ code: 'NonAwsResponse', status: 503, retryable: true });
    expect(describeAwsError(e)).toMatch(/^ssm:DescribeInstanceInformation in us-east-1: The endpoint answered HTTP 500 with a non-AWS body \(text\/html\)/);
    expect(e.message).not.toMatch(/SyntaxError|Unexpected token/);
    const emulator = toAwsError(sdkError('Unknown', 'not implemented', 501, { $fault: 'server' }), ctx);
    expect(emulator.message).toMatch(/answered HTTP 501 with a non-AWS body/);
  });
});
