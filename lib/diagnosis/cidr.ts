/** IPv4 CIDR arithmetic for rule matching (IPv6 rules are left out of the diagnosis). */

export interface Range {
  lo: number;
  hi: number;
}

const parsed = new Map<string, Range | null>();

/** `10.0.0.0/16` (or a bare address, as /32) as an inclusive address range; null when not IPv4. Memoized. */
export function parseCidr(cidr: string | null | undefined): Range | null {
  if (!cidr) return null;
  let r = parsed.get(cidr);
  if (r === undefined) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(cidr, (r = parse(cidr)));
  }
  return r;
}

function parse(cidr: string): Range | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr?.trim() ?? '');
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return null;
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const lo = Math.floor(addr / size) * size;
  return { lo, hi: lo + size - 1 };
}

/**
 * The peer "any public address" (the public SSM endpoints' addresses are AWS's to change): only a rule for 0.0.0.0/0
 * covers all of it, and a rule for private or shared address space (10/8, 172.16/12, 192.168/16, 100.64/10,
 * 127/8, 169.254/16) does not touch it at all.
 */
export const INTERNET = '0.0.0.0/0';
const NOT_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((c) => parseCidr(c) as Range);

function within(inner: Range, outer: Range): boolean {
  return outer.lo <= inner.lo && inner.hi <= outer.hi;
}

/** Every address of `peer` is in `rule` (for INTERNET: the rule is 0.0.0.0/0). */
export function cidrContains(rule: string | null | undefined, peer: string | null | undefined): boolean {
  const o = parseCidr(rule);
  const i = parseCidr(peer);
  return !!o && !!i && within(i, o);
}

/** Some address of `peer` is in `rule` (for INTERNET: the rule holds some public address). */
export function cidrOverlaps(rule: string | null | undefined, peer: string | null | undefined): boolean {
  const x = parseCidr(rule);
  const y = parseCidr(peer);
  if (!x || !y) return false;
  if (peer === INTERNET) return !NOT_PUBLIC.some((p) => within(x, p));
  return x.lo <= y.hi && y.lo <= x.hi;
}
