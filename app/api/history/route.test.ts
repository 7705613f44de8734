/** The history routes in-process: validation (400 naming the rule) and the answers. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryResponse, NodeHistoryResponse } from '@/lib/contracts/history';
import { useTempDataDir } from '@/lib/testing/actions';
import { recordRefresh } from '@/lib/history/record';
import { nodeId, row, snapshot } from '@/lib/history/test-fleet';
import { GET as getHistory } from './route';
import { GET as getNodeHistory } from '../nodes/[id]/history/route';

const history = (qs = '') => getHistory(new Request(`http://test/api/history${qs}`), undefined);
const nodeHistory = (id: string, qs = '') => getNodeHistory(new Request(`http://test/api/nodes/${id}/history${qs}`), { params: Promise.resolve({ id }) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

beforeEach(() => {
  useTempDataDir();
  delete process.env.DEMO_MODE;
  const now = Date.now();
  recordRefresh(snapshot(now - 60 * 60_000, [row(1), row(2)]));
  recordRefresh(snapshot(now - 60_000, [row(1, { status: 'noncompliant', missing: 3 }), row(2)]));
});

describe('GET /api/history', () => {
  it('answers the last 30 days by default, and the days asked for', async () => {
    const res = await history();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as HistoryResponse;
    expect(body).toMatchObject({ days: 30, resolutionMinutes: 120, simulated: null });
    // One or two 2-hour buckets, depending on the clock; the newest shows the newest refresh.
    expect(body.points.length).toBeGreaterThanOrEqual(1);
    expect(body.points[body.points.length - 1].noncompliant).toBe(1);
    const week = (await (await history('?days=1')).json()) as HistoryResponse;
    expect(week).toMatchObject({ days: 1, resolutionMinutes: 5 });
    expect(week.points.map((p) => p.noncompliant)).toEqual([0, 1]);
  });

  it('answers a bad request with a 400 that names the rule', async () => {
    for (const [qs, pattern] of [
      ['?days=0', /days: days must be between 1 and 90/],
      ['?days=91', /days: days must be between 1 and 90 \(history is kept 90 days\)/],
      ['?days=7.5', /days: days must be a whole number of days/],
      ['?days=week', /days: days must be a whole number of days/],
      ['?days=', /days: days must be between 1 and 90/],
      ['?day=7', /unknown query parameter: day; allowed: days/],
    ] as const) {
      const res = await history(qs);
      expect(res.status, qs).toBe(400);
      const e = await errorOf(res);
      expect(e.code, qs).toBe('BadRequest');
      expect(e.message, qs).toMatch(pattern);
    }
  });
});

describe('GET /api/nodes/{id}/history', () => {
  it('answers the node\'s changes newest first; a node never recorded has none', async () => {
    const res = await nodeHistory(nodeId(1));
    expect(res.status).toBe(200);
    const body = (await res.json()) as NodeHistoryResponse;
    expect(body.changes.map((c) => [c.from, c.to, c.missing])).toEqual([['compliant', 'noncompliant', 3], [null, 'compliant', 0]]);
    expect(body.recordedSince).not.toBeNull();
    const none = (await (await nodeHistory('i-0000000000000dead')).json()) as NodeHistoryResponse;
    expect(none.changes).toEqual([]);
  });

  it('400 for a malformed node ID or an unknown parameter', async () => {
    for (const [id, qs, pattern] of [
      ['i-123', '', /a node ID looks like i-0123456789abcdef0/],
      ['../../etc', '', /a node ID looks like/],
      [nodeId(1), '?days=7', /unknown query parameter: days/],
    ] as const) {
      const res = await nodeHistory(id, qs);
      expect(res.status, id + qs).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(pattern) });
    }
  });
});
