import { describe, expect, it } from 'vitest';
import { createKeyedCache } from './keyed-cache';

describe('keyed cache', () => {
  it('loads each key once while fresh, and shares a load in flight', async () => {
    let loads = 0;
    const c = createKeyedCache<string>({ ttlMs: () => 60_000, maxKeys: 10, load: async (k) => `${k}:${++loads}` });
    const [a, b] = await Promise.all([c.get('x'), c.get('x')]);
    expect([a, b]).toEqual(['x:1', 'x:1']);
    expect(await c.get('y')).toBe('y:2');
    expect(await c.get('x')).toBe('x:1');
    expect(await c.get('x', { refresh: true })).toBe('x:3');
  });

  it('drops the least recently used key past maxKeys', async () => {
    let loads = 0;
    const c = createKeyedCache<number>({ ttlMs: () => 60_000, maxKeys: 2, load: async () => ++loads });
    await c.get('a');
    await c.get('b');
    await c.get('a'); // a is now the most recent
    await c.get('c'); // drops b
    expect(c.size).toBe(2);
    expect(c.peek('b')).toBeUndefined();
    expect(c.peek('a')).toBe(1);
  });
});

describe('keyed cache with arguments', () => {
  it('loads with the arguments given, and a refresh reloads with the latest ones', async () => {
    const c = createKeyedCache<string, { n: number }>({ ttlMs: () => 60_000, maxKeys: 10, load: async (k, _prev, a) => `${k}:${a.n}` });
    expect(await c.get('x', { args: { n: 1 } })).toBe('x:1');
    expect(await c.get('x', { args: { n: 2 } })).toBe('x:1'); // fresh: served as is
    expect(await c.get('x', { refresh: true })).toBe('x:2'); // reloads with the latest arguments
  });
});
