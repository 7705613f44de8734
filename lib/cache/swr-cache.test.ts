import { describe, expect, it } from 'vitest';
import { createSwrCache } from './swr-cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createSwrCache', () => {
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
