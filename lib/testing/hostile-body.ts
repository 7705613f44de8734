/** Test helpers for hostile request bodies: streamed sizes whose reading is counted, and JSON POSTs to the dashboard. */
import { HOST } from './actions';

/** The chunk size a counting stream delivers. */
export const CHUNK = 64 * 1024;

/** A body of `total` bytes delivered in chunks, counting how many bytes the reader pulled. */
export function countingStream(total: number, byte = 0x20) {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      const n = Math.min(CHUNK, total - seen.pulled);
      seen.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(byte));
    },
  });
  return { stream, seen };
}

/** A same-origin JSON POST with this body (a stream is sent half-duplex). */
export function jsonRequest(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`http://${HOST}/api/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://${HOST}`, host: HOST, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}
