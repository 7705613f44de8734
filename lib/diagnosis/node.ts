import 'server-only';
import type { NodeDiagnosis } from '@/lib/contracts/diagnosis';
import { NODE_ID_PATTERN } from '@/lib/contracts/node';
import { invalid, notFound, DomainError } from '@/lib/errors';
import { getFleetSnapshot, getNodeDetail } from '@/lib/fleet/fleet';
import { collectFacts, suggestedProfiles } from './collect';
import { diagnose } from './diagnose';
import { countCalls } from './meter';

/**
 * Why is this node not managed (or, for an Online node: is anything about to break)? Any node of the fleet, or one
 * registered since the last refresh (looked up live), on demand. Read-only; facts are cached for a few minutes, so a
 * node diagnosed by the fleet view costs no call. `refresh` reads everything again.
 *
 * Ping `Unknown` (SSM's node list of the region could not be read): diagnosed from EC2's facts, with the agent step
 * unchecked.
 */
export async function diagnoseNode(id: string, opts: { refresh?: boolean } = {}): Promise<NodeDiagnosis> {
  if (!NODE_ID_PATTERN.test(id)) throw invalid('InvalidNodeId', 'A node ID looks like i-0123456789abcdef0 or mi-0123456789abcdef0.');
  const snap = await getFleetSnapshot();
  const hit = snap.byId.get(id);
  const detail = hit ? null : await getNodeDetail(id);
  const row = hit?.row ?? detail?.node;
  if (!row) throw notFound('NodeNotFound', `No node ${id} in any configured region.`);
  const activationId = (hit ? hit.region.extras.get(id)?.activationId : detail?.ssm?.activationId) ?? null;
  const { value, calls } = await countCalls(() =>
    collectFacts([{ row, activationId }], { refresh: opts.refresh, suggestedProfiles: suggestedProfiles(snap.nodes) }),
  );
  const facts = value.facts[0];
  if (!facts) throw new DomainError('unavailable', 'DiagnosisFailed', `The facts for ${id} could not be gathered: ${value.failed[0]?.error ?? 'unknown error'}`);
  return diagnose(facts, { calls }).dto;
}
