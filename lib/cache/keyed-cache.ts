import { createSwrCache, type SwrCache } from './swr-cache';

/**
 * Many stale-while-revalidate values by key (one single-flight load per key), at most `maxKeys` of them: the least
 * recently used key is dropped first.
 */
export interface KeyedCache<V> {
  get(key: string, opts?: { refresh?: boolean }): Promise<V>;
  peek(key: string): V | undefined;
  clear(): void;
  readonly size: number;
}

export function createKeyedCache<V>(opts: {
  ttlMs: () => number;
  maxKeys: number;
  load: (key: string, previous: V | undefined) => Promise<V>;
  onBackgroundError?: (err: unknown) => void;
}): KeyedCache<V> {
  const entries = new Map<string, SwrCache<V>>();
  const entry = (key: string) => {
    let e = entries.get(key);
    if (e) {
      entries.delete(key); // re-insert: Map order is our recency order
    } else {
      e = createSwrCache({ ttlMs: opts.ttlMs, load: (prev) => opts.load(key, prev), onBackgroundError: opts.onBackgroundError });
      while (entries.size >= opts.maxKeys) entries.delete(entries.keys().next().value as string);
    }
    entries.set(key, e);
    return e;
  };
  return {
    get: (key, o) => entry(key).get(o),
    peek: (key) => entries.get(key)?.peek(),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
