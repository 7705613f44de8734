/** The SSM endpoint (AWS JSON 1.1): auth, dispatch, faults, validation, fleet call, encoding. */
import { randomUUID } from 'node:crypto';
import { SimError } from '../fleet-sim';
import { pickFault } from '../scenarios';
import { authFailure } from './auth-errors';
import { recordCall, roleSession, type AwsContext, type CallStart } from './context';
import { AwsError } from './errors';
import { jsonError, jsonResponse, readTarget } from './protocol/json11';
import { getOperation, ssmModel } from './protocol/model';
import type { CredentialScope } from './protocol/sigv4';
import { validateInput } from './protocol/validate-input';
import { SSM_OPERATIONS } from './ssm-operations';

export const UNKNOWN_OPERATION = 'com.amazon.coral.service#UnknownOperationException';

type Fail = (code: string, message: string, status?: number, fields?: Record<string, unknown>) => Response;

function callOperation(ctx: AwsContext, region: string, operation: string, body: string, fail: Fail, requestId: string): Response {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return fail('SerializationException', 'Could not parse the request body as JSON.');
  }
  const check = validateInput(ssmModel, operation, input);
  if (!check.ok) return fail(check.code, check.message);
  const impl = Object.hasOwn(SSM_OPERATIONS, operation) ? SSM_OPERATIONS[operation] : undefined;
  if (!impl) return fail(UNKNOWN_OPERATION, `AmazonSSM.${operation} is in the SSM model but the simulated AWS does not implement it yet.`);
  try {
    return jsonResponse(impl(ctx.sim, region, input as Record<string, unknown>), requestId);
  } catch (err) {
    if (err instanceof SimError) return fail(err.code, err.message, 400, err.fields);
    if (err instanceof AwsError) return fail(err.code, err.message, err.status);
    console.error('[mock-aws] ssm', operation, err);
    return fail('InternalServerError', `The simulated AWS failed: ${(err as Error).message}`, 500);
  }
}

export function serveSsm(ctx: AwsContext, headers: Headers, scope: CredentialScope | null, body: string, start: CallStart): Promise<Response> {
  const requestId = randomUUID();
  const fail: Fail = (code, message, status = 400, fields) => jsonError(code, message, status, requestId, ssmModel, fields);
  const { target, operation } = readTarget(headers, 'AmazonSSM');
  const name = operation ?? (target || '(no X-Amz-Target)');
  if (!scope) {
    return recordCall(ctx, 'ssm', name, 'unsigned', start, () => fail('MissingAuthenticationTokenException', 'Missing Authentication Token'));
  }
  const region = scope.region;
  return recordCall(ctx, 'ssm', name, region, start, () => {
    // Credentials are checked before anything else, as AWS's front end does.
    if (ctx.authProblem) {
      const refused = authFailure('ssm', ctx.authProblem);
      return fail(refused.code, refused.message, refused.status);
    }
    if (operation === null || !getOperation(ssmModel, operation)) {
      return fail(UNKNOWN_OPERATION, `Unknown operation ${target || '(no X-Amz-Target header)'}`);
    }
    const fault = pickFault(ctx.scenario, { service: 'ssm', operation, region, accountId: ctx.sim.accountId, session: roleSession(ctx) }, ctx.random);
    if (fault) return fail(fault.code, fault.message, fault.status);
    return callOperation(ctx, region, operation, body, fail, requestId);
  });
}
