import { describe, expect, it } from 'vitest';
import { createSwrCache, loadContext, onBehalfOf, type Requester } from './swr-cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createSwrCache', () => {
  it('serves an initial value (a copy saved by an earlier process) at once as stale, asked once, and again after a restart', async () => {
    let asked = 0;
    let loads = 0;
    const d = deferred<string>();
    const c = createSwrCache({ ttlMs: () => 1000, initial: () => (asked++, 'saved'), load: () => (loads++, d.promise) });
    expect(await c.get()).toBe('saved');
    expect(loads).toBe(1); // the refresh started in the background
    expect(await c.get()).toBe('saved');
    d.resolve('fresh');
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.get()).toBe('fresh');
    c.clear();
    expect(asked).toBe(1);
    c.clear({ restart: true });
    expect(await c.get()).toBe('saved');
    expect(asked).toBe(2);
  });

  it('waits for the first load when there is no initial value', async () => {
    const c = createSwrCache({ ttlMs: () => 1000, initial: () => undefined, load: async () => 'loaded' });
    expect(await c.get()).toBe('loaded');
  });

  it('shares one load between any number of concurrent callers', async () => {
    let loads = 0;
    const d = deferred<number>();
    const c = createSwrCache({ ttlMs: () => 1000, load: () => (loads++, d.promise) });
    const all = Promise.all(Array.from({ length: 50 }, () => c.get()));
    d.resolve(7);
    expect(await all).toEqual(Array(50).fill(7));
    expect(loads).toBe(1);
  });

  it('serves a fresh value without loading, a stale one at once while refreshing once in the background', async () => {
    let t = 0;
    let n = 0;
    let gate = Promise.resolve();
    const c = createSwrCache({ ttlMs: () => 100, now: () => t, load: async () => (await gate, ++n) });
    expect(await c.get()).toBe(1);
    t = 50;
    expect(await c.get()).toBe(1);
    expect(n).toBe(1);
    const d = deferred<void>();
    gate = d.promise;
    t = 150;
    expect(await c.get()).toBe(1); // stale, served immediately
    expect(await c.get()).toBe(1); // still stale: the refresh is in flight, no second one starts
    d.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(n).toBe(2);
    expect(await c.get()).toBe(2);
  });

  it('waits for a new value on an explicit refresh, and passes the previous value to the loader', async () => {
    const seen: (number | undefined)[] = [];
    let n = 0;
    const c = createSwrCache({ ttlMs: () => 1e9, load: async (prev: number | undefined) => (seen.push(prev), ++n) });
    await c.get();
    expect(await c.get({ refresh: true })).toBe(2);
    expect(seen).toEqual([undefined, 1]);
  });

  it('keeps the previous value when a background refresh fails', async () => {
    let t = 0;
    let fail = false;
    const errors: unknown[] = [];
    const c = createSwrCache({
      ttlMs: () => 10, now: () => t, onBackgroundError: (e) => errors.push(e),
      load: async () => { if (fail) throw new Error('down'); return 'ok'; },
    });
    await c.get();
    fail = true;
    t = 100;
    expect(await c.get()).toBe('ok');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    expect(await c.get()).toBe('ok');
  });

  it('applies a local change to the value now and to a load already under way (which read the source before it)', async () => {
    let t = 0;
    const d = deferred<number[]>();
    let first = true;
    const c = createSwrCache<number[]>({ ttlMs: () => 100, now: () => t, load: () => (first ? ((first = false), Promise.resolve([1])) : d.promise) });
    expect(await c.get()).toEqual([1]);
    const add = (v: number[]) => (v.includes(9) ? v : [...v, 9]);
    c.update(add);
    expect(c.peek()).toEqual([1, 9]);
    t = 200;
    expect(await c.get()).toEqual([1, 9]); // stale: served while a reload starts
    c.update((v) => v.filter((x) => x !== 1));
    d.resolve([1, 2]); // read before the second change, and without the first
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(c.peek()).toEqual([2]);
  });

  it('update on an empty cache does nothing until a value arrives', async () => {
    const c = createSwrCache<number>({ ttlMs: () => 100, load: async () => 5 });
    c.update((v) => v + 1);
    expect(c.peek()).toBeUndefined();
    expect(await c.get()).toBe(5);
  });
});

describe('createSwrCache on behalf of outside callers', () => {
  const anyone: Requester = { admitLoad: () => undefined };

  it('grants a forced refresh at most once per interval; the others are answered from the one in flight or the last one', async () => {
    let t = 0;
    let n = 0;
    let gate = deferred<void>();
    const c = createSwrCache({ ttlMs: () => 1e9, now: () => t, forcedRefreshMinMs: () => 10_000, load: async () => (await gate.promise, ++n) });
    gate.resolve();
    expect(await c.get()).toBe(1);
    // Within the interval: the value the last load left, no load.
    t = 5_000;
    expect(await Promise.all(Array.from({ length: 100 }, () => onBehalfOf(anyone, () => c.get({ refresh: true }))))).toEqual(Array(100).fill(1));
    expect(n).toBe(1);
    // Past it: one load, shared by everyone asking while it runs.
    t = 10_000;
    gate = deferred<void>();
    const asked = Promise.all(Array.from({ length: 100 }, () => onBehalfOf(anyone, () => c.get({ refresh: true }))));
    gate.resolve();
    expect(await asked).toEqual(Array(100).fill(2));
    expect(n).toBe(2);
    // The interval runs from the end of that load.
    t = 15_000;
    expect(await onBehalfOf(anyone, () => c.get({ refresh: true }))).toBe(2);
    // The dashboard's own refresh (no outside caller) is not limited.
    expect(await c.get({ refresh: true })).toBe(3);
  });

  it('reads FORCED_REFRESH_MIN_SECONDS (default 10 s)', async () => {
    let t = 0;
    let n = 0;
    const c = createSwrCache({ ttlMs: () => 1e9, now: () => t, load: async () => ++n });
    await c.get();
    t = 9_999;
    expect(await onBehalfOf(anyone, () => c.get({ refresh: true }))).toBe(1);
    process.env.FORCED_REFRESH_MIN_SECONDS = '2';
    try {
      t = 10_000;
      expect(await onBehalfOf(anyone, () => c.get({ refresh: true }))).toBe(2);
      t = 11_000;
      expect(await onBehalfOf(anyone, () => c.get({ refresh: true }))).toBe(2);
    } finally {
      delete process.env.FORCED_REFRESH_MIN_SECONDS;
    }
  });

  it('asks the requester before a load it causes, leaves the value as it is when refused, and runs background refreshes for no one', async () => {
    let t = 0;
    const seen: string[] = [];
    const c = createSwrCache({ ttlMs: () => 100, now: () => t, forcedRefreshMinMs: () => 0, load: async () => (seen.push(loadContext()), seen.length) });
    const admitted: Requester = { admitLoad: () => undefined };
    const spent: Requester = { admitLoad: () => { throw new Error('budget spent'); } };
    await expect(onBehalfOf(spent, () => c.get())).rejects.toThrow('budget spent');
    expect(seen).toEqual([]);
    expect(await onBehalfOf(admitted, () => c.get())).toBe(1);
    await expect(onBehalfOf(spent, () => c.get({ refresh: true }))).rejects.toThrow('budget spent');
    expect(c.peek()).toBe(1);
    t = 200; // stale: refreshed in the background even for a requester whose budget is spent
    expect(await onBehalfOf(spent, () => c.get())).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['requested', 'background']);
    expect(loadContext()).toBe('none');
  });
});
