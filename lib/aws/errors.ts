import 'server-only';

import { logAwsFailure, plainReason, type AwsFailure, type ReasonKind } from './describe-error';

/**
 * Every failure of an AWS call, mapped once: a code, an HTTP status for our API, and whether a retry may help.
 * `message` is a plain-language reason, safe for any viewer (see describe-error.ts); `detail` is AWS's own text,
 * which names the account and the caller's role, for the server log only.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryable: boolean,
    readonly context: { service?: string; operation?: string; region?: string; account?: string; requestId?: string } = {},
    readonly detail?: string,
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
const NOT_FOUND = new Set(['InvalidInstanceID.NotFound', 'NoSuchEntity', 'NoSuchEntityException', 'InvalidInstanceId', 'InvalidResourceId', 'OpsItemNotFoundException', 'InvalidCommandId', 'InvocationDoesNotExist', 'DoesNotExistException', 'OpsItemRelatedItemAssociationNotFoundException']);
const BAD_INPUT = new Set(['ValidationException', 'InvalidParameterValue', 'InvalidParameterCombination', 'InvalidFilterKey', 'InvalidInstanceInformationFilterValue', 'InvalidNextToken', 'InvalidInstanceID.Malformed', 'InvalidFilter', 'OpsItemInvalidParameterException']);
const CONFLICT = new Set(['OpsItemConflictException', 'OpsItemLimitExceededException', 'OpsItemAlreadyExistsException', 'OpsItemRelatedItemAlreadyExistsException']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout', 'EHOSTUNREACH']);

type SdkLikeError = {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: 'client' | 'server';
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
};

/**
 * The answer did not come from AWS: a body the SDK could not parse (HTML from a proxy, plain text), or one without an
 * AWS error code (an emulator that lacks the operation answers `{"message": ...}`, the SDK then says `Unknown`).
 */
function isNonAwsBody(e: SdkLikeError, name: string, message: string): boolean {
  if (e.$metadata?.httpStatusCode === undefined) return false;
  return name === 'SyntaxError' || /Deserialization error|XML parse error/i.test(message) || name === 'Unknown' || name === 'UnknownError';
}

function classify(e: SdkLikeError, name: string, message: string): { kind: ReasonKind; code: string; status: number; retryable: boolean } {
  const httpStatus = e.$metadata?.httpStatusCode;
  const is = (kind: ReasonKind, status: number, retryable = false, code = name) => ({ kind, code, status, retryable });
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) return is('credentials', 401, false, 'CredentialsMissing');
  if (/Region is missing/i.test(message)) return is('region', 500, false, 'RegionMissing');
  if (AUTH.has(name)) return is('auth', 403);
  if (THROTTLE.has(name)) return is('throttle', 429, true);
  if (NOT_FOUND.has(name)) return is('not-found', 404);
  if (BAD_INPUT.has(name)) return is('bad-input', 400);
  if (CONFLICT.has(name)) return is('conflict', 409);
  if (NETWORK.has(name) || NETWORK.has(e.code ?? '')) return is('network', 503, true, 'EndpointUnreachable');
  // A gateway's answer, not AWS's: retry a 5xx (a proxy's 502 page passes), not a 4xx (the operation is missing there).
  if (isNonAwsBody(e, name, message)) return is('non-aws', httpStatus! >= 500 ? 503 : 502, httpStatus! >= 500, 'NonAwsResponse');
  if (e.$fault === 'server' || (httpStatus !== undefined && httpStatus >= 500)) return is('server', 503, true);
  return is('other', httpStatus && httpStatus >= 400 && httpStatus < 500 ? 400 : 502);
}

export function toAwsError(err: unknown, context: AwsError['context'] = {}): AwsError {
  if (err instanceof AwsError) return err;
  const e = (err ?? {}) as SdkLikeError;
  const name = e.name === 'Error' && e.code ? e.code : e.name ?? 'Error';
  const raw = e.message || name;
  const c = classify(e, name, raw);
  const failure: AwsFailure = {
    code: c.code, name, raw, httpStatus: e.$metadata?.httpStatusCode ?? e.$response?.statusCode,
    contentType: e.$response?.headers?.['content-type'], local: !e.$metadata, context,
  };
  const mapped = new AwsError(c.code, plainReason(failure, c.kind), c.status, c.retryable, { ...context, requestId: e.$metadata?.requestId }, raw);
  logAwsFailure(mapped);
  return mapped;
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
