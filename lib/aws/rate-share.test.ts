import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateShareSettings, tokenBucket } from './rate-share';
import { parseScopeKey, scopeKey } from './scope';

describe("the dashboard's share of an account's SSM rate", () => {
  afterEach(() => vi.useRealTimers());

  it('lets a burst of one second through, then paces calls to the rate', async () => {
    vi.useFakeTimers();
    const bucket = tokenBucket(20, 20, () => Date.now());
    const done: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 60; i++) void bucket.take().then(() => done.push(Date.now() - start));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toHaveLength(20); // the burst
    await vi.advanceTimersByTimeAsync(1000);
    expect(done.length).toBeGreaterThanOrEqual(39);
    expect(done.length).toBeLessThanOrEqual(41);
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toHaveLength(60);
    // In order, never faster than the rate after the burst: call k (k >= 20) waits at least (k - 20) / 20 s.
    done.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(Math.max(0, ((k - 20) / 20) * 1000) - 1));
  });

  it('reads the share and the account rate from the environment, falling back on nonsense', () => {
    expect(rateShareSettings({})).toEqual({ perSecond: 40, share: 0.5 });
    expect(rateShareSettings({ SSM_ACCOUNT_REQUESTS_PER_SECOND: '100', SSM_REQUEST_SHARE: '0.25' })).toEqual({ perSecond: 100, share: 0.25 });
    expect(rateShareSettings({ SSM_ACCOUNT_REQUESTS_PER_SECOND: '-3', SSM_REQUEST_SHARE: '2' })).toEqual({ perSecond: 40, share: 0.5 });
  });
});

describe('scope keys', () => {
  it('are the region alone for the base identity and account/region otherwise, and parse back', () => {
    expect(scopeKey({ account: '', region: 'us-east-1' })).toBe('us-east-1');
    expect(scopeKey({ account: '222222222222', region: 'eu-west-1' })).toBe('222222222222/eu-west-1');
    for (const s of [{ account: '', region: 'us-east-1' }, { account: '222222222222', region: 'eu-west-1' }]) expect(parseScopeKey(scopeKey(s))).toEqual(s);
  });
});
