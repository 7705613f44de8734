/**
 * The Organizations endpoint (AWS JSON 1.1, `X-Amz-Target: AWSOrganizationsV20161128.<Operation>`; AWS signs it
 * for us-east-1, the simulated AWS accepts any region): credentials, dispatch, faults, validation, errors as
 * Organizations sends them (`{"__type": "AccessDeniedException", "Message": "..."}`, HTTP 400).
 */
import { randomUUID } from 'node:crypto';
import { pickFault } from '../scenarios';
import { authFailure } from './auth-errors';
import { recordCall, roleSession, type AwsContext, type CallStart } from './context';
import { AwsError } from './errors';
import { ORGANIZATIONS_OPERATIONS } from './organizations-operations';
import { jsonError, jsonResponse, readTarget } from './protocol/json11';
import { getOperation } from './protocol/model';
import type { CredentialScope } from './protocol/sigv4';
import { organizationsModel } from './protocol/sts-organizations-models';
import { validateInput } from './protocol/validate-input';

export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128';

type Fail = (code: string, message: string, status?: number, fields?: Record<string, unknown>) => Response;

function callOperation(ctx: AwsContext, operation: string, body: string, fail: Fail, requestId: string): Response {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return fail('SerializationException', 'Could not parse the request body as JSON.');
  }
  const check = validateInput(organizationsModel, operation, input);
  if (!check.ok) return fail(check.code, check.message);
  const impl = ORGANIZATIONS_OPERATIONS[operation];
  try {
    return jsonResponse(impl(ctx, input as Record<string, unknown>), requestId);
  } catch (err) {
    if (err instanceof AwsError) return fail(err.code, err.message, err.status, err.fields);
    console.error('[mock-aws] organizations', operation, err);
    return fail('ServiceException', "AWS Organizations can't complete your request because of an internal service error. Try again later.", 500);
  }
}

export function serveOrganizations(ctx: AwsContext, headers: Headers, scope: CredentialScope | null, body: string, start: CallStart): Promise<Response> {
  const requestId = randomUUID();
  const fail: Fail = (code, message, status = 400, fields) => jsonError(code, message, status, requestId, organizationsModel, fields);
  const { target, operation } = readTarget(headers, ORGANIZATIONS_TARGET_PREFIX);
  const name = operation ?? (target || '(no X-Amz-Target)');
  if (!scope) return recordCall(ctx, 'organizations', name, 'unsigned', start, () => fail('MissingAuthenticationTokenException', 'Missing Authentication Token'));
  const region = scope.region;
  return recordCall(ctx, 'organizations', name, region, start, () => {
    if (ctx.authProblem) {
      const refused = authFailure('organizations', ctx.authProblem);
      return fail(refused.code, refused.message, refused.status);
    }
    if (operation === null || !getOperation(organizationsModel, operation) || !Object.hasOwn(ORGANIZATIONS_OPERATIONS, operation)) {
      return fail('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target header)'}`);
    }
    const fault = pickFault(ctx.scenario, { service: 'organizations', operation, region, accountId: ctx.sim.accountId, session: roleSession(ctx) }, ctx.random);
    if (fault) return fail(fault.code, fault.message, fault.status);
    return callOperation(ctx, operation, body, fail, requestId);
  });
}
