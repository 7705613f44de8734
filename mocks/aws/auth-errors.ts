/**
 * How each service refuses credentials, as AWS words it:
 *  - JSON services (SSM, Organizations): ExpiredTokenException / UnrecognizedClientException, HTTP 400.
 *  - EC2: RequestExpired (its documented code for expired temporary credentials, "Request has expired.", 400) /
 *    AuthFailure (401).
 *  - Query services (IAM, STS): ExpiredToken / InvalidClientTokenId, HTTP 403.
 */
import type { AuthProblem } from '../accounts/identity';

export interface AuthFailure {
  code: string;
  message: string;
  status: number;
}

const EXPIRED = 'The security token included in the request is expired';
const INVALID = 'The security token included in the request is invalid.';

export function authFailure(service: 'ssm' | 'ec2' | 'iam' | 'sts' | 'organizations', problem: AuthProblem): AuthFailure {
  switch (service) {
    case 'ec2':
      return problem === 'expired'
        ? { code: 'RequestExpired', message: 'Request has expired.', status: 400 }
        : { code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials', status: 401 };
    case 'iam':
    case 'sts':
      return problem === 'expired'
        ? { code: 'ExpiredToken', message: EXPIRED, status: 403 }
        : { code: 'InvalidClientTokenId', message: INVALID, status: 403 };
    default:
      return problem === 'expired'
        ? { code: 'ExpiredTokenException', message: EXPIRED, status: 400 }
        : { code: 'UnrecognizedClientException', message: INVALID, status: 400 };
  }
}
