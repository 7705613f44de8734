/**
 * Each scanned node's patch list: generated lazily and deterministically from the
 * node's scan seed and profile, or the stored list once something has changed it.
 * Patch-state counts are always derived from the list, never stored.
 */
import { DAY, HOUR } from './clock';
import { platformSpec } from './catalog';
import { patchCatalog, isSecurityPatch } from './patch-catalog';
import { createRng } from './prng';
import type { PatchEntry, PatchScan, PatchState, SimNode } from './types';

export interface PatchCounts {
  InstalledCount: number;
  InstalledOtherCount: number;
  InstalledPendingRebootCount: number;
  InstalledRejectedCount: number;
  MissingCount: number;
  FailedCount: number;
  NotApplicableCount: number;
  CriticalNonCompliantCount: number;
  SecurityNonCompliantCount: number;
  OtherNonCompliantCount: number;
}

const NON_COMPLIANT: ReadonlySet<PatchState> = new Set(['Missing', 'Failed', 'InstalledPendingReboot', 'InstalledRejected']);

export function generatePatchList(node: SimNode, scan: PatchScan): PatchEntry[] {
  const family = platformSpec(node.platform).family;
  const catalog = patchCatalog(family);
  const rng = createRng(scan.seed);
  const notApplicable = family === 'windows' ? 0.2 : 0.35;
  const entries: PatchEntry[] = catalog.map((def) => {
    const roll = rng.next();
    if (roll < notApplicable) return { def, state: 'NotApplicable' };
    const released = scan.startTime - def.ageDays * DAY;
    const installedTime = Math.round(Math.min(scan.startTime - HOUR, released + rng.int(20) * DAY));
    return { def, state: roll < notApplicable + 0.06 ? 'InstalledOther' : 'Installed', installedTime };
  });
  // Newest applicable patches are the likeliest to be outstanding.
  const candidates = entries.filter((e) => e.state === 'Installed').reverse();
  let next = 0;
  const take = (count: number, state: PatchState, keepTime: boolean) => {
    for (let i = 0; i < count && next < candidates.length; i++) {
      const entry = candidates[next++];
      entry.state = state;
      if (!keepTime) delete entry.installedTime;
      else if (state === 'InstalledPendingReboot') entry.installedTime = scan.startTime - rng.int(6) * HOUR;
    }
  };
  const { missing, failed, pendingReboot, rejected } = scan.profile;
  take(pendingReboot, 'InstalledPendingReboot', true);
  take(failed, 'Failed', false);
  take(missing, 'Missing', false);
  take(rejected, 'InstalledRejected', true);
  return entries;
}

/** The node's current patch list, or undefined if it was never scanned. */
export function patchList(node: SimNode): PatchEntry[] | undefined {
  const scan = node.patch;
  if (!scan) return undefined;
  return scan.patches ?? generatePatchList(node, scan);
}

/** Changes a node's patch list (materialising it first); later work uses this for patch runs. */
export function updatePatchList(node: SimNode, update: (entries: PatchEntry[]) => void): void {
  const scan = node.patch;
  if (!scan) throw new Error(`${node.id} has no patch scan`);
  scan.patches ??= generatePatchList(node, scan);
  update(scan.patches);
}

export function isCritical(severity: string): boolean {
  return severity === 'Critical';
}

/**
 * Counts by state, plus the non-compliant split: Critical (severity Critical),
 * Security (security classification, not critical), Other (the rest).
 */
export function patchCounts(entries: readonly PatchEntry[]): PatchCounts {
  const c: PatchCounts = {
    InstalledCount: 0, InstalledOtherCount: 0, InstalledPendingRebootCount: 0, InstalledRejectedCount: 0,
    MissingCount: 0, FailedCount: 0, NotApplicableCount: 0,
    CriticalNonCompliantCount: 0, SecurityNonCompliantCount: 0, OtherNonCompliantCount: 0,
  };
  for (const { def, state } of entries) {
    c[`${state}Count`]++;
    if (!NON_COMPLIANT.has(state)) continue;
    if (isCritical(def.severity)) c.CriticalNonCompliantCount++;
    else if (isSecurityPatch(def)) c.SecurityNonCompliantCount++;
    else c.OtherNonCompliantCount++;
  }
  return c;
}

export function isCompliant(counts: PatchCounts): boolean {
  return counts.MissingCount + counts.FailedCount + counts.InstalledPendingRebootCount + counts.InstalledRejectedCount === 0;
}
