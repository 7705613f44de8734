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

/** Dates become epoch seconds (fractional); undefined members are dropped. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

export function serializeJson(body: unknown): string {
  return JSON.stringify(body, replacer);
}

function headers(requestId: string): HeadersInit {
  return { 'content-type': JSON11_CONTENT_TYPE, 'x-amzn-RequestId': requestId };
}

export function jsonResponse(body: unknown, requestId: string): Response {
  return new Response(serializeJson(body ?? {}), { status: 200, headers: headers(requestId) });
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

export function jsonErrorBody(code: string, message: string, model?: ServiceModel): Record<string, string> {
  return { __type: code, [messageKey(model, code)]: message };
}

export function jsonError(code: string, message: string, status: number, requestId: string, model?: ServiceModel): Response {
  return new Response(JSON.stringify(jsonErrorBody(code, message, model)), { status, headers: headers(requestId) });
}
