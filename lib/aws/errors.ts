import 'server-only';

/** Every failure of an AWS call, mapped once: a code, an HTTP status for our API, and whether a retry may help. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryable: boolean,
    readonly context: { service?: string; operation?: string; region?: string; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

const AUTH = new Set([
  'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthFailure', 'UnrecognizedClientException',
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'MissingAuthenticationTokenException',
  'MissingAuthenticationToken', 'InvalidSignatureException', 'OpsItemAccessDeniedException',
]);
const THROTTLE = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled']);
const NOT_FOUND = new Set(['InvalidInstanceID.NotFound', 'InvalidInstanceId', 'InvalidResourceId', 'OpsItemNotFoundException', 'InvalidCommandId', 'InvocationDoesNotExist', 'DoesNotExistException', 'OpsItemRelatedItemAssociationNotFoundException']);
const BAD_INPUT = new Set(['ValidationException', 'InvalidParameterValue', 'InvalidParameterCombination', 'InvalidFilterKey', 'InvalidInstanceInformationFilterValue', 'InvalidNextToken', 'InvalidInstanceID.Malformed', 'InvalidFilter', 'OpsItemInvalidParameterException']);
const CONFLICT = new Set(['OpsItemConflictException', 'OpsItemLimitExceededException', 'OpsItemAlreadyExistsException', 'OpsItemRelatedItemAlreadyExistsException']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout', 'EHOSTUNREACH']);

type SdkLikeError = {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: 'client' | 'server';
};

export function toAwsError(err: unknown, context: AwsError['context'] = {}): AwsError {
  if (err instanceof AwsError) return err;
  const e = (err ?? {}) as SdkLikeError;
  const name = e.name === 'Error' && e.code ? e.code : e.name ?? 'Error';
  const message = e.message || name;
  const ctx = { ...context, requestId: e.$metadata?.requestId };
  const httpStatus = e.$metadata?.httpStatusCode;

  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new AwsError('CredentialsMissing', 'No AWS credentials were found by the default credential provider chain.', 401, false, ctx);
  }
  if (/Region is missing/i.test(message)) return new AwsError('RegionMissing', 'No AWS region is configured.', 500, false, ctx);
  if (AUTH.has(name)) return new AwsError(name, message, 403, false, ctx);
  if (THROTTLE.has(name)) return new AwsError(name, message, 429, true, ctx);
  if (NOT_FOUND.has(name)) return new AwsError(name, message, 404, false, ctx);
  if (BAD_INPUT.has(name)) return new AwsError(name, message, 400, false, ctx);
  if (CONFLICT.has(name)) return new AwsError(name, message, 409, false, ctx);
  if (NETWORK.has(name) || NETWORK.has(e.code ?? '')) {
    return new AwsError('EndpointUnreachable', `AWS endpoint unreachable: ${message}`, 503, true, ctx);
  }
  if (e.$fault === 'server' || (httpStatus !== undefined && httpStatus >= 500)) {
    return new AwsError(name, message, 503, true, ctx);
  }
  return new AwsError(name, message, httpStatus && httpStatus >= 400 && httpStatus < 500 ? 400 : 502, false, ctx);
}

export function isAuthError(e: AwsError): boolean {
  return e.code === 'CredentialsMissing' || AUTH.has(e.code);
}

/** Run one AWS operation and map its failure. */
export async function call<T>(context: AwsError['context'], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAwsError(err, context);
  }
}
