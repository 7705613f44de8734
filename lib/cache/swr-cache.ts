/**
 * A single value refreshed from a slow source, for any number of concurrent readers:
 * - fresh (younger than ttl): served as is;
 * - stale: served at once while one background refresh runs (stale-while-revalidate);
 * - empty, or `refresh: true`: the caller waits for a refresh;
 * - single flight: at most one load runs at a time; every caller in the meantime shares it.
 * A failed load keeps the previous value.
 */
export interface SwrCache<T> {
  get(opts?: { refresh?: boolean }): Promise<T>;
  peek(): T | undefined;
  /** Drop the value (tests, configuration changes). */
  clear(): void;
}

export function createSwrCache<T>(opts: {
  ttlMs: () => number;
  load: (previous: T | undefined) => Promise<T>;
  now?: () => number;
  onBackgroundError?: (err: unknown) => void;
}): SwrCache<T> {
  const now = opts.now ?? Date.now;
  let value: T | undefined;
  let loadedAt = 0;
  let inflight: Promise<T> | undefined;
  let generation = 0;

  function start(): Promise<T> {
    if (inflight) return inflight;
    const gen = generation;
    const p = opts
      .load(value)
      .then((v) => {
        if (gen === generation) {
          value = v;
          loadedAt = now();
        }
        return v;
      })
      .finally(() => {
        if (inflight === p) inflight = undefined;
      });
    inflight = p;
    return p;
  }

  return {
    async get({ refresh = false } = {}) {
      if (value === undefined || refresh) return start();
      if (now() - loadedAt >= opts.ttlMs()) {
        start().catch((err) => opts.onBackgroundError?.(err));
      }
      return value;
    },
    peek: () => value,
    clear() {
      generation++;
      value = undefined;
      inflight = undefined;
      loadedAt = 0;
    },
  };
}
