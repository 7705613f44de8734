import { createSwrCache, type SwrCache } from './swr-cache';

/**
 * Many stale-while-revalidate values by key (one single-flight load per key), at most `maxKeys` of them: the least
 * recently used key is dropped first. A key may carry the arguments its load needs (`get(key, { args })`): the latest
 * ones are kept with the entry, so a background refresh reloads with them.
 */
export interface KeyedCache<V, A = undefined> {
  get(key: string, opts?: { refresh?: boolean; args?: A }): Promise<V>;
  peek(key: string): V | undefined;
  clear(): void;
  readonly size: number;
}

export function createKeyedCache<V, A = undefined>(opts: {
  ttlMs: () => number;
  maxKeys: number;
  load: (key: string, previous: V | undefined, args: A) => Promise<V>;
  onBackgroundError?: (err: unknown) => void;
  /** The keys are the dashboard's own (configured regions), not what callers ask for: see SwrCache's `forEveryone`. */
  forEveryone?: boolean;
}): KeyedCache<V, A> {
  const entries = new Map<string, { cache: SwrCache<V>; args: A }>();
  const entry = (key: string, args: A | undefined) => {
    let e = entries.get(key);
    if (e) {
      entries.delete(key); // re-insert: Map order is our recency order
      if (args !== undefined) e.args = args;
    } else {
      const created: { cache: SwrCache<V>; args: A } = {
        args: args as A,
        cache: createSwrCache({ ttlMs: opts.ttlMs, load: (prev) => opts.load(key, prev, created.args), onBackgroundError: opts.onBackgroundError, forEveryone: opts.forEveryone }),
      };
      e = created;
      while (entries.size >= opts.maxKeys) entries.delete(entries.keys().next().value as string);
    }
    entries.set(key, e);
    return e;
  };
  return {
    get: (key, o = {}) => entry(key, o.args).cache.get({ refresh: o.refresh }),
    peek: (key) => entries.get(key)?.cache.peek(),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
