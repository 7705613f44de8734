/**
 * What a finished run did on its node. AWS-RunPatchBaseline:
 *   Scan     always succeeds on a reachable node; records the operation (times, baseline,
 *            reboot option), the patch list is unchanged.
 *   Install  Missing and Failed patches become Installed (RebootIfNeeded: the node reboots,
 *            pending reboots complete) or InstalledPendingReboot (NoReboot, which also sets
 *            LastNoRebootInstallOperationTime, the last NoReboot attempt). A few nodes fail: some with a broken
 *            repository or Windows Update every time (2% prod, 4% staging, 8% dev), plus
 *            1% transient failures; Linux transactions abort (the missing patches end
 *            Failed), Windows fails one or two updates and installs the rest.
 */
import { DAY, MINUTE } from '../clock';
import { patchCounts, patchList, updatePatchList } from '../patches';
import { baselineIdFor, operatingSystemOf, patchGroupOf } from '../patch-config';
import { createRng, hashSeed } from '../prng';
import { patchConfigFor, type FleetStore } from '../store';
import type { PatchDef, PatchScan, SimNode } from '../types';
import type { RunResult, SimCommand, SimInvocation } from './types';

const BROKEN_RATE = { prod: 0.02, staging: 0.04, dev: 0.08 } as const;

/** Nodes whose patch runs always fail (a broken repository, a stuck Windows Update). */
export function hasBrokenPatching(seed: number, node: SimNode): boolean {
  return hashSeed('broken-patching', seed, node.id) / 2 ** 32 < BROKEN_RATE[node.environment];
}

export function snapshotIdFor(cmd: SimCommand, nodeId: string): string {
  const h = createRng(hashSeed('snapshot', cmd.id, nodeId)).hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The first scan of a node that was never scanned: a typical list with a few patches missing. */
function firstScan(seed: number, node: SimNode, baselineId: string, patchGroup: string, start: number): PatchScan {
  const h = hashSeed('first-scan', seed, node.id);
  return {
    baselineId, patchGroup, operation: 'Scan', startTime: start, endTime: start + MINUTE, rebootOption: 'RebootIfNeeded',
    profile: { missing: 1 + (h % 5), failed: 0, pendingReboot: 0, rejected: 0 }, seed: h, lastNoRebootInstallTime: null,
  };
}

function derivedNoRebootTime(scan: PatchScan): number | null {
  if (scan.lastNoRebootInstallTime !== undefined) return scan.lastNoRebootInstallTime;
  return scan.operation === 'Install' && scan.rebootOption === 'NoReboot' ? scan.endTime : null;
}

export function patchRun(store: FleetStore, cmd: SimCommand, inv: SimInvocation, node: SimNode, end: number): RunResult {
  const start = inv.startedAt ?? end;
  const operation = cmd.effectiveParameters.Operation[0] as 'Scan' | 'Install';
  const rebootOption = cmd.effectiveParameters.RebootOption[0] as 'RebootIfNeeded' | 'NoReboot';
  const config = patchConfigFor(store, node.region);
  const operatingSystem = operatingSystemOf(node);
  const patchGroup = patchGroupOf(node);
  const baselineId = baselineIdFor(config, patchGroup, operatingSystem);
  node.patch ??= firstScan(cmd.seed, node, baselineId, patchGroup, start - DAY);
  const scan = node.patch;
  const noRebootTime = derivedNoRebootTime(scan);
  updatePatchList(node, () => undefined); // keep the list as it is while the scan's times change
  const windows = inv.platformType === 'Windows';
  const failing = operation === 'Install' && (hasBrokenPatching(cmd.seed, node) || inv.plan.transientFailure);
  const installed: PatchDef[] = [];
  const failed: PatchDef[] = [];
  let rebooted = false;
  if (operation === 'Install') {
    const rng = createRng(hashSeed('install', cmd.id, node.id));
    const missing = (patchList(node) ?? []).filter((e) => e.state === 'Missing' || e.state === 'Failed');
    const failSet = new Set(failing ? (windows ? missing.filter(() => rng.chance(0.4)).slice(0, 2) : missing) : []);
    if (failing && windows && failSet.size === 0 && missing.length > 0) failSet.add(missing[0]);
    updatePatchList(node, (entries) => {
      for (const e of entries) {
        if (failSet.has(e)) {
          e.state = 'Failed';
          delete e.installedTime;
          failed.push(e.def);
        } else if (e.state === 'Missing' || e.state === 'Failed') {
          e.state = rebootOption === 'NoReboot' ? 'InstalledPendingReboot' : 'Installed';
          e.installedTime = end - Math.floor(rng.next() * (end - start));
          installed.push(e.def);
        } else if (e.state === 'InstalledPendingReboot' && rebootOption === 'RebootIfNeeded' && !failing) {
          e.state = 'Installed';
          rebooted = true;
        }
      }
    });
    rebooted ||= rebootOption === 'RebootIfNeeded' && installed.length > 0 && !failing;
  }
  scan.baselineId = baselineId;
  scan.patchGroup = patchGroup;
  scan.operation = operation;
  scan.startTime = start;
  scan.endTime = end;
  scan.rebootOption = rebootOption;
  // AWS: the time of the last attempt to patch with NoReboot.
  scan.lastNoRebootInstallTime = operation === 'Install' && rebootOption === 'NoReboot' ? end : noRebootTime;
  return {
    exitCode: failing ? 1 : 0,
    patch: {
      operation, rebootOption, baselineId, baselineName: config.byId.get(baselineId)?.name ?? baselineId, patchGroup, operatingSystem,
      snapshotId: snapshotIdFor(cmd, node.id), counts: patchCounts(patchList(node) ?? []), installed, failed, rebooted,
      failure: failing ? Math.floor(inv.plan.roll * 1000) : undefined,
      verbose: operation === 'Install' && inv.plan.roll < 0.3,
    },
  };
}
