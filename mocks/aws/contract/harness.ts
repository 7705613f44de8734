/**
 * Contract-test harness: the in-process simulated AWS plus a capture of every raw HTTP
 * exchange, each checked generically against the derived model (see validate-*.ts).
 */
import { afterEach, expect } from 'vitest';
import type { SetupServer } from 'msw/node';
import { startMockAws, type MockAwsOptions } from '../../node';
import { ec2Model, iamModel, ssmModel } from '../protocol/model';
import { organizationsModel, stsModel } from '../protocol/sts-organizations-models';
import { awsDeviations, ORGANIZATIONS_COMMON_ERRORS, validateJsonError, validateJsonOutput } from './validate-json';
import { STS_ERRORS, validateEc2ErrorXml, validateEc2Xml, validateQueryErrorXml, validateQueryXml } from './validate-xml';

export interface Exchange {
  service: 'ssm' | 'ec2' | 'iam' | 'sts' | 'organizations';
  operation: string;
  status: number;
  headers: Headers;
  body: string;
}

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIAMOCKMOCKMOCKMOCK', secretAccessKey: 'mock-secret' };

function captureExchanges(server: SetupServer) {
  let pending: Array<Promise<Exchange>> = [];
  const requests = new Map<string, Promise<{ target: string | null; body: string }>>();
  // The handler consumes the request body, so keep a copy from before it runs.
  server.events.on('request:start', ({ request, requestId }) => {
    const copy = request.clone();
    requests.set(requestId, copy.text().then((body) => ({ target: copy.headers.get('x-amz-target'), body })));
  });
  server.events.on('response:mocked', ({ response, requestId }) => {
    const res = response.clone();
    const req = requests.get(requestId);
    requests.delete(requestId);
    pending.push(
      (async () => {
        const { target, body } = (await req) ?? { target: null, body: '' };
        const form = new URLSearchParams(body);
        const queryService = ({ '2010-05-08': 'iam', '2011-06-15': 'sts' } as const)[form.get('Version') ?? ''] ?? 'ec2';
        const service = target ? (target.startsWith('AWSOrganizationsV20161128.') ? 'organizations' : 'ssm') : queryService;
        const operation = target ? target.slice(target.indexOf('.') + 1) : (form.get('Action') ?? '');
        return { service, operation, status: res.status, headers: res.headers, body: await res.text() };
      })(),
    );
  });
  return {
    /** Every exchange since the last take(). */
    async take(): Promise<Exchange[]> {
      const done = await Promise.all(pending);
      pending = [];
      return done;
    },
  };
}

/** Problems with one raw exchange (empty when it satisfies the model). */
export function exchangeProblems(x: Exchange): string[] {
  const where = `${x.service}:${x.operation} ${x.status}`;
  const problems: string[] = [];
  if (!x.headers.get('x-amzn-requestid')) problems.push('no x-amzn-RequestId header');
  if (x.service === 'ssm') {
    if (x.headers.get('content-type') !== 'application/x-amz-json-1.1') problems.push(`content-type ${x.headers.get('content-type')}`);
    const body: unknown = JSON.parse(x.body);
    problems.push(...(x.status === 200 ? validateJsonOutput(ssmModel, x.operation, body, awsDeviations) : validateJsonError(ssmModel, x.operation, body)));
  } else if (x.service === 'organizations') {
    if (x.headers.get('content-type') !== 'application/x-amz-json-1.1') problems.push(`content-type ${x.headers.get('content-type')}`);
    const body: unknown = JSON.parse(x.body);
    problems.push(...(x.status === 200 ? validateJsonOutput(organizationsModel, x.operation, body) : validateJsonError(organizationsModel, x.operation, body, ORGANIZATIONS_COMMON_ERRORS)));
  } else if (x.service === 'iam' || x.service === 'sts') {
    const [model, codes] = x.service === 'iam' ? [iamModel, undefined] : [stsModel, STS_ERRORS];
    if (!x.headers.get('content-type')?.startsWith('text/xml')) problems.push(`content-type ${x.headers.get('content-type')}`);
    problems.push(...(x.status === 200 ? validateQueryXml(model, x.operation, x.body) : validateQueryErrorXml(model, x.body, x.status, codes).problems));
  } else {
    if (!x.headers.get('content-type')?.startsWith('text/xml')) problems.push(`content-type ${x.headers.get('content-type')}`);
    problems.push(...(x.status === 200 ? validateEc2Xml(ec2Model, x.operation, x.body) : validateEc2ErrorXml(x.body).problems));
  }
  return problems.map((p) => `${where}: ${p}`);
}

/** startMockAws + capture. `checkAll()` validates every exchange since the last call and returns them. */
export function startContractMock(opts: MockAwsOptions = {}) {
  const mock = startMockAws(opts);
  const capture = captureExchanges(mock.server);
  return {
    ...mock,
    async checkAll(): Promise<{ exchanges: Exchange[]; problems: string[] }> {
      const exchanges = await capture.take();
      return { exchanges, problems: exchanges.flatMap(exchangeProblems) };
    },
  };
}

export type SdkError = Error & { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }; $fault?: string; $retryable?: unknown };

/** The error a call must fail with (the test fails if it succeeds). */
export async function errorOf<E extends Error = SdkError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (err) {
    return err as E;
  }
  throw new Error('expected the call to fail');
}

/** After every test: it made AWS calls, and every raw response and error matched the service model. */
export function checkEveryExchange(mock: () => { checkAll(): Promise<{ exchanges: unknown[]; problems: string[] }> }): void {
  afterEach(async () => {
    const { exchanges, problems } = await mock().checkAll();
    expect(exchanges.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}
