/** Which fault (if any) a call meets, and the error AWS answers with for it. */
import { isMutatingOperation } from '../accounts/types';
import { callerArn } from '../fleet-sim/ops-items';
import type { Scenario } from './index';

export type FaultKind = 'outage' | 'denied' | 'throttled';

export interface Fault {
  kind: FaultKind;
  code: string;
  message: string;
  status: number;
}

export interface CallInfo {
  service: 'ssm' | 'ec2' | 'iam' | 'sts' | 'organizations';
  operation: string;
  region: string;
  /** The account the call is served for. */
  accountId: string;
  /** The resource the call names (IAM's AccessDenied message names it). */
  resource?: string;
  /**
   * A role session (its assumed-role ARN names the caller in denials; a ReadOnly role may not change anything).
   * Without it the caller is the simulated account's long-term identity, as before accounts existed.
   */
  session?: { arn: string; readOnly: boolean };
}

export function isDenied(scenario: Scenario, service: string, operation: string): boolean {
  return scenario.denyOperations.some((d) => d === '*' || d === `${service}:*` || d === `${service}:${operation}`);
}

function denied(call: CallInfo): Fault {
  // A role session is named by its assumed-role ARN; a long-term caller by the identity OpsItems written through
  // the API record as CreatedBy/LastModifiedBy (as before accounts existed).
  const user = call.session?.arn ?? callerArn(call.accountId);
  const action = `${call.service}:${call.operation}`;
  if (call.service === 'iam') {
    return {
      kind: 'denied', code: 'AccessDenied', status: 403,
      message: `User: ${user} is not authorized to perform: ${action} on resource: ${call.resource ?? `arn:aws:iam::${call.accountId}:*`} because no identity-based policy allows the ${action} action`,
    };
  }
  if (call.service === 'ssm') {
    return {
      kind: 'denied', code: 'AccessDeniedException', status: 400,
      message: `User: ${user} is not authorized to perform: ${action} on resource: arn:aws:ssm:${call.region}:${call.accountId}:* because no identity-based policy allows the ${action} action`,
    };
  }
  return {
    kind: 'denied', code: 'UnauthorizedOperation', status: 403,
    message: `You are not authorized to perform this operation. User: ${user} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  };
}

function outage(service: CallInfo['service']): Fault {
  switch (service) {
    case 'iam':
    case 'sts':
      return { kind: 'outage', code: 'ServiceUnavailable', message: 'Service is unable to handle request.', status: 503 };
    case 'organizations':
      return { kind: 'outage', code: 'ServiceException', message: "AWS Organizations can't complete your request because of an internal service error. Try again later.", status: 500 };
    case 'ssm':
      return { kind: 'outage', code: 'ServiceUnavailable', message: 'Service Unavailable', status: 503 };
    default:
      return { kind: 'outage', code: 'Unavailable', message: "The server is overloaded and can't handle the request.", status: 503 };
  }
}

function throttled(service: CallInfo['service']): Fault {
  switch (service) {
    case 'iam':
    case 'sts':
      return { kind: 'throttled', code: 'Throttling', message: 'Rate exceeded', status: 400 };
    case 'organizations':
      return { kind: 'throttled', code: 'TooManyRequestsException', message: "AWS Organizations can't complete your request because another request is already in progress. Try again later.", status: 400 };
    case 'ssm':
      return { kind: 'throttled', code: 'ThrottlingException', message: 'Rate exceeded', status: 400 };
    default:
      return { kind: 'throttled', code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 };
  }
}

/**
 * The fault for this call, checked in the order AWS would hit them: regional (or whole-account) outage,
 * then authorization (a read-only role's change, a denied operation), then throttling (`random` decides, so a
 * seeded source keeps runs reproducible).
 */
export function pickFault(scenario: Scenario, call: CallInfo, random: () => number): Fault | null {
  // IAM is signed for us-east-1: failing that region fails IAM too (its control plane lives there).
  if (scenario.failRegions.includes(call.region) || scenario.failAccounts.includes(call.accountId)) return outage(call.service);
  const readOnlyChange = call.session?.readOnly === true && ['ssm', 'ec2', 'iam'].includes(call.service) && isMutatingOperation(call.operation);
  if (readOnlyChange || isDenied(scenario, call.service, call.operation)) return denied(call);
  if (scenario.throttleRate > 0 && random() < scenario.throttleRate) return throttled(call.service);
  return null;
}
