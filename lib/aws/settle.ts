import { AwsError, toAwsError } from '@/lib/aws/errors';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: AwsError };

/** Never rejects: one failing source must not take the others down. */
export function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (err: unknown) => ({ ok: false as const, error: toAwsError(err) }),
  );
}
