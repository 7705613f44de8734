import 'server-only';
import type { AwsScope } from './scope';
import { scopeKey } from './scope';

/**
 * The dashboard's share of an account's SSM request rate, per account and region (SSM's limits are per account and
 * region, shared with the console, the CLI and every other tool): a token bucket of SSM_REQUEST_SHARE x
 * SSM_ACCOUNT_REQUESTS_PER_SECOND, holding one second's worth. A call waits for a token; it is never refused.
 * SSM publishes no per-API rates; 40/s is a conservative reading of what accounts see in practice, so by default the
 * dashboard uses at most 20 SSM requests a second in any account and region.
 */
export interface RateShare {
  perSecond: number;
  share: number;
}

export function rateShareSettings(env: Record<string, string | undefined> = process.env): RateShare {
  const rate = Number(env.SSM_ACCOUNT_REQUESTS_PER_SECOND || 40);
  const share = Number(env.SSM_REQUEST_SHARE || 0.5);
  return {
    perSecond: Number.isFinite(rate) && rate > 0 ? rate : 40,
    share: Number.isFinite(share) && share > 0 && share <= 1 ? share : 0.5,
  };
}

export interface Bucket {
  take(): Promise<void>;
}

/** A token bucket refilled continuously at `ratePerSecond`, holding at most `burst` tokens; waiters go in order. */
export function tokenBucket(ratePerSecond: number, burst: number, now: () => number = () => performance.now()): Bucket {
  let tokens = burst;
  let last = now();
  let tail: Promise<void> = Promise.resolve();
  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
    last = t;
  };
  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / ratePerSecond) * 1000)));
      refill();
    }
    tokens -= 1;
  };
  return {
    take() {
      const turn = tail.then(takeOne);
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}

const buckets = new Map<string, Bucket>();

export function takeRequestShare(scope: AwsScope): Promise<void> {
  const key = scopeKey(scope);
  let bucket = buckets.get(key);
  if (!bucket) {
    const { perSecond, share } = rateShareSettings();
    const rate = perSecond * share;
    buckets.set(key, (bucket = tokenBucket(rate, Math.max(1, rate))));
  }
  return bucket.take();
}

export function resetRequestShares(): void {
  buckets.clear();
}
