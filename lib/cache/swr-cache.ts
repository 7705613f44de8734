import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A single value refreshed from a slow source, for any number of concurrent readers:
 * - fresh (younger than ttl): served as is;
 * - stale: served at once while one background refresh runs (stale-while-revalidate);
 * - empty, or `refresh: true`: the caller waits for a refresh;
 * - single flight: at most one load runs at a time; every caller in the meantime shares it.
 * A failed load keeps the previous value.
 *
 * Callers from outside (a request run `onBehalfOf` its caller, see lib/api/caller-budget.ts) cannot multiply loads:
 * a refresh they force is granted at most once per `forcedRefreshMinMs` (FORCED_REFRESH_MIN_SECONDS, default 10);
 * until then they are answered from the refresh in flight or the value the last one left. A load they cause (empty
 * value, forced refresh) is theirs: the requester may refuse to start it (`admitLoad`), and once started it runs to its
 * end, so a shared value is never left half-read. A background refresh (stale value) is the cache's own: it runs for
 * no caller.
 */
export interface SwrCache<T> {
  get(opts?: { refresh?: boolean }): Promise<T>;
  peek(): T | undefined;
  /**
   * Apply a local change (one this process just made in the source) to the value now, and to the result of a load
   * already under way, which may have read the source before the change. `fn` must be idempotent.
   */
  update(fn: (value: T) => T): void;
  /** Drop the value (tests, configuration changes). `{ restart: true }`: as if the process restarted (`initial` asked again). */
  clear(opts?: { restart?: boolean }): void;
}

/** Someone outside the process on whose behalf values are read (a request's caller). */
export interface Requester {
  /** Asked before a load this requester causes starts; throws to refuse it (the cached value is left as it is). */
  admitLoad(): void;
}

type Scope = { requester: Requester | null; inLoad: boolean };
const scope = new AsyncLocalStorage<Scope>();

/** Run `fn` (a request's handler) on behalf of an outside requester. */
export function onBehalfOf<T>(requester: Requester, fn: () => T): T {
  return scope.run({ requester, inLoad: false }, fn);
}

/**
 * Run `fn` as the dashboard's own work, for no caller (reads of the whole fleet's facts, such as the AMIs the overview
 * dates): like a background refresh, no caller pays for its calls or can be refused them.
 */
export function forTheDashboard<T>(fn: () => T): T {
  return scope.run({ requester: null, inLoad: true }, fn);
}

/**
 * Where the current async context is: outside any cache load, in a load a requester caused, or in a load that runs for
 * no one (a background refresh, or a load started with no requester).
 */
export function loadContext(): 'none' | 'requested' | 'background' {
  const s = scope.getStore();
  if (!s?.inLoad) return 'none';
  return s.requester ? 'requested' : 'background';
}

const DEFAULT_FORCED_REFRESH_MIN_SECONDS = 10;
/** FORCED_REFRESH_MIN_SECONDS: the least time between two refreshes that outside callers force (0: no limit). */
export function defaultForcedRefreshMinMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.FORCED_REFRESH_MIN_SECONDS?.trim();
  const n = v ? Number(v) : NaN;
  return (Number.isFinite(n) && n >= 0 ? n : DEFAULT_FORCED_REFRESH_MIN_SECONDS) * 1000;
}

export function createSwrCache<T>(opts: {
  ttlMs: () => number;
  load: (previous: T | undefined) => Promise<T>;
  now?: () => number;
  onBackgroundError?: (err: unknown) => void;
  forcedRefreshMinMs?: () => number;
  /**
   * The value is the whole dashboard's (the fleet snapshot), not something a caller picked: its loads run for no one,
   * like background refreshes (never refused, counted for nobody); forced refreshes are still coalesced. Leave unset
   * for caches keyed by what callers ask for, or any caller could make them read without limit.
   */
  forEveryone?: boolean;
  /**
   * A value to serve before the first load (a copy saved by an earlier process), asked once when the cache is first
   * read: it is served as stale at once while the first load runs in the background.
   */
  initial?: () => T | undefined;
}): SwrCache<T> {
  const now = opts.now ?? Date.now;
  const forcedMinMs = opts.forcedRefreshMinMs ?? defaultForcedRefreshMinMs;
  let value: T | undefined;
  let loadedAt = 0;
  /** When the last load ended, well or not: forced refreshes are spaced from it. */
  let settledAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<T> | undefined;
  let generation = 0;
  let patches: ((value: T) => T)[] = [];
  let initialAsked = false;

  function seed() {
    initialAsked = true;
    const v = opts.initial?.();
    if (v === undefined) return;
    value = v;
    loadedAt = Number.NEGATIVE_INFINITY; // stale: the first read starts a refresh
  }

  /** `requested`: a caller waits for this load (empty value or forced refresh); otherwise a background refresh. */
  function start(requested: boolean): Promise<T> {
    if (inflight) return inflight;
    const outer = scope.getStore();
    let inner: Scope;
    if (outer?.inLoad) inner = outer; // a load within a load belongs to whoever the outer one does
    else if (requested && outer?.requester && !opts.forEveryone) {
      outer.requester.admitLoad();
      inner = { requester: outer.requester, inLoad: true };
    } else inner = { requester: null, inLoad: true };
    const gen = generation;
    const mine: ((value: T) => T)[] = (patches = []);
    const p = scope
      .run(inner, () => opts.load(value))
      .then((loaded) => {
        const v = mine.reduce((acc, fn) => fn(acc), loaded);
        if (gen === generation) {
          value = v;
          loadedAt = now();
        }
        return v;
      })
      .finally(() => {
        if (gen === generation) settledAt = now();
        if (inflight === p) inflight = undefined;
      });
    inflight = p;
    return p;
  }

  /** A refresh an outside caller forces, while the value is younger than the interval: answered without a new load. */
  function coalesced(): { answer: Promise<T> | T } | undefined {
    const s = scope.getStore();
    if (!s?.requester || s.inLoad || value === undefined) return undefined;
    if (inflight) return { answer: inflight };
    return now() - settledAt < forcedMinMs() ? { answer: value } : undefined;
  }

  return {
    async get({ refresh = false } = {}) {
      if (value === undefined && !initialAsked) seed();
      if (value === undefined) return start(true);
      if (refresh) {
        const c = coalesced();
        return c ? c.answer : start(true);
      }
      if (now() - loadedAt >= opts.ttlMs()) {
        start(false).catch((err) => opts.onBackgroundError?.(err));
      }
      return value;
    },
    peek: () => value,
    update(fn) {
      if (value !== undefined) value = fn(value);
      if (inflight) patches.push(fn);
    },
    clear({ restart = false } = {}) {
      if (restart) initialAsked = false;
      generation++;
      value = undefined;
      inflight = undefined;
      loadedAt = 0;
      settledAt = Number.NEGATIVE_INFINITY;
    },
  };
}
