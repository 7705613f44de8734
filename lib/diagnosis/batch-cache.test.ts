import { describe, expect, it } from 'vitest';
import { createBatchCache, getScoped } from './batch-cache';

function setup(keep?: (v: string) => boolean) {
  let t = 0;
  const loads: string[][] = [];
  const cache = createBatchCache<string>({ ttlMs: () => 1000, maxKeys: 100, keep, now: () => t });
  const load = async (keys: string[]) => {
    loads.push(keys);
    await new Promise((r) => setTimeout(r, 5));
    return new Map(keys.filter((k) => k !== 'absent').map((k) => [k, `v:${k}`]));
  };
  return { cache, load, loads, advance: (ms: number) => (t += ms) };
}

describe('createBatchCache', () => {
  it('loads the missing keys in one batch and serves them from the cache until the TTL', async () => {
    const { cache, load, loads, advance } = setup();
    expect([...(await cache.getMany(['a', 'b', 'a'], load))]).toEqual([['a', 'v:a'], ['b', 'v:b']]);
    await cache.getMany(['a', 'b', 'c'], load);
    expect(loads).toEqual([['a', 'b'], ['c']]);
    advance(1000);
    await cache.getMany(['a'], load);
    expect(loads.at(-1)).toEqual(['a']);
    await cache.getMany(['b'], load, { refresh: true });
    expect(loads.at(-1)).toEqual(['b']);
  });

  it('concurrent callers share one load (single flight); keys the loader leaves out are absent', async () => {
    const { cache, load, loads } = setup();
    const [x, y] = await Promise.all([cache.getMany(['a', 'absent'], load), cache.getMany(['a', 'b'], load)]);
    expect(loads).toEqual([['a', 'absent'], ['b']]);
    expect([...x.keys()]).toEqual(['a']);
    expect([...y.keys()]).toEqual(['a', 'b']);
  });

  it('values `keep` rejects and failed loads are served once, then asked again', async () => {
    const { cache, load, loads } = setup((v) => v !== 'v:bad');
    await cache.getMany(['bad', 'good'], load);
    await new Promise((r) => setTimeout(r, 1));
    await cache.getMany(['bad', 'good'], load);
    expect(loads).toEqual([['bad', 'good'], ['bad']]);
    await expect(cache.getMany(['x'], async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 1));
    expect((await cache.getMany(['x'], load)).get('x')).toBe('v:x');
  });

  it('getScoped keeps scopes apart and speaks IDs', async () => {
    const { cache, load, loads } = setup();
    const east = await getScoped(cache, 'us-east-1', ['vpc-1'], load);
    await getScoped(cache, 'eu-west-1', ['vpc-1'], load);
    expect([...east]).toEqual([['vpc-1', 'v:vpc-1']]);
    expect(loads).toEqual([['vpc-1'], ['vpc-1']]);
  });
});
