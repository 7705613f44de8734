/** Request bodies are read with bounded memory and bounded nesting: hostile sizes and shapes get a 4xx, never a 5xx. */
import { describe, expect, it } from 'vitest';
import { readJson } from './route';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './body';
import { ApiError } from './errors';
import { CHUNK, countingStream, jsonRequest } from '@/lib/testing/hostile-body';

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('readJson', () => {
  it('refuses by Content-Length before reading a byte', async () => {
    const { stream, seen } = countingStream(200 * 1024 * 1024);
    const err = await refusal(readJson(jsonRequest(stream, { 'content-length': String(200 * 1024 * 1024) }), 256 * 1024));
    expect(err.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(CHUNK); // at most what the stream buffered on its own
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    const { stream, seen } = countingStream(64 * 1024 * 1024);
    const err = await refusal(readJson(jsonRequest(stream), 256 * 1024));
    expect(err).toMatchObject({ status: 413, code: 'BodyTooLarge' });
    expect(seen.pulled).toBeLessThanOrEqual(256 * 1024 + 3 * CHUNK);
  });

  it('refuses JSON nested deeper than the limit with a 400, and reads reasonable nesting', async () => {
    expect(await refusal(readJson(jsonRequest(nested(100_000))))).toMatchObject({ status: 400, code: 'BadRequest' });
    expect((await refusal(readJson(jsonRequest(nested(MAX_JSON_DEPTH + 1))))).message).toMatch(/nests deeper than 32/);
    expect(await readJson(jsonRequest(nested(MAX_JSON_DEPTH)))).toBeInstanceOf(Array);
    expect(await readJson(jsonRequest('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[[[[[[[[["}'))).toEqual({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"[[[[[[[[[[' });
  });

  it('answers malformed bodies with 400 or 415', async () => {
    expect((await refusal(readJson(jsonRequest('{"a":')))).status).toBe(400);
    expect((await refusal(readJson(jsonRequest(new Uint8Array([0x7b, 0xff, 0x7d]))))).status).toBe(400);
    expect((await refusal(readJson(jsonRequest('{}', { 'content-type': 'text/plain' })))).status).toBe(415);
    expect((await refusal(readJson(jsonRequest('{}', { 'content-length': 'abc' })))).status).toBe(400);
  });

  it('counts depth without recursion and ignores brackets inside strings', () => {
    expect(jsonDepthExceeds(nested(5_000_000), 32)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ a: ['[[[[', { b: '{{{{' }] }), 3)).toBe(false);
  });
});
