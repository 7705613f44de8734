import 'server-only';
import { z } from 'zod';
import { describeZodError, type ApiErrorBody } from '@/lib/contracts/errors';
import { AwsError, isAuthError } from '@/lib/aws/errors';
import { describeAwsError } from '@/lib/aws/describe-error';
import { ConfigError } from '@/lib/aws/config';
import { DomainError } from '@/lib/errors';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = { invalid: 400, 'not-found': 404, conflict: 409, unavailable: 503 };

/** An error a route answers with on purpose: status, machine code, human message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** Map anything thrown to the one envelope. Unknown failures are logged and answered without internals. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.code, err.message, err.headers);
  if (err instanceof DomainError) return errorResponse(DOMAIN_STATUS[err.kind], err.code, err.message);
  if (err instanceof z.ZodError) return errorResponse(400, 'BadRequest', describeZodError(err));
  if (err instanceof ConfigError) return errorResponse(503, err.code, err.message);
  if (err instanceof AwsError) {
    // AWS refusing the dashboard is not the caller's fault: a gateway error naming the operation and a plain reason.
    // AWS's own text (account, role ARN) went to the server log when the error was mapped (lib/aws/errors.ts), never here:
    // this answer may go to any viewer, and route() does not know who asks.
    const status = isAuthError(err) ? 502 : err.status === 429 ? 503 : err.status;
    return errorResponse(status, err.code, describeAwsError(err, 'viewer'), status === 503 ? { 'retry-after': '5' } : {});
  }
  console.error('[api] unexpected error:', err);
  return errorResponse(500, 'InternalError', 'Unexpected server error; see the server log.');
}

