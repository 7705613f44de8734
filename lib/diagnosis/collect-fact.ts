import 'server-only';
import { AwsError, toAwsError } from '@/lib/aws/errors';
import type { Fact } from './facts';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'OpsItemAccessDeniedException']);

/** A failure as a fact: a denied action is named (the step becomes unchecked), any other failure carries its reason. */
export function failedFact(action: string, err: unknown): Extract<Fact<never>, { ok: false }> {
  const e = err instanceof AwsError ? err : toAwsError(err);
  return { ok: false, action, denied: DENIED.has(e.code), message: e.message };
}

/** One AWS read as a fact; never rejects. */
export async function factOf<T>(action: string, p: Promise<T>): Promise<Fact<T>> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return failedFact(action, err);
  }
}

/** The same failure, or the value mapped (a batched call's answer, split per key). */
export function mapFact<T, U>(f: Fact<T>, fn: (v: T) => U): Fact<U> {
  return f.ok ? { ok: true, value: fn(f.value) } : f;
}

/** Diagnosis facts are cached this long (DIAGNOSIS_CACHE_TTL_SECONDS, default 300): network and IAM change rarely. */
export const factsTtlMs = () => (Number(process.env.DIAGNOSIS_CACHE_TTL_SECONDS) || 300) * 1000;
/** Instance state and status checks change faster: cached a fifth as long (60 s by default). */
export const instanceTtlMs = () => Math.max(1000, factsTtlMs() / 5);

/** Caches live on globalThis: Next.js may load a module once per route bundle, and there must be one per process. */
export function globalCache<T>(name: string, create: () => T): T {
  const g = globalThis as unknown as Record<string, T | undefined>;
  return (g[`__diagnosis_${name}`] ??= create());
}
