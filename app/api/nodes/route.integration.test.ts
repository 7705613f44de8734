/** The API routes in-process, through the real SDK and the simulated AWS. */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { FleetResponse, NodeDetail } from '@/lib/contracts/node';
import type { FleetSummary } from '@/lib/contracts/summary';
import { installMockAws } from '@/lib/testing/mock-aws';
import { GET as getNodes } from './route';
import { GET as getNode } from './[id]/route';
import { GET as getOverview } from '../overview/route';

const mock = installMockAws({ nodes: 200 });

const nodes = (qs = '', headers: Record<string, string> = {}) => getNodes(new Request(`http://test/api/nodes${qs}`, { headers }), undefined);
const node = (id: string) => getNode(new Request(`http://test/api/nodes/${id}`), { params: Promise.resolve({ id }) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('GET /api/nodes', () => {
  it('answers the whole fleet, gzipped once per snapshot for the dashboard, and 304 when the viewer has it', async () => {
    const plain = await nodes();
    expect(plain.status).toBe(200);
    const body = (await plain.json()) as FleetResponse;
    expect(body.nodes.length).toBe(body.total);
    expect(body.regions).toHaveLength(3);

    const zipped = await nodes('', { accept: 'application/gzip, application/json' });
    expect(zipped.headers.get('content-type')).toBe('application/gzip');
    const unzipped = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()) as FleetResponse;
    expect(unzipped).toEqual(body);

    const etag = zipped.headers.get('etag')!;
    const again = await nodes('', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('filters and sorts with the view parameters of the nodes page', async () => {
    const res = await nodes('?ping=ConnectionLost&ping=Inactive&sort=lastPing&dir=desc&tag=Environment%3Dprod');
    expect(res.status).toBe(200);
    const body = (await res.json()) as FleetResponse;
    expect(body.nodes.length).toBeGreaterThan(0);
    expect(body.nodes.length).toBeLessThan(body.total);
    for (const n of body.nodes) {
      expect(['ConnectionLost', 'Inactive']).toContain(n.ping);
      expect(n.tags.Environment).toBe('prod');
    }
    const pings = body.nodes.map((n) => n.lastPingAt!);
    expect([...pings].sort().reverse()).toEqual(pings);
  });

  it('answers a bad request with a 400 that names the problem', async () => {
    for (const [qs, pattern] of [
      ['?ping=Sleeping', /ping/],
      ['?sort=bogus', /unknown column "bogus"/],
      ['?tag=nokey', /tag filter "nokey"/],
      ['?colour=red', /unknown query parameter: colour/],
      ['?refresh=maybe', /refresh/],
      ['?region=mars-1', /region/],
    ] as const) {
      const res = await nodes(qs);
      expect(res.status, qs).toBe(400);
      const e = await errorOf(res);
      expect(e.code).toBe('BadRequest');
      expect(e.message).toMatch(pattern);
    }
  });

  it('refresh=1 bypasses the cache', async () => {
    const a = (await (await nodes()).json()) as FleetResponse;
    const calls = mock.stats.snapshot().total;
    const b = (await (await nodes('?refresh=1')).json()) as FleetResponse;
    expect(b.version).not.toBe(a.version);
    expect(mock.stats.snapshot().total).toBe(calls * 2);
  });

  it('answers 503 with a clear code when no region is configured', async () => {
    delete process.env.AWS_REGIONS;
    const res = await nodes();
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toMatchObject({ code: 'RegionMissing', message: expect.stringMatching(/AWS_REGIONS/) });
  });
});

describe('GET /api/nodes/{id}', () => {
  it('400 for a malformed ID, 404 for an unknown one, the node otherwise', async () => {
    const bad = await node('i-123');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/i-0123456789abcdef0/);

    const unknown = await node('i-0000000000000dead');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('NodeNotFound');

    const fleet = (await (await nodes()).json()) as FleetResponse;
    const res = await node(fleet.nodes[0].id);
    expect(res.status).toBe(200);
    const d = (await res.json()) as NodeDetail;
    expect(d.node.id).toBe(fleet.nodes[0].id);
    expect(d.ssm).not.toBeNull();
  });
});

describe('GET /api/overview', () => {
  it('counts agree with the fleet', async () => {
    const fleet = (await (await nodes()).json()) as FleetResponse;
    const s = (await (await getOverview(new Request('http://test/api/overview'), undefined)).json()) as FleetSummary;
    expect(s.managed).toBe(fleet.nodes.filter((n) => n.managed).length);
    expect(s.byPing.ConnectionLost).toBe(fleet.nodes.filter((n) => n.ping === 'ConnectionLost').length);
    expect(s.patch.noncompliant).toBe(fleet.nodes.filter((n) => n.patchStatus === 'noncompliant').length);
    expect(s.agents.outdated).toBe(fleet.nodes.filter((n) => n.agentLatest === false).length);
    expect(s.byPlatform.reduce((a, p) => a + p.count, 0)).toBe(s.managed);
  });
});
