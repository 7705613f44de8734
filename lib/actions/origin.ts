import 'server-only';
import { actionSettings, type ActionSettings } from './settings';

/** The value the nearest proxy set: with one trusted proxy in front, whatever a client sent comes before it. */
const lastValue = (v: string | null) => v?.split(',').at(-1)?.trim() || null;

/**
 * Mutations must come from the dashboard's own pages: Origin must be present and name this host. (Next.js lets a
 * request without Origin through to server actions; we do not.) The host is the Host header, unless the dashboard is
 * configured to sit behind a proxy (TRUST_FORWARDED_HEADERS=true): only then are X-Forwarded-Host and -Proto believed,
 * since without such a proxy any client can send them (and would pass by naming its own origin in both).
 */
export function originProblem(req: Request, s: ActionSettings = actionSettings()): string | null {
  const origin = req.headers.get('origin');
  if (!origin) return 'the request has no Origin header; actions are accepted only from the dashboard itself';
  const forwardedHost = s.trustForwardedHeaders ? lastValue(req.headers.get('x-forwarded-host')) : null;
  const forwardedProto = s.trustForwardedHeaders ? lastValue(req.headers.get('x-forwarded-proto')) : null;
  const host = forwardedHost || req.headers.get('host');
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `the Origin header "${origin.slice(0, 200)}" is not a URL`;
  }
  if (!host || parsed.host !== host.toLowerCase()) {
    return `cross-site request refused: Origin ${origin.slice(0, 200)} does not match host ${host?.slice(0, 200) ?? '(none)'}`;
  }
  if (forwardedProto && parsed.protocol !== `${forwardedProto.toLowerCase()}:`) {
    return `cross-site request refused: Origin ${origin.slice(0, 200)} is not ${forwardedProto.slice(0, 20)}, the scheme the proxy received`;
  }
  return null;
}
