import debCompare from 'deb-version-compare';
import semver from 'semver';

/**
 * Version ordering as each packaging system does it.
 *
 * - `deb`: dpkg's rules (epoch, upstream, revision; `~` sorts before everything) via `deb-version-compare`.
 * - `rpm`: rpm's `rpmvercmp` on epoch:version-release (with `~` and `^`). No maintained npm package implements it
 *   (the few that exist are unmaintained or wrap a native rpm), so it is ported here from rpm's rpmio/rpmvercmp.c:
 *   about 40 lines, tested against rpm's own test cases.
 * - `windows`: dotted numeric parts (10.0.20348.2340), missing parts count as 0.
 * - `semver`: `semver` (npm's own parser) where the string is semver, else like `windows`.
 *
 * A query version may leave parts out: `3.0.13` against an installed `1:3.0.13-1.amzn2023.0.1` compares only what
 * the query gives (no epoch → epochs are not compared; no release → releases are not compared). That is what an ops
 * engineer means by "openssl older than 3.0.13" (Amazon Linux ships openssl with epoch 1, which would otherwise make
 * every installed openssl "newer" than any epoch-less version). Give the full version to compare all of it.
 */

export const VERSION_FAMILIES = ['rpm', 'deb', 'windows', 'semver'] as const;
export type VersionFamily = (typeof VERSION_FAMILIES)[number];

export const VERSION_OPS = ['lt', 'le', 'eq', 'ge', 'gt'] as const;
export type VersionOp = (typeof VERSION_OPS)[number];
export const OP_SYMBOL: Record<VersionOp, string> = { lt: '<', le: '<=', eq: '=', ge: '>=', gt: '>' };

/** Which packaging system a platform uses, from SSM's PlatformType and PlatformName. */
export function familyOf(platformType: string | null | undefined, platformName: string | null | undefined): VersionFamily {
  const type = (platformType ?? '').toLowerCase();
  const name = (platformName ?? '').toLowerCase();
  if (type === 'windows' || name.includes('windows')) return 'windows';
  if (type === 'macos' || name.includes('mac')) return 'semver';
  if (/ubuntu|debian|raspbian|mint/.test(name)) return 'deb';
  return 'rpm';
}

// ---------------------------------------------------------------- rpm

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAlnum = (c: string) => isDigit(c) || isAlpha(c);

/** rpm's rpmvercmp: -1, 0 or 1. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    // Tilde sorts before everything, even the end of the string.
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // Caret sorts after the end of the string but before anything else.
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    let ei = i;
    let ej = j;
    const num = isDigit(a[i]);
    const same = num ? isDigit : isAlpha;
    while (ei < a.length && same(a[ei])) ei++;
    while (ej < b.length && same(b[ej])) ej++;
    // Segments of different kinds: a number is newer than letters.
    if (ej === j) return num ? 1 : -1;
    let sa = a.slice(i, ei);
    let sb = b.slice(j, ej);
    if (num) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length > sb.length ? 1 : -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface Evr {
  epoch: string | null;
  version: string;
  release: string | null;
}

/** `[epoch:]version[-release]`; the release is after the last hyphen. */
export function parseEvr(s: string): Evr {
  const colon = s.indexOf(':');
  const epoch = colon > 0 && /^\d+$/.test(s.slice(0, colon)) ? s.slice(0, colon) : null;
  const rest = epoch === null ? s : s.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) } : { epoch, version: rest, release: null };
}

function cmpEpoch(a: string | null, b: string | null): number {
  const x = Number(a ?? 0);
  const y = Number(b ?? 0);
  return x === y ? 0 : x < y ? -1 : 1;
}

function rpmCompareEvr(a: Evr, b: Evr): number {
  return cmpEpoch(a.epoch, b.epoch) || rpmvercmp(a.version, b.version) || rpmvercmp(a.release ?? '', b.release ?? '');
}

// ---------------------------------------------------------------- dotted / semver

function dottedCompare(a: string, b: string): number {
  const pa = a.split(/[.\-+_ ]/);
  const pb = b.split(/[.\-+_ ]/);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const x = pa[k] ?? '0';
    const y = pb[k] ?? '0';
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      const d = Number(x) - Number(y);
      if (d) return d < 0 ? -1 : 1;
    } else if (x !== y) {
      return rpmvercmp(x, y);
    }
  }
  return 0;
}

function semverCompare(a: string, b: string): number {
  const x = semver.valid(a, { loose: true });
  const y = semver.valid(b, { loose: true });
  if (x && y) return semver.compare(x, y);
  return dottedCompare(a, b);
}

// ---------------------------------------------------------------- one entry point

/** Full ordering of two versions of one packaging system (both complete version strings). */
export function compareVersions(family: VersionFamily, a: string, b: string): number {
  switch (family) {
    case 'rpm':
      return rpmCompareEvr(parseEvr(a), parseEvr(b));
    case 'deb': {
      const c = debCompare(a, b);
      return c === 0 ? 0 : c < 0 ? -1 : 1;
    }
    case 'windows':
      return dottedCompare(a, b);
    case 'semver':
      return semverCompare(a, b);
  }
}

/**
 * Compare an installed version against a query version that may leave out the epoch or the release/revision:
 * only the parts the query gives are compared (see the module comment).
 */
export function compareToQuery(family: VersionFamily, installed: string, query: string): number {
  if (family === 'windows' || family === 'semver') return compareVersions(family, installed, query);
  const i = parseEvr(installed);
  const q = parseEvr(query);
  const trimmed: Evr = { epoch: q.epoch === null ? null : i.epoch ?? '0', version: i.version, release: q.release === null ? null : i.release };
  if (family === 'rpm') {
    return cmpEpoch(trimmed.epoch, q.epoch) || rpmvercmp(trimmed.version, q.version) || (q.release === null ? 0 : rpmvercmp(trimmed.release ?? '', q.release));
  }
  return compareVersions('deb', joinEvr(trimmed), joinEvr(q));
}

export function joinEvr(v: Evr): string {
  return `${v.epoch !== null ? `${v.epoch}:` : ''}${v.version}${v.release !== null && v.release !== '' ? `-${v.release}` : ''}`;
}

export function matchesOp(op: VersionOp, cmp: number): boolean {
  switch (op) {
    case 'lt':
      return cmp < 0;
    case 'le':
      return cmp <= 0;
    case 'eq':
      return cmp === 0;
    case 'ge':
      return cmp >= 0;
    case 'gt':
      return cmp > 0;
  }
}

/** Versions that a package manager would accept as a version string: printable, no spaces, bounded. */
export const VERSION_TEXT = /^[0-9A-Za-z][0-9A-Za-z.+~^:_\-]{0,127}$/;
