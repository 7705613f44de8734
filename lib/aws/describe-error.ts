import 'server-only';
import type { SourceError } from '@/lib/contracts/node';

/**
 * What an AWS failure says to whom. AWS's own error text names the caller (`User: arn:aws:sts::123456789012:
 * assumed-role/DashboardRole/i-0abc is not authorized...`), so it never reaches the browser: every AwsError carries a
 * plain-language reason as its message (safe for any viewer, built here from the code) and AWS's text as `detail`,
 * which only the server log gets.
 */
export type Audience = 'viewer' | 'operator';

export interface AwsFailure {
  code: string;
  /** The SDK error's name before mapping (AccessDeniedException, SyntaxError, ECONNREFUSED...). */
  name: string;
  /** AWS's (or the network's) own text. */
  raw: string;
  httpStatus?: number;
  contentType?: string;
  /** No HTTP answer at all: a local failure (page cap, bad input to our gateway), whose text is our own. */
  local: boolean;
  context: { service?: string; operation?: string; region?: string };
}

const ARN = /\barn:aws[a-z-]*:([a-z0-9-]*):([a-z0-9-]*):(\d{12})?:([^\s"',;)]+)/gi;
const ACCOUNT = /(?<![\d-])\d{12}(?![\d-])/g;
const ACCESS_KEY = /\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;

/**
 * AWS text with the caller taken out: account IDs, IAM/STS identities (role, user and session names) and access key IDs.
 * Other ARNs keep their service, region and resource (an instance ID helps), only the account goes.
 */
export function redactAwsText(text: string): string {
  return text
    .replace(ARN, (_m, service: string, region: string, account: string | undefined, resource: string) => {
      const acct = account ? '<account>' : '';
      const identity = service === 'iam' || service === 'sts';
      return `arn:aws:${service}:${region}:${acct}:${identity ? '<identity>' : resource}`;
    })
    .replace(ACCESS_KEY, '<access-key>')
    .replace(ACCOUNT, '<account>');
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'AuthFailure', 'InvalidSignatureException',
  'MissingAuthenticationTokenException', 'MissingAuthenticationToken',
]);

/** `ssm:DescribeInstancePatchStates`, or null when the call is not known. */
export function operationOf(ctx: AwsFailure['context']): string | null {
  return ctx.operation ? `${ctx.service ? `${ctx.service}:` : ''}${ctx.operation}` : null;
}

/** `ssm:DescribeInstancePatchStates in eu-west-1`, or ''. */
export function whereOf(ctx: AwsFailure['context']): string {
  return [operationOf(ctx), ctx.region].filter(Boolean).join(' in ');
}

export type ReasonKind = 'credentials' | 'region' | 'auth' | 'throttle' | 'not-found' | 'bad-input' | 'conflict' | 'network' | 'non-aws' | 'server' | 'other';

/** The plain-language reason for one failure, without the operation (the caller says where). Never AWS's own words, except redacted for input errors. */
export function plainReason(f: AwsFailure, kind: ReasonKind): string {
  const op = operationOf(f.context) ?? 'this operation';
  switch (kind) {
    case 'credentials':
      return 'No AWS credentials were found by the default credential provider chain.';
    case 'region':
      return 'No AWS region is configured.';
    case 'auth':
      if (EXPIRED.has(f.code)) return `The dashboard's AWS credentials have expired (${f.code}); renew them (for SSO: aws sso login).`;
      if (BAD_CREDENTIALS.has(f.code)) return `AWS did not accept the dashboard's credentials (${f.code}): the access key is unknown, or the secret or clock is wrong.`;
      return `AWS denied access (${f.code}): the dashboard's identity is not authorized to perform: ${op}. Grant it in that identity's IAM policy.`;
    case 'throttle':
      return `AWS throttled the dashboard's calls (${f.code}) and retries did not get through; try again shortly.`;
    case 'network':
      return `The AWS endpoint could not be reached (${f.name}).`;
    case 'non-aws':
      return `The endpoint answered HTTP ${f.httpStatus ?? '?'} with a non-AWS body${f.contentType ? ` (${f.contentType.split(';')[0].trim()})` : ''}: something other than AWS (a proxy, or an emulator without ${op}) answered.`;
    case 'server':
      return `AWS answered with a service error (${f.code}); this is usually temporary.`;
    case 'not-found':
    case 'bad-input':
    case 'conflict':
      // These describe the request (an ID, a value): AWS's words help, with the caller taken out.
      return redactAwsText(f.raw || f.code);
    case 'other':
      return f.local ? redactAwsText(f.raw) : `AWS refused the call (${f.code}); the server log has AWS's full answer.`;
  }
}

/**
 * One failure as a sentence for its audience. Viewers: where it failed and the plain reason. Operators (the server log,
 * and any operator-only surface): the same, plus AWS's own text and request ID.
 */
export function describeAwsError(
  e: { code: string; message: string; detail?: string; context: AwsFailure['context'] & { requestId?: string } },
  audience: Audience = 'viewer',
): string {
  const where = whereOf(e.context);
  const plain = where ? `${where}: ${e.message}` : e.message;
  if (audience === 'viewer' || !e.detail || e.detail === e.message) return plain;
  return `${plain} — AWS said: ${e.detail}${e.context.requestId ? ` (request ${e.context.requestId})` : ''}`;
}

/**
 * One failed source of a page's data (fleet, patching, inventory...), as every region status carries it: the plain
 * reason, with what the caller adds (`3 of 7 batches failed`).
 */
export function toSourceError(source: string, e: { code: string; message: string }, detail = ''): SourceError {
  return { source, code: e.code, message: detail ? `${detail}: ${e.message}` : e.message };
}

const LOG_WINDOW_MS = 60_000;
const logged = new Map<string, number>();

/** AWS's own text for the server log, once a minute per code and call, so an outage does not flood it. */
export function logAwsFailure(e: Parameters<typeof describeAwsError>[0], now = Date.now()): void {
  if (!e.detail || e.detail === e.message) return;
  const key = `${e.code}|${whereOf(e.context)}`;
  const last = logged.get(key);
  if (last !== undefined && now - last < LOG_WINDOW_MS) return;
  if (logged.size > 1000) logged.clear();
  logged.set(key, now);
  console.warn(`[aws] ${describeAwsError(e, 'operator')}`);
}

/** Tests: log every failure again. */
export function resetAwsFailureLog(): void {
  logged.clear();
}
