/**
 * Which methods each `/api` route answers, for the proxy: Next.js answers a method a route does not export with an
 * empty 405 and no `Allow`, and an unknown method (TRACE) with a 500, before any route code runs. The table is read
 * from `app/api` at build time (scan-routes.ts, via next.config.ts) so no route has to repeat its methods anywhere.
 * Edge-safe: no Node APIs.
 */
export type RouteTable = Record<string, string[]>;

export const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** `Allow` for a route that exports these methods: HEAD comes with GET, OPTIONS always (Next.js implements both). */
export function allowOf(exported: readonly string[]): string[] {
  const allow = new Set(exported);
  if (allow.has('GET')) allow.add('HEAD');
  allow.add('OPTIONS');
  return HTTP_METHODS.filter((m) => allow.has(m));
}

const isDynamic = (s: string) => s.startsWith('[') && s.endsWith(']');
const isCatchAll = (s: string) => /^\[{1,2}\.\.\./.test(s);

/**
 * The route pattern Next.js would pick for a path ("/api/nodes/[id]"), static segments before dynamic ones before
 * catch-alls; undefined when only a catch-all of the table (or nothing) matches.
 */
export function matchRoute(table: RouteTable, pathname: string): string | undefined {
  const parts = pathname.split('/').filter(Boolean);
  let best: { pattern: string; rank: number[] } | undefined;
  for (const pattern of Object.keys(table)) {
    const segs = pattern.split('/').filter(Boolean);
    if (segs.some(isCatchAll) || segs.length !== parts.length) continue;
    if (!segs.every((s, i) => isDynamic(s) || s === parts[i])) continue;
    const rank = segs.map((s) => (isDynamic(s) ? 1 : 0));
    if (!best || rank.join('') < best.rank.join('')) best = { pattern, rank };
  }
  return best?.pattern;
}

/** The table baked in at build time (an empty table when the proxy runs without it, e.g. in unit tests). */
export function builtRouteTable(): RouteTable {
  try {
    return JSON.parse(process.env.API_ROUTE_METHODS || '{}') as RouteTable;
  } catch {
    return {};
  }
}
