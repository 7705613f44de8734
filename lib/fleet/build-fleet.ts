import 'server-only';
import { configuredRegions } from '@/lib/aws/config';
import { buildRegion } from './build-region';
import type { FleetSnapshot, RegionSnapshot } from './types';

let counter = 0;

/**
 * Every configured region in parallel. A region whose node list fails keeps the nodes of the previous snapshot
 * (marked not ok, with their old fetch time) so one outage does not blank the dashboard.
 */
export async function buildFleet(previous?: FleetSnapshot): Promise<FleetSnapshot> {
  const regions = configuredRegions();
  const fresh = await Promise.all(regions.map((r) => buildRegion(r)));
  const merged = fresh.map((r) => carryOver(r, previous?.regions.find((p) => p.region === r.region)));
  return assemble(merged);
}

function carryOver(now: RegionSnapshot, before: RegionSnapshot | undefined): RegionSnapshot {
  // A failed region keeps its last good nodes (not an EC2-only read: the SSM facts it lacks are what the page is for).
  if (now.ok || !before || before.nodes.length === 0 || before.ec2Only) return now;
  return { ...before, ok: false, errors: now.errors, durationMs: now.durationMs };
}

export function assemble(regions: RegionSnapshot[]): FleetSnapshot {
  const nodes = regions.flatMap((r) => r.nodes);
  const byId = new Map<string, { row: (typeof nodes)[number]; region: RegionSnapshot }>();
  for (const region of regions) for (const row of region.nodes) byId.set(row.id, { row, region });
  const generatedAt = new Date().toISOString();
  return { version: `${Date.now().toString(36)}-${++counter}`, generatedAt, regions, nodes, byId };
}
