/** Action routes with hostile bodies: a 4xx envelope, never a 500, and never the whole body in memory. */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshKey, useTempDataDir } from '@/lib/testing/actions';
import { POST as runsPost } from '@/app/api/runs/route';
import { POST as opsItemsPost } from '@/app/api/ops-items/route';
import { countingStream, jsonRequest } from '@/lib/testing/hostile-body';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('action routes with hostile bodies', () => {
  beforeEach(() => {
    useTempDataDir();
    process.env.DEMO_MODE = '1';
    process.env.DASHBOARD_MODE = 'operator';
  });

  it('answer deeply nested JSON with the 400 envelope, not a 500 from auditing it', async () => {
    const deep = `{"document":${nested(50_000)},"title":${nested(10_000)}}`; // under 256 KiB
    for (const post of [runsPost, opsItemsPost]) {
      const res = await post(jsonRequest(deep, { 'idempotency-key': freshKey(), origin: 'http://evil.test' }), undefined);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/nests deeper/) });
    }
  });

  it('answer an oversized streamed body with 413 without reading it all', async () => {
    const { stream, seen } = countingStream(100 * 1024 * 1024, 0x5b);
    const res = await runsPost(jsonRequest(stream, { 'idempotency-key': freshKey() }), undefined);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('BodyTooLarge');
    expect(seen.pulled).toBeLessThan(8 * 1024 * 1024);
  });
});
