/**
 * Opaque, signed NextTokens and cursor paging over lists kept in a stable order.
 * A token names its query scope and the position after which the next page starts;
 * a token that was altered, or belongs to another query, does not decode.
 */
import { hashSeed } from './prng';

export function encodeToken(secret: string, scope: string, cursor: number): string {
  const payload = `${scope}|${cursor}`;
  const sig = hashSeed(secret, payload).toString(36);
  return Buffer.from(`${payload}|${sig}`, 'utf8').toString('base64');
}

/** The cursor in the token, or null if the token is not one this scope issued. */
export function decodeToken(secret: string, scope: string, token: string): number | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return null;
  const parts = Buffer.from(token, 'base64').toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [tokenScope, cursorText, sig] = parts;
  if (tokenScope !== scope || !/^-?\d+$/.test(cursorText)) return null;
  if (hashSeed(secret, `${tokenScope}|${cursorText}`).toString(36) !== sig) return null;
  return Number(cursorText);
}

export interface Page<T> {
  items: T[];
  /** Cursor of the last item returned, when more items follow. */
  nextCursor?: number;
}

/** First index whose key is greater than `after` (items sorted by key ascending). */
function firstAfter<T>(items: readonly T[], key: (item: T) => number, after: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to `max` accepted items whose key is greater than `after`. `weight` lets an item
 * count as several (EC2 reservations count their instances); at least one is returned.
 */
export function pageAfter<T>(
  items: readonly T[],
  key: (item: T) => number,
  after: number | undefined,
  max: number,
  accept: (item: T) => boolean = () => true,
  weight: (item: T) => number = () => 1,
): Page<T> {
  const out: T[] = [];
  let used = 0;
  let i = after === undefined ? 0 : firstAfter(items, key, after);
  for (; i < items.length; i++) {
    const item = items[i];
    if (!accept(item)) continue;
    const w = weight(item);
    if (out.length > 0 && used + w > max) break;
    out.push(item);
    used += w;
    if (used >= max) {
      i++;
      break;
    }
  }
  for (; i < items.length; i++) {
    if (accept(items[i])) return { items: out, nextCursor: key(out[out.length - 1]) };
  }
  return { items: out };
}

/** A short digest of a query's parameters, to bind a token to them. */
export function hashToken(text: string): string {
  return hashSeed(text).toString(36);
}
