/**
 * Values by key with a TTL and single flight, loaded in batches: `getMany` asks the loader once for every key that is
 * neither fresh nor already being loaded, so 500 instances in 20 VPCs cost one batched load of 20 VPCs, and a second
 * caller asking meanwhile waits for the same load. A value `keep` rejects (one holding a failed fact) is served to the
 * callers of its load, then forgotten, so the next diagnosis asks AWS again. At most `maxKeys` keys: the least
 * recently used go first.
 */
export interface BatchCache<V> {
  getMany(keys: string[], load: (missing: string[]) => Promise<Map<string, V>>, opts?: { refresh?: boolean }): Promise<Map<string, V>>;
  clear(): void;
  readonly size: number;
}

interface Entry<V> {
  promise: Promise<V | undefined>;
  at: number;
}

export function createBatchCache<V>(opts: { ttlMs: () => number; maxKeys: number; keep?: (v: V) => boolean; now?: () => number }): BatchCache<V> {
  const entries = new Map<string, Entry<V>>();
  const now = opts.now ?? Date.now;

  function touch(key: string, e: Entry<V>) {
    entries.delete(key);
    entries.set(key, e);
    while (entries.size > opts.maxKeys) entries.delete(entries.keys().next().value as string);
  }

  function startLoad(missing: string[], load: (missing: string[]) => Promise<Map<string, V>>, mine: Map<string, Entry<V>>) {
    const batch = load(missing);
    const at = now();
    for (const key of missing) {
      const e: Entry<V> = { at, promise: batch.then((m) => m.get(key)) };
      mine.set(key, e);
      touch(key, e);
      // Failed loads and unkept values are not remembered (only by callers already waiting on them).
      e.promise.then(
        (v) => {
          if (v !== undefined && opts.keep && !opts.keep(v) && entries.get(key) === e) entries.delete(key);
        },
        () => {
          if (entries.get(key) === e) entries.delete(key);
        },
      );
    }
  }

  return {
    async getMany(keys, load, o = {}) {
      const unique = [...new Set(keys)];
      const t = now();
      const mine = new Map<string, Entry<V>>();
      const missing: string[] = [];
      for (const k of unique) {
        const e = entries.get(k);
        if (o.refresh || !e || t - e.at >= opts.ttlMs()) missing.push(k);
        else {
          mine.set(k, e);
          touch(k, e);
        }
      }
      if (missing.length) startLoad(missing, load, mine);
      const out = new Map<string, V>();
      await Promise.all(
        [...mine].map(async ([k, e]) => {
          const v = await e.promise;
          if (v !== undefined) out.set(k, v);
        }),
      );
      return out;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/** getMany for IDs within one scope (a region): keys are `prefix|id`, the loader and the answer speak IDs. */
export async function getScoped<V>(
  cache: BatchCache<V>, prefix: string, ids: string[], load: (ids: string[]) => Promise<Map<string, V>>, opts: { refresh?: boolean } = {},
): Promise<Map<string, V>> {
  const p = `${prefix}|`;
  const got = await cache.getMany(
    ids.map((id) => p + id),
    async (missing) => new Map([...(await load(missing.map((k) => k.slice(p.length))))].map(([id, v]) => [p + id, v])),
    opts,
  );
  return new Map([...got].map(([k, v]) => [k.slice(p.length), v]));
}
