/**
 * Callers cannot multiply AWS calls: forced refreshes are coalesced, unknown node IDs are looked up once and their
 * misses remembered, and each caller's AWS calls per minute are bounded with a 429. Through the real route handlers,
 * the real SDK and the simulated AWS, counting what the simulated AWS answered.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { GET as nodesGet } from '@/app/api/nodes/route';
import { GET as nodeGet } from '@/app/api/nodes/[id]/route';
import { GET as overviewGet } from '@/app/api/overview/route';
import { GET as patchConfigGet } from '@/app/api/patching/config/route';
import { GET as documentsGet } from '@/app/api/documents/route';
import { GET as diagnosisGet } from '@/app/api/diagnosis/route';
import { resetCallerBudgets, withCallerBudget } from '@/lib/api/caller-budget';
import { getFleetSnapshot } from '@/lib/fleet/fleet';

const mock = installMockAws({ nodes: 300 });
const calls = () => mock.stats.snapshot().total;

beforeEach(() => {
  resetCallerBudgets();
  delete process.env.FORCED_REFRESH_MIN_SECONDS;
  delete process.env.AWS_CALLS_PER_CALLER_PER_MINUTE;
  delete process.env.FLEET_CACHE_TTL_SECONDS;
  delete process.env.TRUST_FORWARDED_HEADERS;
  delete process.env.AUTH_USER_HEADER;
  delete process.env.DEMO_MODE;
});

/** A request as the route wrapper serves it: within its caller's budget. */
function serve(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const req = new Request(`http://dash.test${path}`, { headers });
  const id = /^\/api\/nodes\/([^/?]+)/.exec(path)?.[1];
  if (id) return withCallerBudget(req, () => nodeGet(req, { params: Promise.resolve({ id }) }));
  if (path.startsWith('/api/overview')) return withCallerBudget(req, () => overviewGet(req, undefined));
  return withCallerBudget(req, () => nodesGet(req, undefined));
}

async function inBatches(n: number, size: number, one: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += size) {
    statuses.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => one(i + j).then((r) => r.status)))));
  }
  return statuses;
}

const unknownId = (i: number) => `i-0${(0xdead0000 + i).toString(16).padStart(16, '0')}`;

describe('forced refreshes', () => {
  it('4,000 ?refresh=1 requests cost one fleet read while one is in flight or younger than FORCED_REFRESH_MIN_SECONDS', async () => {
    expect((await serve('/api/nodes')).status).toBe(200);
    const oneRead = calls();
    expect(oneRead).toBeGreaterThan(0);

    const statuses = await inBatches(4000, 200, () => serve('/api/nodes?refresh=1'));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Before coalescing: every request that found no refresh in flight started a full read (1,951 calls in the issue).
    expect(calls() - oneRead).toBe(0);

    // Past the interval one forced refresh is granted again, shared by everyone asking meanwhile.
    process.env.FORCED_REFRESH_MIN_SECONDS = '0';
    await inBatches(200, 200, () => serve('/api/nodes?refresh=1'));
    expect(calls() - oneRead).toBe(oneRead);
  });

  it('the overview and the dashboard itself are coalesced the same way; a refresh asked for with no caller still reads', async () => {
    await serve('/api/overview');
    const before = calls();
    await inBatches(500, 100, () => serve('/api/overview?refresh=1'));
    expect(calls()).toBe(before);
    await getFleetSnapshot({ refresh: true }); // the dashboard's own (after a run, in tests): not limited
    expect(calls()).toBeGreaterThan(before);
  });
});

describe('unknown node IDs', () => {
  it('one lookup per unknown ID, however many ask at once, and the miss is remembered', async () => {
    await serve('/api/nodes');
    const before = calls();
    const statuses = await inBatches(1000, 250, () => serve(`/api/nodes/${unknownId(1)}`));
    expect(new Set(statuses)).toEqual(new Set([404]));
    const perLookup = calls() - before;
    expect(perLookup).toBe(6); // DescribeInstanceInformation + DescribeInstances in each of 3 regions
    await serve(`/api/nodes/${unknownId(1)}`);
    expect(calls() - before).toBe(perLookup);
  });

  it('many different unknown IDs are bounded by the caller budget, with a 429, Retry-After and the JSON envelope', async () => {
    process.env.AWS_CALLS_PER_CALLER_PER_MINUTE = '60';
    await getFleetSnapshot(); // the dashboard's own read: no caller pays for it
    const before = calls();
    const statuses = await inBatches(200, 10, (i) => serve(`/api/nodes/${unknownId(100 + i)}`));
    expect(calls() - before).toBeLessThanOrEqual(60);
    expect(statuses.filter((s) => s === 404).length).toBe(10); // 6 calls each
    expect(statuses.filter((s) => s === 429).length).toBe(190);

    const res = await serve(`/api/nodes/${unknownId(999)}`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const body = await res.json();
    expect(body.error.code).toBe('TooManyAwsCalls');
    expect(body.error.message).toMatch(/Anonymous callers .* made 60 AWS calls in the last minute.*try again in \d+ s/);

    // A refused lookup is not remembered as "no such node": the ID is looked up again later.
    resetCallerBudgets();
    expect((await serve(`/api/nodes/${unknownId(150)}`)).status).toBe(404);
    expect(calls() - before).toBeGreaterThan(60);
  });

  it('a caller with a spent budget still gets cached views, and background refreshes still run', async () => {
    process.env.AWS_CALLS_PER_CALLER_PER_MINUTE = '6';
    await getFleetSnapshot();
    expect((await serve(`/api/nodes/${unknownId(500)}`)).status).toBe(404);
    expect((await serve(`/api/nodes/${unknownId(501)}`)).status).toBe(429);
    // Cached: no AWS call needed, so no refusal.
    expect((await serve('/api/nodes')).status).toBe(200);
    // A stale fleet is refreshed in the background whoever reads it: the dashboard's own refresh, never refused.
    process.env.FLEET_CACHE_TTL_SECONDS = '0.001';
    await new Promise((r) => setTimeout(r, 5));
    const before = calls();
    const v1 = (await getFleetSnapshot()).version;
    expect((await serve('/api/nodes')).status).toBe(200);
    for (let i = 0; i < 100 && (await getFleetSnapshotPeek()) === v1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(calls()).toBeGreaterThan(before);
  });
});

describe('the fleet is everyone\'s', () => {
  it('a cold or forced fleet read is not charged to the caller who happened to ask (it is coalesced instead)', async () => {
    process.env.AWS_CALLS_PER_CALLER_PER_MINUTE = '6';
    process.env.FORCED_REFRESH_MIN_SECONDS = '0';
    expect((await serve('/api/nodes')).status).toBe(200);
    const oneRead = calls();
    expect(oneRead).toBeGreaterThan(6);
    expect((await serve('/api/nodes?refresh=1')).status).toBe(200);
    expect(calls()).toBe(2 * oneRead);
    // The budget is whole: a live lookup (6 calls) still fits.
    expect((await serve(`/api/nodes/${unknownId(700)}`)).status).toBe(404);
  });

  it('so are the patch configuration, the document list, the OpsItem history and the fleet diagnosis: the caller who asks first is not refused', async () => {
    process.env.AWS_CALLS_PER_CALLER_PER_MINUTE = '6';
    const get = (path: string, handler: (req: Request, ctx: undefined) => Promise<Response>) => {
      const req = new Request(`http://dash.test${path}`);
      return withCallerBudget(req, () => handler(req, undefined));
    };
    const before = calls();
    // Before: each of these read more than 6 calls for the first caller and answered 429.
    expect((await get('/api/patching/config', patchConfigGet)).status).toBe(200);
    expect((await get('/api/documents', documentsGet)).status).toBe(200);
    expect((await serve('/api/overview')).status).toBe(200);
    expect(calls() - before).toBeGreaterThan(3 * 6);
    // Asked again: served from the cache, no call.
    const now = calls();
    expect((await get('/api/documents', documentsGet)).status).toBe(200);
    expect(calls()).toBe(now);
    // The fleet view of causes reads per VPC, profile and region: dozens of calls, the whole dashboard's.
    const beforeDiagnosis = calls();
    const diagnosis = await get('/api/diagnosis', diagnosisGet);
    expect(diagnosis.status).toBe(200);
    expect(((await diagnosis.json()) as { considered: number }).considered).toBeGreaterThan(0);
    expect(calls() - beforeDiagnosis).toBeGreaterThan(6);
    // None of it was charged to this caller: its whole budget is left for a live lookup of its own (6 calls).
    expect((await serve(`/api/nodes/${unknownId(701)}`)).status).toBe(404);
  });
});

async function getFleetSnapshotPeek(): Promise<string | undefined> {
  const { getFleetSnapshotCache } = await import('@/lib/fleet/fleet');
  return getFleetSnapshotCache().peek()?.version;
}

describe('who a caller is', () => {
  it('signed-in users have budgets of their own; anonymous callers share one unless a trusted proxy names their address', async () => {
    process.env.AWS_CALLS_PER_CALLER_PER_MINUTE = '6';
    process.env.AUTH_USER_HEADER = 'x-user';
    await getFleetSnapshot();
    expect((await serve(`/api/nodes/${unknownId(600)}`, { 'x-user': 'alice' })).status).toBe(404);
    expect((await serve(`/api/nodes/${unknownId(601)}`, { 'x-user': 'alice' })).status).toBe(429);
    expect((await serve(`/api/nodes/${unknownId(602)}`, { 'x-user': 'bob' })).status).toBe(404);

    // Untrusted X-Forwarded-For is the client's own word: a new address per request must not buy a new budget.
    expect((await serve(`/api/nodes/${unknownId(603)}`, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(404);
    expect((await serve(`/api/nodes/${unknownId(604)}`, { 'x-forwarded-for': '10.0.0.2' })).status).toBe(429);

    process.env.TRUST_FORWARDED_HEADERS = 'true';
    expect((await serve(`/api/nodes/${unknownId(605)}`, { 'x-forwarded-for': 'spoofed, 10.0.0.3' })).status).toBe(404);
    expect((await serve(`/api/nodes/${unknownId(606)}`, { 'x-forwarded-for': 'other, 10.0.0.3' })).status).toBe(429);
    expect((await serve(`/api/nodes/${unknownId(607)}`, { 'x-forwarded-for': '10.0.0.4' })).status).toBe(404);
  });
});
