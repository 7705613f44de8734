import 'server-only';
import { LIMITS, PageCapError } from './limits';

/** `xs` in slices of at most `size` (EC2 filters and ID lists take a bounded number of values). */
export function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Every item of an SDK paginator's pages, stopping at the hard page cap (LIMITS.maxPages). */
export async function collectPages<P, T>(operation: string, pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  for await (const page of pages) {
    if (++n > LIMITS.maxPages) throw new PageCapError(operation);
    out.push(...(items(page) ?? []));
  }
  return out;
}

/**
 * `fn` over the distinct `values` in slices of `size`, `concurrency` slices at a time, results concatenated: a
 * list of IDs of any length costs one call (or one paged listing) per slice.
 */
export async function bySlices<T, R>(values: readonly T[], size: number, fn: (slice: T[]) => Promise<R[]>, concurrency = 4): Promise<R[]> {
  const slices = chunk([...new Set(values)], size);
  const out: R[][] = new Array(slices.length);
  let next = 0;
  const worker = async () => {
    while (next < slices.length) {
      const i = next++;
      out[i] = await fn(slices[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, slices.length) }, worker));
  return out.flat();
}
