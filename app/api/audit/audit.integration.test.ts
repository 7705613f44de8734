/**
 * Item 2: the audit log cannot be flooded. A refused attempt is kept as a bounded summary (route, reason, size, who,
 * SHA-256 of the body); GET /api/audit pages with a cursor and a hard page limit; CSV streams a time range as an
 * archive; records past AUDIT_RETENTION_DAYS are deleted.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET } from './route';
import { POST as runRoute } from '@/app/api/runs/route';
import { auditRequested, pruneExpired, queryAudit } from '@/lib/actions/audit';
import { requireOperator } from '@/lib/actions/guard';
import { rememberRequestBody } from '@/lib/api/request-body';
import { ApiError } from '@/lib/api/route';
import { db } from '@/lib/db/database';
import { HOST, useTempDataDir } from '@/lib/testing/actions';
import type { AuditPage } from '@/lib/contracts/audit';

const saved = { ...process.env };
let dir = '';
beforeEach(() => {
  dir = useTempDataDir();
  for (const k of ['DEMO_MODE', 'AUTH_USER_HEADER', 'OPERATOR_USERS', 'TRUST_FORWARDED_HEADERS', 'AUDIT_RETENTION_DAYS']) delete process.env[k];
  process.env.DASHBOARD_MODE = 'read-only';
});
afterEach(() => {
  process.env = { ...saved };
});

const get = (qs = '') => GET(new Request(`http://${HOST}/api/audit${qs}`), undefined);
const dbBytes = () => {
  db().pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path.join(dir, 'dashboard.db')).size;
};
const actor = { id: 'alice', role: 'operator' as const, source: 'proxy-header' as const, groups: [] };

describe('refused attempts', () => {
  it('keep a bounded summary: 100 refused 256 KiB bodies grow the database and the API answer by kilobytes, not megabytes', async () => {
    const before = dbBytes();
    const sizeBefore = (await (await get()).text()).length;
    const body = JSON.stringify({ document: 'A'.repeat(256 * 1024 - 31), parameters: {} });
    for (let i = 0; i < 100; i++) {
      const req = new Request(`http://${HOST}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), origin: `http://${HOST}`, host: HOST },
        body,
      });
      expect((await runRoute(req, undefined)).status).toBe(403);
    }
    const grown = dbBytes() - before;
    const res = await get();
    const text = await res.text();
    console.log(`[audit flood] 100 refused POST /api/runs of ${Buffer.byteLength(body)} bytes: database +${grown} bytes; GET /api/audit ${sizeBefore} -> ${text.length} bytes`);
    expect(grown).toBeLessThan(200 * 1024);
    expect(text.length).toBeLessThan(100 * 1024);
    const page = JSON.parse(text) as AuditPage;
    expect(page.total).toBe(100);
    expect(page.records[0]).toMatchObject({
      status: 'refused', action: 'run:send', actor: 'anonymous', route: 'POST /api/runs', errorCode: 'ReadOnlyMode',
      bodyBytes: Buffer.byteLength(body), parameters: {}, targets: [],
    });
  });

  it('carry the SHA-256 of the body that was read, and cut long header-borne texts', () => {
    process.env.DASHBOARD_MODE = 'operator';
    const origin = `https://${'x'.repeat(5000)}.example`;
    const req = new Request(`http://${HOST}/api/ops-items`, { method: 'POST', headers: { origin, host: HOST } });
    const bytes = new TextEncoder().encode('{"title":"t"}');
    rememberRequestBody(req, bytes);
    expect(() => requireOperator(req, { action: 'opsitem:create', targetSummary: `OpsItem "${'y'.repeat(5000)}"`, targets: ['i-1'], parameters: { big: 'z'.repeat(100_000) } })).toThrow(ApiError);
    const r = queryAudit({ limit: 1, format: 'json' }).records[0];
    expect(r).toMatchObject({ status: 'refused', errorCode: 'BadOrigin', route: 'POST /api/ops-items', bodyBytes: bytes.byteLength, targets: [], parameters: {} });
    expect(r.bodySha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.targetSummary.length).toBeLessThanOrEqual(200);
    expect(r.errorMessage!.length).toBeLessThanOrEqual(1000);
  });
});

describe('GET /api/audit', () => {
  const fill = (n: number) => {
    for (let i = 0; i < n; i++) auditRequested({ actor, action: 'run:send', targetSummary: `run ${i}` });
  };

  it('pages with a cursor and a hard page limit', async () => {
    fill(450);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as AuditPage;
      expect(page.total).toBe(450);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(450);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(((await (await get()).json()) as AuditPage).records).toHaveLength(100);
    const tooMany = await get('?limit=5000');
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toMatch(/at most 200/);
    expect((await get('?cursor=abc')).status).toBe(400);
  });

  it('streams every record of a time range as CSV (the archive), newest first', async () => {
    fill(450);
    db().prepare("UPDATE audit SET at = '2026-01-15T00:00:00.000Z' WHERE id <= 300").run();
    const all = await get('?format=csv');
    expect(all.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await all.text()).trim().split('\r\n');
    expect(lines).toHaveLength(451);
    expect(lines[0]).toMatch(/^id,at,actor/);
    expect(lines.filter((l) => l.startsWith('id,'))).toHaveLength(1);
    const january = (await (await get('?format=csv&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).text()).trim().split('\r\n');
    expect(january).toHaveLength(301);
    expect(january[1]).toMatch(/^300,2026-01-15/);
    expect((await get('?format=csv&limit=10')).status).toBe(400);
  });

  it('deletes records older than AUDIT_RETENTION_DAYS', () => {
    fill(3);
    db().prepare("UPDATE audit SET at = ? WHERE id = 1").run(new Date(Date.now() - 40 * 86_400_000).toISOString());
    process.env.AUDIT_RETENTION_DAYS = '0';
    expect(pruneExpired(true)).toBe(0);
    process.env.AUDIT_RETENTION_DAYS = '30';
    expect(pruneExpired(true)).toBe(1);
    expect(queryAudit({ limit: 10, format: 'json' }).records.map((r) => r.id)).toEqual([3, 2]);
  });
});
