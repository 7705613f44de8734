/** The proxy's route table and refusals: built from app/api, matching Next.js's precedence, answering before routing. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { scanApiRoutes } from './scan-routes';
import { allowOf, HTTP_METHODS, matchRoute } from './route-table';
import { proxy, refusalOf } from '@/proxy';

const APP = path.join(process.cwd(), 'app');
const table = scanApiRoutes(APP);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
  );
}

describe('the build-time route table', () => {
  it('lists exactly the methods each route module exports', async () => {
    const files = routeFiles(path.join(APP, 'api'));
    expect(Object.keys(table)).toHaveLength(files.length);
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === 'function').sort();
      const pattern = '/' + path.relative(APP, path.dirname(file)).split(path.sep).join('/');
      expect(table[pattern], pattern).toEqual(exported);
    }
  }, 120_000);

  it('matches paths as Next.js does: static segments first, catch-alls never', () => {
    expect(matchRoute(table, '/api/runs/preview')).toBe('/api/runs/preview');
    expect(matchRoute(table, '/api/runs/r-123')).toBe('/api/runs/[id]');
    expect(matchRoute(table, '/api/nodes/i-1/patches')).toBe('/api/nodes/[id]/patches');
    expect(matchRoute(table, '/api/no/such')).toBeUndefined();
    expect(allowOf(['GET', 'PATCH'])).toEqual(['GET', 'HEAD', 'OPTIONS', 'PATCH']);
  });
});

const req = (url: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => new NextRequest(`http://dash.test${url}`, init);

describe('the proxy', () => {
  it('refuses malformed paths, wrong methods, over-long URLs and headers, and oversized bodies', () => {
    expect(refusalOf(req('/api/nodes/%E0'), table)).toMatchObject({ status: 400 });
    expect(refusalOf(req('/runs/%E0'), table)).toMatchObject({ status: 400 });
    expect(refusalOf(req('/api/nodes', { method: 'POST', body: '{}' }), table)).toMatchObject({ status: 405, allow: ['GET', 'HEAD', 'OPTIONS'] });
    expect(refusalOf(req('/api/ops-items/oi-0123456789ab', { method: 'DELETE' }), table)).toMatchObject({ status: 405, allow: ['GET', 'HEAD', 'OPTIONS', 'PATCH'] });
    expect(refusalOf(req('/nodes', { method: 'DELETE' }), table)).toMatchObject({ status: 405 });
    expect(refusalOf(req(`/api/nodes?x=${'a'.repeat(9000)}`), table)).toMatchObject({ status: 414 });
    expect(refusalOf(req('/api/nodes', { headers: { 'x-junk': 'b'.repeat(13_000) } }), table)).toMatchObject({ status: 431 });
    expect(refusalOf(req('/api/runs', { method: 'POST', headers: { 'content-length': String(200 * 1024 * 1024) } }), table)).toMatchObject({ status: 413 });
    expect(refusalOf(req('/api/runs', { method: 'POST', body: '{}' }), table)).toBeUndefined();
    expect(refusalOf(req('/nodes/%25'), table)).toBeUndefined();
    expect(refusalOf(req('/api/no/such', { method: 'DELETE' }), table)).toBeUndefined(); // the catch-all's 404
  });

  it('answers with the JSON envelope and security headers, and passes a nonce CSP to Next.js', async () => {
    const bad = proxy(req('/api/nodes/%E0'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'BadRequest', message: 'the path is not valid percent-encoding' } });
    const ok = proxy(req('/nodes'));
    const csp = ok.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('referrer-policy')).toBe('same-origin');
    expect(ok.headers.get('permissions-policy')).toContain('camera=()');
    // The nonce goes to Next.js in the request headers it renders with.
    expect(ok.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(proxy(req('/nodes')).headers.get('content-security-policy')).not.toBe(csp);
  });
});
