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
  /**
   * Apply a local change (one this process just made in the source) to the value now, and to the result of a load
   * already under way, which may have read the source before the change. `fn` must be idempotent.
   */
  update(fn: (value: T) => T): void;
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
  let patches: ((value: T) => T)[] = [];

  function start(): Promise<T> {
    if (inflight) return inflight;
    const gen = generation;
    const mine: ((value: T) => T)[] = (patches = []);
    const p = opts
      .load(value)
      .then((loaded) => {
        const v = mine.reduce((acc, fn) => fn(acc), loaded);
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
    update(fn) {
      if (value !== undefined) value = fn(value);
      if (inflight) patches.push(fn);
    },
    clear() {
      generation++;
      value = undefined;
      inflight = undefined;
      loadedAt = 0;
    },
  };
}
