/**
 * The STS endpoint (AWS query protocol as IAM speaks it, XML out; regional sts.<region>.amazonaws.com or the global
 * sts.amazonaws.com, any signing region): credentials, Action dispatch, faults, input validation against the model,
 * errors as STS sends them (`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>...`).
 */
import { randomUUID } from 'node:crypto';
import { pickFault } from '../scenarios';
import { authFailure } from './auth-errors';
import { recordCall, roleSession, type AwsContext, type CallStart } from './context';
import { AwsError } from './errors';
import { getOperation } from './protocol/model';
import { decodeQueryInput, encodeQueryError, encodeQueryResponse, queryXmlResponse } from './protocol/query-xml';
import type { CredentialScope } from './protocol/sigv4';
import { stsModel } from './protocol/sts-organizations-models';
import { validateInput } from './protocol/validate-input';
import { STS_OPERATIONS } from './sts-operations';

export const STS_VERSION = '2011-06-15';

/** HTTP status of the STS error codes the simulated AWS produces (others 400). */
const STATUS: Record<string, number> = {
  AccessDenied: 403, MissingAuthenticationToken: 403, InvalidClientTokenId: 403, ExpiredToken: 403,
  ServiceFailure: 500, ServiceUnavailable: 503,
};

type Fail = (code: string, message: string, status?: number) => Response;

function callOperation(ctx: AwsContext, action: string, params: URLSearchParams, fail: Fail, requestId: string): Response {
  const impl = Object.hasOwn(STS_OPERATIONS, action) ? STS_OPERATIONS[action] : undefined;
  if (!impl) return fail('InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`);
  try {
    const input = decodeQueryInput(stsModel, action, params);
    const check = validateInput(stsModel, action, input);
    if (!check.ok) return fail('ValidationError', check.message);
    const output = impl(ctx, input);
    return queryXmlResponse(encodeQueryResponse(stsModel, action, output, requestId), 200, requestId);
  } catch (err) {
    if (err instanceof AwsError) return fail(err.code, err.message, err.status);
    console.error('[mock-aws] sts', action, err);
    return fail('ServiceFailure', 'An internal error occurred.', 500);
  }
}

export function serveSts(ctx: AwsContext, scope: CredentialScope | null, body: string, start: CallStart): Promise<Response> {
  const requestId = randomUUID();
  const fail: Fail = (code, message, status = STATUS[code] ?? 400) => queryXmlResponse(encodeQueryError(stsModel, code, message, status, requestId), status, requestId);
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const name = action || '(no Action)';
  if (!scope) return recordCall(ctx, 'sts', name, 'unsigned', start, () => fail('MissingAuthenticationToken', 'Request is missing Authentication Token'));
  const region = scope.region;
  return recordCall(ctx, 'sts', name, region, start, () => {
    if (ctx.authProblem) {
      const refused = authFailure('sts', ctx.authProblem);
      return fail(refused.code, refused.message, refused.status);
    }
    if (!getOperation(stsModel, action)) return fail('InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`);
    const fault = pickFault(ctx.scenario, { service: 'sts', operation: action, region, accountId: ctx.sim.accountId, session: roleSession(ctx) }, ctx.random);
    if (fault) return fail(fault.code, fault.message, fault.status);
    return callOperation(ctx, action, params, fail, requestId);
  });
}
