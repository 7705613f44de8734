import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import type { BuiltPreview } from './preview';

const g = globalThis as unknown as { __previewSecret?: Buffer };
const secret = () => (g.__previewSecret ??= randomBytes(32));

/**
 * Binds a confirmation to exactly what the preview showed: the request, the document version, each node's fate and
 * the commands. If the fleet changed in between (a node went offline, a tag moved), the token no longer matches and
 * the run is refused.
 */
export function previewToken(p: BuiltPreview): string {
  const material = JSON.stringify({
    request: p.request,
    version: p.document.version,
    nodes: p.nodes.map((n) => [n.id, n.fate, n.included]),
    commands: p.planned.map((c) => [c.region, c.instanceIds ?? c.targets, c.byTargets, c.maxConcurrency, c.maxErrors]),
  });
  return createHmac('sha256', secret()).update(material).digest('base64url');
}
