import 'server-only';
import type { OpsItemDataValue } from '@aws-sdk/client-ssm';
import { createHash } from 'node:crypto';
import { OPS_LIMITS, type CreateOpsItemInput } from '@/lib/contracts/ops-items';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { invalid, notFound } from '@/lib/errors';
import { getRunDetail, runNodes } from '@/lib/runs/progress';
import { getRun } from '@/lib/runs/store';
import { scopeKey } from '@/lib/aws/scope';

/** One OpsItem to create: a region, its nodes, the operational data its source adds, and the dedup seed. */
export interface CreatePlan {
  region: string;
  nodeIds: string[];
  data: Record<string, OpsItemDataValue>;
  /** What makes two submissions "the same OpsItem" (hashed into `/aws/dedup`). */
  dedupSeed: unknown;
}

const searchable = (Value: string): OpsItemDataValue => ({ Value, Type: 'SearchableString' });

/** `/aws/dedup`: AWS creates nothing while an OpsItem with the same string is open or in progress. */
export function dedupString(seed: unknown): string {
  return `ssm-fleet-dashboard:${createHash('sha256').update(JSON.stringify(seed)).digest('hex').slice(0, 40)}`;
}

function regionOfNode(snap: FleetSnapshot, id: string): string {
  const hit = snap.byId.get(id);
  if (!hit) throw invalid('UnknownNode', `node ${id} is not in the fleet (as last read); refresh the fleet or check the ID`);
  return scopeKey(hit.region);
}

/** Nodes grouped by region, each group sorted; more than the limit are left out and counted. */
function byRegion(ids: string[], regionOf: (id: string) => string): { groups: Map<string, string[]>; omitted: number } {
  const groups = new Map<string, string[]>();
  let omitted = 0;
  for (const id of [...new Set(ids)].sort()) {
    const region = regionOf(id);
    const list = groups.get(region) ?? [];
    if (list.length >= OPS_LIMITS.relatedNodes) omitted++;
    else list.push(id);
    groups.set(region, list);
  }
  return { groups, omitted };
}

/**
 * What a creation request turns into: one OpsItem per region (OpsItems are regional, and a node page reads its own
 * region's OpsItems). A triage group brings its failed nodes, command IDs, document and error sample.
 */
export async function planCreation(input: CreateOpsItemInput, snap: FleetSnapshot): Promise<{ plans: CreatePlan[]; omitted: number }> {
  const from = input.from;
  if (from.kind === 'triage') return planFromTriage(input, from.runId, from.group);
  const nodes = from.kind === 'node' ? [from.nodeId, ...input.nodeIds] : input.nodeIds;
  const { groups, omitted } = byRegion(nodes, (id) => regionOfNode(snap, id));
  if (!groups.size) {
    if (!input.region) throw invalid('RegionRequired', 'region: say which region the OpsItem belongs in (no node is related)');
    groups.set(input.region, []);
  }
  if (input.region && !groups.has(input.region)) {
    throw invalid('RegionMismatch', `region: ${input.region} is not the region of the related nodes (${[...groups.keys()].join(', ')})`);
  }
  const plans = [...groups].map(([region, nodeIds]) => ({
    region,
    nodeIds,
    data: {},
    dedupSeed: { kind: from.kind, region, title: input.title.trim(), nodes: nodeIds },
  }));
  return { plans, omitted };
}

async function planFromTriage(input: CreateOpsItemInput, runId: string, groupKey: string): Promise<{ plans: CreatePlan[]; omitted: number }> {
  const run = getRun(runId);
  if (!run) throw notFound('RunNotFound', `no run ${runId}`);
  const detail = await getRunDetail(runId);
  const group = detail.triage.find((g) => g.key === groupKey);
  if (!group) throw invalid('UnknownTriageGroup', `run ${runId} has no failure group ${groupKey} (its groups: ${detail.triage.map((g) => g.key).join(', ') || 'none'})`);
  const failed = (await runNodes(runId)).filter((n) => n.group === groupKey);
  const region = new Map(failed.map((n) => [n.nodeId, scopeKey(n)]));
  const { groups, omitted } = byRegion([...failed.map((n) => n.nodeId), ...input.nodeIds], (id) => region.get(id) ?? 'unknown');
  groups.delete('unknown');
  const plans = [...groups].map(([r, nodeIds]): CreatePlan => {
    const inRegion = failed.filter((n) => n.region === r);
    const commandIds = [...new Set(inRegion.map((n) => n.commandId))].sort();
    const data: Record<string, OpsItemDataValue> = {
      CommandId: searchable(commandIds.length === 1 ? commandIds[0] : JSON.stringify(commandIds)),
      Document: searchable(`${run.document} (version ${run.documentVersion})`),
      FailureSignature: searchable(group.signature),
      FailedNodes: searchable(`${inRegion.length} node${inRegion.length === 1 ? '' : 's'} in ${r} failed this way${inRegion.length > nodeIds.length ? `; the first ${nodeIds.length} are related, all are in run ${runId}` : ''}`),
      DashboardRun: searchable(runId),
    };
    if (group.sample) data.ErrorSample = { Value: `${group.sample.nodeId}:\n${group.sample.text.slice(0, 4000)}`, Type: 'String' };
    return { region: r, nodeIds, data, dedupSeed: { kind: 'triage', runId, group: groupKey, region: r } };
  });
  if (!plans.length) throw invalid('NothingToRelate', `failure group ${groupKey} of run ${runId} has no nodes any more`);
  return { plans, omitted };
}
