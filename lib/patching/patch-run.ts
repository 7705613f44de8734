/**
 * What patching adds to a run of AWS-RunPatchBaseline: which nodes will likely reboot, what the operator types to
 * confirm on production, and what "at the same time" means for an Install. The run itself is generic (lib/runs).
 */
import type { NodeRow } from '@/lib/contracts/node';
import type { RunRequest } from '@/lib/contracts/run-request';

export const PATCH_DOCUMENT = 'AWS-RunPatchBaseline';

const param = (req: RunRequest, name: string, fallback: string) => req.parameters[name]?.[0] ?? fallback;
export const patchOperation = (req: RunRequest) => param(req, 'Operation', 'Scan');
const rebootOption = (req: RunRequest) => param(req, 'RebootOption', 'RebootIfNeeded');

/** Something to install or a reboot already owed; an unknown patch state counts as "may reboot". */
export function likelyReboot(req: RunRequest, n: NodeRow): boolean {
  if (patchOperation(req) !== 'Install' || rebootOption(req) !== 'RebootIfNeeded') return false;
  return n.patchStatus === null || n.patchStatus === 'notScanned' || (n.patchMissing ?? 0) + (n.patchFailed ?? 0) + (n.patchPendingReboot ?? 0) > 0;
}

/** Checked against lib/runs' RunExtension where runs take it in (patching does not depend on runs). */
export const patchRunExtension = {
  note(n: NodeRow, req: RunRequest) {
    const parts: string[] = [];
    if (n.patchMissing) parts.push(`${n.patchMissing} missing`);
    if (likelyReboot(req, n)) parts.push('likely reboot');
    return parts.join(' · ') || null;
  },
  warnings(req: RunRequest, sent: NodeRow[]) {
    const reboot = sent.filter((n) => likelyReboot(req, n)).length;
    return reboot ? [`${reboot} node${reboot > 1 ? 's' : ''} will likely reboot (RebootIfNeeded with patches to install or a reboot pending).`] : [];
  },
  verb: (req: RunRequest) => patchOperation(req).toUpperCase(),
  effect: (req: RunRequest) => (patchOperation(req) !== 'Install' ? null : rebootOption(req) === 'RebootIfNeeded' ? 'be patched and rebooted' : 'be patched'),
};
