/** Which fault (if any) a call meets, and the error AWS answers with for it. */
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
  service: 'ssm' | 'ec2' | 'iam';
  operation: string;
  region: string;
  accountId: string;
  /** The resource the call names (IAM's AccessDenied message names it). */
  resource?: string;
}

export function isDenied(scenario: Scenario, service: string, operation: string): boolean {
  return scenario.denyOperations.some((d) => d === '*' || d === `${service}:*` || d === `${service}:${operation}`);
}

function denied(call: CallInfo): Fault {
  // The same caller identity OpsItems written through the API record as CreatedBy/LastModifiedBy.
  const user = callerArn(call.accountId);
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

/**
 * The fault for this call, checked in the order AWS would hit them: regional outage,
 * then authorization, then throttling (`random` decides, so a seeded source keeps runs reproducible).
 */
export function pickFault(scenario: Scenario, call: CallInfo, random: () => number): Fault | null {
  // IAM is signed for us-east-1: failing that region fails IAM too (its control plane lives there).
  if (scenario.failRegions.includes(call.region)) {
    if (call.service === 'iam') return { kind: 'outage', code: 'ServiceUnavailable', message: 'Service is unable to handle request.', status: 503 };
    return call.service === 'ssm'
      ? { kind: 'outage', code: 'ServiceUnavailable', message: 'Service Unavailable', status: 503 }
      : { kind: 'outage', code: 'Unavailable', message: "The server is overloaded and can't handle the request.", status: 503 };
  }
  if (isDenied(scenario, call.service, call.operation)) return denied(call);
  if (scenario.throttleRate > 0 && random() < scenario.throttleRate) {
    if (call.service === 'iam') return { kind: 'throttled', code: 'Throttling', message: 'Rate exceeded', status: 400 };
    return call.service === 'ssm'
      ? { kind: 'throttled', code: 'ThrottlingException', message: 'Rate exceeded', status: 400 }
      : { kind: 'throttled', code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 };
  }
  return null;
}
