import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import type { PatchRunPreview } from '@/lib/contracts/patch-run';

const g = globalThis as unknown as { __previewSecret?: Buffer };
const secret = () => (g.__previewSecret ??= randomBytes(32));

/**
 * Binds a confirmation to exactly what the preview showed: the request, the nodes and the commands. If the fleet
 * changed in between (a node went offline, a tag moved), the token no longer matches and the run is refused.
 */
export function previewToken(p: Omit<PatchRunPreview, 'previewToken'>): string {
  const material = JSON.stringify({
    request: p.request,
    nodes: p.nodes.map((n) => [n.id, n.unreachable]),
    commands: p.commands,
  });
  return createHmac('sha256', secret()).update(material).digest('base64url');
}
