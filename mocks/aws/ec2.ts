/** The EC2 endpoint (query in, XML out): auth, Action dispatch, faults, fleet call, encoding. */
import { randomUUID } from 'node:crypto';
import { SimError } from '../fleet-sim';
import { pickFault } from '../scenarios';
import { authFailure } from './auth-errors';
import { recordCall, roleSession, type AwsContext, type CallStart } from './context';
import { AwsError } from './errors';
import { EC2_OPERATIONS } from './ec2-operations';
import { decodeQuery, encodeXmlError, encodeXmlResponse, xmlResponse } from './protocol/ec2-query';
import { ec2Model, getOperation } from './protocol/model';
import type { CredentialScope } from './protocol/sigv4';

/** HTTP status of the EC2 error codes the simulated AWS produces. */
const STATUS: Record<string, number> = { AuthFailure: 401, UnauthorizedOperation: 403, DryRunOperation: 412, InternalError: 500, Unavailable: 503, RequestLimitExceeded: 503 };

function callOperation(ctx: AwsContext, region: string, action: string, params: URLSearchParams, fail: (code: string, message: string) => Response, requestId: string): Response {
  const impl = Object.hasOwn(EC2_OPERATIONS, action) ? EC2_OPERATIONS[action] : undefined;
  if (!impl) return fail('InvalidAction', `The action ${action} is in the EC2 model but the simulated AWS does not implement it yet.`);
  try {
    const input = decodeQuery(ec2Model, action, params);
    if (input.DryRun === true) return fail('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
    const output = impl(ctx.sim, region, input);
    return xmlResponse(encodeXmlResponse(ec2Model, action, output, requestId), 200, requestId);
  } catch (err) {
    if (err instanceof SimError || err instanceof AwsError) return fail(err.code, err.message);
    console.error('[mock-aws] ec2', action, err);
    return fail('InternalError', 'An internal error has occurred.');
  }
}

export function serveEc2(ctx: AwsContext, scope: CredentialScope | null, body: string, start: CallStart): Promise<Response> {
  const requestId = randomUUID();
  const fail = (code: string, message: string, status = STATUS[code] ?? 400) => xmlResponse(encodeXmlError(code, message, requestId), status, requestId);
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const name = action || '(no Action)';
  if (!scope) {
    return recordCall(ctx, 'ec2', name, 'unsigned', start, () => fail('AuthFailure', 'AWS was not able to validate the provided access credentials'));
  }
  const region = scope.region;
  return recordCall(ctx, 'ec2', name, region, start, () => {
    if (ctx.authProblem) {
      const refused = authFailure('ec2', ctx.authProblem);
      return fail(refused.code, refused.message, refused.status);
    }
    if (!getOperation(ec2Model, action)) return fail('InvalidAction', `The action ${action} is not valid for this web service.`);
    const fault = pickFault(ctx.scenario, { service: 'ec2', operation: action, region, accountId: ctx.sim.accountId, session: roleSession(ctx) }, ctx.random);
    if (fault) return fail(fault.code, fault.message, fault.status);
    return callOperation(ctx, region, action, params, fail, requestId);
  });
}
