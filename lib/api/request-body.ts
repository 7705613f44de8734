import 'server-only';
import { createHash } from 'node:crypto';

/**
 * What a refused attempt's audit record keeps of its body: its size and a SHA-256 of its bytes, never the body. The
 * body reader (readJson) hands over the bytes it read; the hash is computed only if the request is refused.
 */
const bodies = new WeakMap<Request, Uint8Array | string>();

/** Called by the body reader with the bytes it read (kept only as long as the request object). */
export function rememberRequestBody(req: Request, bytes: Uint8Array | string): void {
  bodies.set(req, bytes);
}

export interface BodySummary {
  /** Bytes read, else the declared Content-Length, else null (no body, or not read and not declared). */
  bytes: number | null;
  /** SHA-256 (hex) of the bytes read; null when the body was not read. */
  sha256: string | null;
}

export function requestBodySummary(req: Request): BodySummary {
  const body = bodies.get(req);
  if (body !== undefined) {
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return { bytes, sha256: createHash('sha256').update(body).digest('hex') };
  }
  const declared = req.headers.get('content-length');
  return { bytes: declared && /^\d{1,15}$/.test(declared.trim()) ? Number(declared) : null, sha256: null };
}
