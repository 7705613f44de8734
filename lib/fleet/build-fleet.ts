import 'server-only';
import { fleetAccounts, accountLabel, type FleetAccount } from '@/lib/accounts/accounts';
import { toSourceError } from '@/lib/aws/describe-error';
import { sameScope, scopeKey } from '@/lib/aws/scope';
import { buildRegion } from './build-region';
import type { FleetSnapshot, RegionSnapshot } from './types';

let counter = 0;

/**
 * Every configured region in parallel. A region whose node list fails keeps the nodes of the previous snapshot
 * (marked not ok, with their old fetch time) so one outage does not blank the dashboard.
 */
export async function buildFleet(previous?: FleetSnapshot): Promise<FleetSnapshot> {
  const { accounts, scopes, listingError } = await fleetAccounts();
  const fresh = await Promise.all(scopes.map((s) => buildRegion(s, accountLabel(accounts, s.account))));
  const merged = fresh.map((r) => carryOver(r, previous?.regions.find((p) => sameScope(p, r))));
  return assemble(merged, accounts, listingError && toSourceError('organizations:ListAccounts', listingError));
}

function carryOver(now: RegionSnapshot, before: RegionSnapshot | undefined): RegionSnapshot {
  // A failed region keeps its last good nodes (not an EC2-only read: the SSM facts it lacks are what the page is for).
  if (now.ok || !before || before.nodes.length === 0 || before.ec2Only) return now;
  return { ...before, ok: false, errors: now.errors, durationMs: now.durationMs };
}

export function assemble(regions: RegionSnapshot[], accounts: FleetAccount[], accountsError?: FleetSnapshot['accountsError']): FleetSnapshot {
  const nodes = regions.flatMap((r) => r.nodes);
  const byId = new Map<string, { row: (typeof nodes)[number]; region: RegionSnapshot }>();
  for (const region of regions) for (const row of region.nodes) byId.set(row.id, { row, region });
  const generatedAt = new Date().toISOString();
  return { version: `${Date.now().toString(36)}-${++counter}`, generatedAt, accounts, ...(accountsError ? { accountsError } : {}), regions, nodes, byId };
}
