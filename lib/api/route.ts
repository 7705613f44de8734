import 'server-only';
import { z } from 'zod';
import { describeZodError } from '@/lib/contracts/errors';

export { ApiError, errorResponse, toErrorResponse } from './errors';
import { ApiError, toErrorResponse } from './errors';
import { withCallerBudget } from './caller-budget';
import { parseJsonText, readLimitedText } from './body';

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Every route handler goes through this: errors become `{ error: { code, message } }` with the right status. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      // AWS calls a request causes are charged to its caller (a flood of reads gets a 429, not a flood of AWS calls).
      return await withCallerBudget(req, () => handler(req, ctx));
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Parse with a zod schema or answer 400 naming the problem. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ApiError(400, 'BadRequest', describeZodError(r.error));
  return r.data;
}

/** Reject query parameters the route does not know: a typo should not silently widen a view. */
export function rejectUnknownParams(url: URL, allowed: readonly string[]): void {
  const unknown = [...new Set([...url.searchParams.keys()].filter((k) => !allowed.includes(k)))];
  if (unknown.length) {
    throw new ApiError(400, 'BadRequest', `unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`);
  }
}

const RefreshSchema = z.object({
  refresh: z.enum(['1', 'true', '0', 'false']).optional().transform((v) => v === '1' || v === 'true'),
});

/** `?refresh=1` asks for fresh data from AWS instead of the cache. */
export function parseRefresh(url: URL): boolean {
  return parseOr400(RefreshSchema, { refresh: url.searchParams.get('refresh') ?? undefined }).refresh;
}

export const MAX_BODY = 256 * 1024;

/**
 * The JSON body, or a 4xx that says why it could not be read: 415 if not JSON, 413 past `maxBytes` (by Content-Length
 * at once, or as soon as a streamed body passes it), 400 if malformed or nested deeper than MAX_JSON_DEPTH. Action
 * routes that take node lists allow more bytes.
 */
export async function readJson(req: Request, maxBytes = MAX_BODY): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) throw new ApiError(415, 'UnsupportedMediaType', 'send the body as application/json');
  return parseJsonText(await readLimitedText(req, maxBytes));
}
