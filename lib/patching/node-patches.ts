import 'server-only';
import { scopeOf } from '@/lib/aws/scope';
import type { NodePatches } from '@/lib/contracts/patching';
import { describeInstancePatches } from '@/lib/aws/ssm/describe-instance-patches';
import { getNodeDetail } from '@/lib/fleet/fleet';

/** A node's patches as AWS reports them (title, KB/advisory, CVEs, classification, severity, state). */
export async function getNodePatches(nodeId: string): Promise<NodePatches | null> {
  const detail = await getNodeDetail(nodeId);
  if (!detail || !detail.node.managed) return detail ? { nodeId, patches: [], fetchedAt: new Date().toISOString() } : null;
  const patches = await describeInstancePatches(scopeOf(detail.node), nodeId);
  return {
    nodeId,
    patches: patches.map((p) => ({
      title: p.Title ?? '', kbId: p.KBId ?? '', classification: p.Classification || null, severity: p.Severity || null, state: p.State ?? 'Missing',
      installedTime: p.InstalledTime && p.InstalledTime.getTime() > 0 ? p.InstalledTime.toISOString() : null,
      cveIds: (p.CVEIds ?? '').split(/[,\s]+/).filter(Boolean),
    })),
    fetchedAt: new Date().toISOString(),
  };
}
