/**
 * Thousands of malformed requests across every /api route, through the proxy and then the route handler as Next.js
 * would call them: bad encodings, methods, sizes, JSON depth, unicode, traversal. No answer is a 5xx, and every answer
 * that is not a success is the JSON error envelope.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { ApiErrorBodySchema } from '@/lib/contracts/errors';
import { installMockAws } from '@/lib/testing/mock-aws';
import { HOST, freshKey, useTempDataDir } from '@/lib/testing/actions';
import { scanApiRoutes } from './scan-routes';
import { matchRoute, HTTP_METHODS } from './route-table';
import { proxy } from '@/proxy';

installMockAws({ nodes: 40, timeSpeed: 0 });
const APP = path.join(process.cwd(), 'app');
const table = scanApiRoutes(APP);
process.env.API_ROUTE_METHODS = JSON.stringify(table); // as next.config.ts bakes it into the build

/** A tiny seeded generator, so a failure names a reproducible case. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const SEGMENTS = ['%E0', '%', '%25', '%C0%AF', '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', 'i-0123456789abcdef0', 'r-x', 'oi-0123456789ab',
  '%00', '💥', 'ｉ-０', 'a'.repeat(300), '%F0%9F%92%A5', 'AWS-RunShellScript', '%u0041', ';DROP', '\u202e', '%FF%FE'];
const QUERIES = ['', '?refresh=1', '?refresh=%E0', '?x=%', '?ping=%00', '?limit=-1', '?limit=1e309', '?cursor=%FF', `?q=${'x'.repeat(3000)}`, '?node=..%2F'];
const nested = (d: number) => '['.repeat(d) + ']'.repeat(d);
const BODIES: (string | null)[] = [null, '', '{', 'null', '[]', '"x"', '{"a":1}', nested(5000), `{"nodeIds":${nested(100)}}`, '{"document":"\u0000"}',
  '{"targets":{"mode":"nodes","nodeIds":["../../x"]}}', JSON.stringify({ title: '💥'.repeat(1000) }), '\uFEFF{}', '{"__proto__":{"x":1}}'];

function routeFile(pattern: string): string {
  return path.join(APP, ...pattern.split('/').filter(Boolean), 'route.ts');
}

function paramsOf(pattern: string, pathname: string): Record<string, string> {
  const segs = pattern.split('/').filter(Boolean);
  const parts = pathname.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  segs.forEach((s, i) => {
    if (s.startsWith('[')) params[s.slice(1, -1)] = parts[i];
  });
  return params;
}

const modules = new Map<string, Record<string, unknown>>();

async function send(method: string, url: string, body: string | null, headers: Record<string, string>): Promise<Response> {
  const init = { method, headers: { host: HOST, ...headers }, body: body === null || method === 'GET' || method === 'HEAD' ? undefined : body };
  const req = new NextRequest(`http://${HOST}${url}`, init);
  const gate = proxy(req);
  if (gate.status !== 200 || gate.headers.get('x-middleware-rewrite')) return gate;
  const pathname = new URL(req.url).pathname;
  const pattern = matchRoute(table, pathname) ?? '/api/[...path]';
  if (!modules.has(pattern)) modules.set(pattern, await import(routeFile(pattern)));
  const mod = modules.get(pattern)!;
  const handler = (mod[method] ?? (method === 'HEAD' ? mod.GET : undefined)) as ((r: Request, c: unknown) => Promise<Response>) | undefined;
  if (!handler) return new Response(null, { status: method === 'OPTIONS' ? 204 : 405 });
  const params = pattern === '/api/[...path]' ? { path: pathname.split('/').slice(2) } : paramsOf(pattern, pathname);
  return handler(new Request(req.url, { ...init, headers: req.headers }), { params: Promise.resolve(params) });
}

describe('fuzzing every /api route', () => {
  beforeAll(() => {
    useTempDataDir();
    process.env.DEMO_MODE = '1';
    process.env.DASHBOARD_MODE = 'operator';
  });

  it('answers thousands of malformed requests without a 5xx, with the JSON envelope', async () => {
    const next = rng(9);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const patterns = Object.keys(table);
    const failures: string[] = [];
    let count = 0;
    for (let i = 0; i < 2500; i++) {
      const pattern = pick(patterns);
      const pathname = pattern.replace(/\[[^\]]+\]/g, () => pick(SEGMENTS)) + (next() < 0.1 ? `/${pick(SEGMENTS)}` : '');
      const url = pathname + pick(QUERIES);
      const method = next() < 0.5 ? pick(['GET', 'POST']) : pick(HTTP_METHODS);
      const body = pick(BODIES);
      const headers: Record<string, string> = {
        'content-type': next() < 0.8 ? 'application/json' : pick(['text/plain', 'application/json; charset=utf-16', '']),
        origin: next() < 0.7 ? `http://${HOST}` : 'http://evil.test',
        // Header values are bytes: text beyond Latin-1 cannot be sent at all.
        'idempotency-key': next() < 0.7 ? freshKey() : pick(['', 'Ã©\u00ff', 'x'.repeat(500)]),
      };
      if (next() < 0.05) headers['content-length'] = pick(['999999999', '-1', 'abc']);
      const label = `${method} ${url.slice(0, 120)} body=${(body ?? 'none').slice(0, 40)}`;
      let res: Response;
      try {
        res = await send(method, url, body, headers);
      } catch (err) {
        failures.push(`${label}: threw ${(err as Error).message}`);
        continue;
      }
      count++;
      if (res.status >= 500) failures.push(`${label}: ${res.status} ${await res.text().catch(() => '')}`);
      else if (res.status >= 400 && method !== 'HEAD') {
        const parsed = ApiErrorBodySchema.safeParse(await res.json().catch(() => null));
        if (!parsed.success) failures.push(`${label}: ${res.status} without the envelope`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(count).toBeGreaterThan(2000);
  }, 600_000);
});
