import 'server-only';
import { rememberRequestBody } from './request-body';
import { ApiError } from './errors';

/** Deeper JSON than this is refused: no request of this API nests past a handful of levels. */
export const MAX_JSON_DEPTH = 32;

const describeLimit = (maxBytes: number) =>
  `the body is larger than ${maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes / 1024} KiB`}`;

/**
 * The body as UTF-8 text, never holding more than `maxBytes` (plus one chunk) in memory: a declared Content-Length
 * over the limit is refused before a byte is read, and a streamed (chunked) body is cancelled as soon as it passes
 * the limit.
 */
export async function readLimitedText(req: Request, maxBytes: number): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && !/^\d+$/.test(declared.trim())) throw new ApiError(400, 'BadRequest', 'the Content-Length header is not a number');
  if (declared !== null && Number(declared) > maxBytes) throw new ApiError(413, 'BodyTooLarge', describeLimit(maxBytes));
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel('body too large').catch(() => {});
        throw new ApiError(413, 'BodyTooLarge', describeLimit(maxBytes));
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  rememberRequestBody(req, bytes); // a refused attempt's audit record keeps its size and hash, never the body
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'BadRequest', 'the body is not valid UTF-8');
  }
}

/**
 * How deeply the JSON text nests arrays and objects, counted without recursion (brackets inside strings do not
 * count). Stops as soon as `limit` is passed, so a hostile body costs one linear scan.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse, refusing nesting deeper than `maxDepth` first: later code (audit, zod, logging) may recurse. */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepthExceeds(text, maxDepth)) throw new ApiError(400, 'BadRequest', `the body nests deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'BadRequest', 'the body is not valid JSON');
  }
}
