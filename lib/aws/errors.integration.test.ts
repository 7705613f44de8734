/** AWS failures through the real SDK against the simulated AWS (and a non-AWS endpoint), as they reach the browser. */
import { describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { installMockAws } from '@/lib/testing/mock-aws';
import { toErrorResponse } from '@/lib/api/errors';
import { resetAwsFailureLog } from './describe-error';
import { describeInstanceInformationByIds } from './ssm/describe-instance-information';
import { listInstances } from './ec2/describe-instances';
import type { AwsError } from './errors';

const mock = installMockAws({ nodes: 30 });

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: AwsError) => e);

describe('AWS errors reaching the browser', () => {
  it('an access denial answers the envelope with the operation and a plain reason; AWS text (account, role ARN) only in the log', async () => {
    resetAwsFailureLog();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mock.scenario.denyOperations = ['ssm:DescribeInstanceInformation'];
    const e = await failure(describeInstanceInformationByIds({ account: '', region: 'eu-west-1' }, ['i-0123456789abcdef0']));
    const res = toErrorResponse(e);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(502);
    expect(body.error.code).toBe('AccessDeniedException');
    expect(body.error.message).toMatch(/^ssm:DescribeInstanceInformation in eu-west-1: AWS denied access/);
    expect(JSON.stringify(body)).not.toMatch(/\d{12}|arn:aws|assumed-role/);
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toMatch(/arn:aws:sts::\d{12}:assumed-role\//);
    warn.mockRestore();
  });

  it('an endpoint answering an HTML error page is reported as a non-AWS body naming the operation, not a SyntaxError', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    mock.server.use(http.post('https://ssm.us-east-1.amazonaws.com/', () => new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 500, headers: { 'content-type': 'text/html' } })));
    const e = await failure(describeInstanceInformationByIds({ account: '', region: 'us-east-1' }, ['i-0123456789abcdef0']));
    expect(e.code).toBe('NonAwsResponse');
    const body = (await toErrorResponse(e).json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^ssm:DescribeInstanceInformation in us-east-1: The endpoint answered HTTP 500 with a non-AWS body \(text\/html\)/);
    expect(body.error.message).not.toMatch(/SyntaxError|Unexpected token|JSON/);
    mock.server.resetHandlers();
    vi.restoreAllMocks();
  });

  it('an emulator without the operation (a 4xx with a body that is no AWS error) is said so too, for EC2', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    mock.server.use(http.post('https://ec2.ap-southeast-2.amazonaws.com/', () => new HttpResponse('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } })));
    const e = await failure(listInstances({ account: '', region: 'ap-southeast-2' }, (i) => i));
    expect(e).toMatchObject({ code: 'NonAwsResponse', retryable: false });
    expect(e.message).toMatch(/The endpoint answered HTTP 404 with a non-AWS body \(text\/plain\)/);
    mock.server.resetHandlers();
    vi.restoreAllMocks();
  });
});
