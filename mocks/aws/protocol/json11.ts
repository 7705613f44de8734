/**
 * AWS JSON 1.1 (SSM): `X-Amz-Target: AmazonSSM.<Operation>` dispatch, JSON bodies,
 * timestamps as epoch seconds, errors as `{"__type": "<Code>", "message": "..."}`.
 */
import { getShape, type ServiceModel } from './model';

export const JSON11_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The operation named by X-Amz-Target if it has the service's prefix, else null. */
export function readTarget(headers: Headers, targetPrefix: string): { target: string; operation: string | null } {
  const target = headers.get('x-amz-target') ?? '';
  const dot = target.indexOf('.');
  const prefix = dot < 0 ? '' : target.slice(0, dot);
  return { target, operation: prefix === targetPrefix ? target.slice(dot + 1) : null };
}

/**
 * A Date that serializes as epoch seconds (fractional), as JSON 1.1 timestamps must be.
 * Output builders use it for every timestamp, so bodies serialize with the fast native
 * JSON.stringify (a plain Date would become an ISO string, which makes the SDK throw;
 * the contract tests catch that).
 */
export class EpochSeconds extends Date {}
Object.defineProperty(EpochSeconds.prototype, 'toJSON', {
  value(this: Date): number {
    return this.getTime() / 1000;
  },
});

export const epochSeconds = (ms: number): Date => new EpochSeconds(ms);

/** Undefined members are dropped. */
export function serializeJson(body: unknown): string {
  return JSON.stringify(body);
}

const rawBodies = new WeakMap<Response, string>();

/** The body text a simulated AWS response was built from (lets the HTTP server skip reading the stream). */
export function rawBody(response: Response): string | undefined {
  return rawBodies.get(response);
}

export function textResponse(body: string, status: number, headers: HeadersInit): Response {
  const response = new Response(body, { status, headers });
  rawBodies.set(response, body);
  return response;
}

function headers(requestId: string): HeadersInit {
  return { 'content-type': JSON11_CONTENT_TYPE, 'x-amzn-RequestId': requestId };
}

export function jsonResponse(body: unknown, requestId: string): Response {
  return textResponse(serializeJson(body ?? {}), 200, headers(requestId));
}

/**
 * The name of the message member: the error shape's own (`Message` or `message`) when
 * the trimmed model defines one, else `message` (as AWS's front end sends for common errors such
 * as ThrottlingException; the SDK reads either).
 */
function messageKey(model: ServiceModel | undefined, code: string): string {
  const members = model?.shapes[code] ? getShape(model, code).members : undefined;
  if (members && 'Message' in members) return 'Message';
  return 'message';
}

/** The error body; `fields` are the error shape's other members (ParameterNames, OpsItemId, ...), undefined ones dropped. */
export function jsonErrorBody(code: string, message: string, model?: ServiceModel, fields?: Record<string, unknown>): Record<string, unknown> {
  return { __type: code, [messageKey(model, code)]: message, ...fields };
}

export function jsonError(code: string, message: string, status: number, requestId: string, model?: ServiceModel, fields?: Record<string, unknown>): Response {
  return textResponse(JSON.stringify(jsonErrorBody(code, message, model, fields)), status, headers(requestId));
}
