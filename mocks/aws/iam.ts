/**
 * The IAM endpoint (global, AWS query protocol, XML out): requests signed for service `iam` in us-east-1, Action
 * dispatch, faults, input validation against the model, account IAM call, encoding; errors as IAM sends them
 * (`<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code>...`, NoSuchEntity with HTTP 404).
 */
import { randomUUID } from 'node:crypto';
import { SimError } from '../fleet-sim';
import { IamError } from '../fleet-sim/network/query';
import { pickFault } from '../scenarios';
import { authFailure } from './auth-errors';
import { recordCall, roleSession, type AwsContext, type CallStart } from './context';
import { AwsError } from './errors';
import { IAM_OPERATIONS, iamResource } from './iam-operations';
import { getOperation, iamModel } from './protocol/model';
import { decodeQueryInput, encodeQueryError, encodeQueryResponse, queryXmlResponse } from './protocol/query-xml';
import type { CredentialScope } from './protocol/sigv4';
import { validateInput } from './protocol/validate-input';

export const IAM_VERSION = '2010-05-08';

/** HTTP status of the IAM error codes the simulated AWS produces. */
const STATUS: Record<string, number> = {
  NoSuchEntity: 404, AccessDenied: 403, MissingAuthenticationToken: 403, SignatureDoesNotMatch: 403, InvalidClientTokenId: 403, ExpiredToken: 403,
  ServiceFailure: 500, ServiceUnavailable: 503, Throttling: 400,
};

type Fail = (code: string, message: string, status?: number) => Response;

function callOperation(ctx: AwsContext, action: string, params: URLSearchParams, fail: Fail, requestId: string): Response {
  const impl = Object.hasOwn(IAM_OPERATIONS, action) ? IAM_OPERATIONS[action] : undefined;
  if (!impl) return fail('InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`);
  try {
    const input = decodeQueryInput(iamModel, action, params);
    const check = validateInput(iamModel, action, input);
    if (!check.ok) return fail('ValidationError', check.message);
    const output = impl(ctx.sim, input);
    return queryXmlResponse(encodeQueryResponse(iamModel, action, output, requestId), 200, requestId);
  } catch (err) {
    if (err instanceof IamError || err instanceof SimError || err instanceof AwsError) return fail(err.code, err.message);
    console.error('[mock-aws] iam', action, err);
    return fail('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
  }
}

export function serveIam(ctx: AwsContext, scope: CredentialScope | null, body: string, start: CallStart): Promise<Response> {
  const requestId = randomUUID();
  const fail: Fail = (code, message, status = STATUS[code] ?? 400) => queryXmlResponse(encodeQueryError(iamModel, code, message, status, requestId), status, requestId);
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const name = action || '(no Action)';
  if (!scope) return recordCall(ctx, 'iam', name, 'unsigned', start, () => fail('MissingAuthenticationToken', 'Request is missing Authentication Token'));
  const region = scope.region;
  return recordCall(ctx, 'iam', name, region, start, () => {
    if (ctx.authProblem) {
      const refused = authFailure('iam', ctx.authProblem);
      return fail(refused.code, refused.message, refused.status);
    }
    // IAM is global: requests are signed for us-east-1 (the SDK and the CLI do so whatever region they are given).
    if (region !== 'us-east-1') return fail('SignatureDoesNotMatch', `Credential should be scoped to a valid region, not '${region}'. `);
    if (!getOperation(iamModel, action)) return fail('InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`);
    const fault = pickFault(ctx.scenario, { service: 'iam', operation: action, region, accountId: ctx.sim.accountId, resource: iamResource(ctx.sim.accountId, action, params), session: roleSession(ctx) }, ctx.random);
    if (fault) return fail(fault.code, fault.message, fault.status);
    return callOperation(ctx, action, params, fail, requestId);
  });
}
