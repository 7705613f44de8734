/**
 * Each scanned node's patch list: generated lazily and deterministically from the
 * node's scan seed and profile, or the stored list once something has changed it.
 * Patch-state counts are always derived from the list, never stored.
 */
import { DAY, HOUR } from './clock';
import { platformSpec } from './catalog';
import { patchCatalog, isSecurityPatch } from './patch-catalog';
import { mulberry32 } from './prng';
import type { PatchDef, PatchEntry, PatchScan, PatchState, SimNode } from './types';

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

const STATES: readonly PatchState[] = ['Installed', 'InstalledOther', 'InstalledPendingReboot', 'InstalledRejected', 'Missing', 'Failed', 'NotApplicable'];
const [INSTALLED, OTHER, PENDING_REBOOT, REJECTED, MISSING, FAILED, NOT_APPLICABLE] = [0, 1, 2, 3, 4, 5, 6];
const NON_COMPLIANT: ReadonlySet<PatchState> = new Set(['Missing', 'Failed', 'InstalledPendingReboot', 'InstalledRejected']);

/** A generated list in compact form: one state per catalog entry, install times (NaN when not installed). */
interface CompactList {
  catalog: readonly PatchDef[];
  states: Uint8Array;
  installed: Float64Array;
}

/** Reused buffers for counting (counts need no install times and no allocation). */
const scratch = { states: new Uint8Array(256), installed: new Float64Array(256) };

/**
 * The deterministic list for a node's scan: most applicable patches installed, the
 * profile's share outstanding. Writes into fresh arrays, or into the scratch buffers.
 */
function generateCompact(node: SimNode, scan: PatchScan, useScratch = false): CompactList {
  const family = platformSpec(node.platform).family;
  const catalog = patchCatalog(family);
  const n = catalog.length;
  const next = mulberry32(scan.seed);
  const notApplicable = family === 'windows' ? 0.2 : 0.35;
  const states = useScratch ? scratch.states : new Uint8Array(n);
  const installed = useScratch ? scratch.installed : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const roll = next();
    if (roll < notApplicable) {
      states[i] = NOT_APPLICABLE;
      installed[i] = NaN;
      continue;
    }
    const released = scan.startTime - catalog[i].ageDays * DAY;
    installed[i] = Math.round(Math.min(scan.startTime - HOUR, released + Math.floor(next() * 20) * DAY));
    states[i] = roll < notApplicable + 0.06 ? OTHER : INSTALLED;
  }
  // Newest applicable patches are the likeliest to be outstanding.
  let i = n - 1;
  const take = (count: number, state: number) => {
    for (; count > 0 && i >= 0; i--) {
      if (states[i] !== INSTALLED) continue;
      states[i] = state;
      if (state === MISSING || state === FAILED) installed[i] = NaN;
      else if (state === PENDING_REBOOT) installed[i] = scan.startTime - Math.floor(next() * 6) * HOUR;
      count--;
    }
  };
  const { missing, failed, pendingReboot, rejected } = scan.profile;
  take(pendingReboot, PENDING_REBOOT);
  take(failed, FAILED);
  take(missing, MISSING);
  take(rejected, REJECTED);
  return { catalog, states, installed };
}

export function generatePatchList(node: SimNode, scan: PatchScan): PatchEntry[] {
  const { catalog, states, installed } = generateCompact(node, scan);
  return catalog.map((def, i) => {
    const entry: PatchEntry = { def, state: STATES[states[i]] };
    if (!Number.isNaN(installed[i])) entry.installedTime = installed[i];
    return entry;
  });
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

const emptyCounts = (): PatchCounts => ({
  InstalledCount: 0, InstalledOtherCount: 0, InstalledPendingRebootCount: 0, InstalledRejectedCount: 0,
  MissingCount: 0, FailedCount: 0, NotApplicableCount: 0,
  CriticalNonCompliantCount: 0, SecurityNonCompliantCount: 0, OtherNonCompliantCount: 0,
});

const COUNT_KEY = Object.fromEntries(STATES.map((s) => [s, `${s}Count`])) as Record<PatchState, keyof PatchCounts>;

function countOne(c: PatchCounts, def: PatchDef, state: PatchState): void {
  c[COUNT_KEY[state]]++;
  if (!NON_COMPLIANT.has(state)) return;
  if (isCritical(def.severity)) c.CriticalNonCompliantCount++;
  else if (isSecurityPatch(def)) c.SecurityNonCompliantCount++;
  else c.OtherNonCompliantCount++;
}

/**
 * Counts by state, plus the non-compliant split: Critical (severity Critical),
 * Security (security classification, not critical), Other (the rest).
 */
export function patchCounts(entries: readonly PatchEntry[]): PatchCounts {
  const c = emptyCounts();
  for (const { def, state } of entries) countOne(c, def, state);
  return c;
}

/** patchCounts(patchList(node)), without building entry objects for an unchanged list. */
export function nodePatchCounts(node: SimNode): PatchCounts | undefined {
  const scan = node.patch;
  if (!scan) return undefined;
  if (scan.patches) return patchCounts(scan.patches);
  const { catalog, states } = generateCompact(node, scan, true);
  const c = emptyCounts();
  for (let i = 0; i < catalog.length; i++) countOne(c, catalog[i], STATES[states[i]]);
  return c;
}

export function isCritical(severity: string): boolean {
  return severity === 'Critical';
}

export function isCompliant(counts: PatchCounts): boolean {
  return counts.MissingCount + counts.FailedCount + counts.InstalledPendingRebootCount + counts.InstalledRejectedCount === 0;
}
