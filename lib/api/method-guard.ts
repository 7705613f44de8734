import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_METHODS } from './route-table';

/**
 * Next.js turns each request into a WHATWG `Request`, which refuses TRACE, TRACK and CONNECT ("'TRACE' HTTP method is
 * unsupported"): the server answers 500 before the proxy or any route runs. This answers any method outside
 * HTTP_METHODS with the JSON 405 first. Installed once per process from instrumentation.ts (Node.js runtime only).
 */
export function answerUnknownMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? '').toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(method)) return false;
  const body = JSON.stringify({ error: { code: 'MethodNotAllowed', message: `${method} is not allowed; allowed: ${HTTP_METHODS.join(', ')}` } });
  res.writeHead(405, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    allow: HTTP_METHODS.join(', '),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(body);
  return true;
}

let installed = false;

/** Wraps `http.Server#emit` so every server of the process (the one `next start` creates) runs the check first. */
export async function installMethodGuard(): Promise<void> {
  if (installed) return;
  installed = true;
  const http = await import('node:http');
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: InstanceType<typeof http.Server>, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && answerUnknownMethod(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
}
