import 'server-only';

/**
 * Mutations must come from the dashboard's own pages: Origin must be present and name this host. (Next.js lets a
 * request without Origin through to server actions; we do not.)
 */
export function originProblem(req: Request): string | null {
  const origin = req.headers.get('origin');
  if (!origin) return 'the request has no Origin header; actions are accepted only from the dashboard itself';
  const host = req.headers.get('x-forwarded-host')?.split(',')[0].trim() || req.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `the Origin header "${origin}" is not a URL`;
  }
  if (!host || originHost !== host) return `cross-site request refused: Origin ${origin} does not match host ${host ?? '(none)'}`;
  return null;
}
