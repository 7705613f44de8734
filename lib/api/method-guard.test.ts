import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { installMethodGuard } from './method-guard';

describe('installMethodGuard', () => {
  const server = createServer((_req, res) => res.end('reached the app'));
  afterAll(() => server.close());

  it('answers TRACE and other unknown methods with the JSON 405 before the app sees them', async () => {
    await installMethodGuard();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const { request } = await import('node:http');
    const send = (method: string) =>
      new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
        const r = request({ host: '127.0.0.1', port, method, path: '/api/nodes' }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
        });
        r.on('error', reject);
        r.end();
      });
    for (const method of ['TRACE', 'PROPFIND', 'PURGE']) {
      const res = await send(method);
      expect(res.status, method).toBe(405);
      expect(res.allow).toBe('GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH');
      expect(JSON.parse(res.body).error.code).toBe('MethodNotAllowed');
    }
    expect((await send('GET')).body).toBe('reached the app');
  });
});
