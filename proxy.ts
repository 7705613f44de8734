import { NextResponse, type NextRequest } from 'next/server';
import { allowOf, builtRouteTable, HTTP_METHODS, matchRoute, type RouteTable } from '@/lib/api/route-table';
import { RUN_BODY_LIMIT } from '@/app/api/runs/limits';

/**
 * Every request passes here first (Next.js 16's proxy, formerly middleware). It does two things no route can:
 * 1. Security headers on every answer, with a fresh CSP nonce that Next.js puts on its own scripts.
 * 2. Refuses what Next.js itself would answer with an empty body or a 500 before any route code runs: malformed
 *    percent-encoding in the path, unknown methods (TRACE), methods a route does not export, over-long URLs and
 *    headers, and bodies larger than any route takes. Under /api the answer is the JSON error envelope.
 */

/** Longer URLs get 414, larger header sets 431. Node's own limit (16 KiB for all headers) answers past that, with no body. */
export const MAX_URL_LENGTH = 8 * 1024;
export const MAX_HEADER_BYTES = 12 * 1024;
/** No route takes more: refuse by Content-Length before the body is read (routes check their own smaller limits). */
export const MAX_ANY_BODY = RUN_BODY_LIMIT;

const PAGE_METHODS = ['GET', 'HEAD'];

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // Next.js puts the nonce on its scripts; 'strict-dynamic' lets those load the chunks they import.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (virtualized tables, recharts, progress bars) into server HTML: inline styles stay.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: browsers then send `Origin: null` on same-origin POSTs, which the action gate refuses.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function envelope(status: number, code: string, message: string, headers: Record<string, string>): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function headerBytes(headers: Headers): number {
  let n = 0;
  headers.forEach((value, name) => (n += name.length + value.length + 4));
  return n;
}

type Refusal = { status: number; code: string; message: string; allow?: string[] };

/** Why this request is refused before routing, or undefined to let it through. */
export function refusalOf(req: Request, table: RouteTable): Refusal | undefined {
  const url = new URL(req.url);
  const api = url.pathname === '/api' || url.pathname.startsWith('/api/');
  const method = req.method.toUpperCase();
  const route = api ? matchRoute(table, url.pathname) : undefined;
  const allow = api ? (route ? allowOf(table[route]) : [...HTTP_METHODS]) : PAGE_METHODS;
  if (!(HTTP_METHODS as readonly string[]).includes(method) || (!api && method !== 'POST' && !allow.includes(method))) {
    return { status: 405, code: 'MethodNotAllowed', message: `${method} is not allowed here; allowed: ${allow.join(', ')}`, allow };
  }
  if (req.url.length > MAX_URL_LENGTH) return { status: 414, code: 'UriTooLong', message: `the URL is longer than ${MAX_URL_LENGTH} characters` };
  if (headerBytes(req.headers) > MAX_HEADER_BYTES) {
    return { status: 431, code: 'HeadersTooLarge', message: `the request headers are larger than ${MAX_HEADER_BYTES / 1024} KiB` };
  }
  if (malformedPath(url.pathname)) return { status: 400, code: 'BadRequest', message: 'the path is not valid percent-encoding' };
  if (route && !allow.includes(method)) {
    return { status: 405, code: 'MethodNotAllowed', message: `${method} is not allowed on ${route}; allowed: ${allow.join(', ')}`, allow };
  }
  const length = req.headers.get('content-length');
  if (length && Number(length) > MAX_ANY_BODY) {
    return { status: 413, code: 'BodyTooLarge', message: `the body is larger than ${MAX_ANY_BODY / 1024 / 1024} MiB` };
  }
  return undefined;
}

export function proxy(req: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const security = securityHeaders(nonce);
  const refusal = refusalOf(req, builtRouteTable());
  const api = req.nextUrl.pathname === '/api' || req.nextUrl.pathname.startsWith('/api/');
  if (refusal && (api || refusal.status !== 400)) {
    const allow: Record<string, string> = refusal.allow ? { allow: refusal.allow.join(', ') } : {};
    return envelope(refusal.status, refusal.code, refusal.message, { ...security, ...allow });
  }
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', security['Content-Security-Policy']);
  let res: NextResponse;
  if (refusal) {
    // A page address Next.js cannot decode: the app's own "not found" page (in the layout) says so, instead of a raw 500.
    requestHeaders.set('x-bad-address', '1');
    res = NextResponse.rewrite(new URL('/_bad-address', req.url), { status: 400, request: { headers: requestHeaders } });
  } else {
    res = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Everything but build assets (next.config.ts gives those their headers).
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
