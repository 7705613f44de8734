import 'server-only';
import { randomBytes } from 'node:crypto';
import type { ExecuteRunRequest, PatchRunPreview, PatchRunRequest } from '@/lib/contracts/patch-run';
import type { SentCommand } from '@/lib/contracts/run';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { sendCommand } from '@/lib/aws/ssm/send-command';
import { toAwsError } from '@/lib/aws/errors';
import { ApiError } from '@/lib/api/route';
import { buildPreview } from './preview';
import { PlanError } from './plan';
import { previewToken } from './preview-token';
import { auditFinished, auditRequested } from './audit';
import { insertRun, updateRunCommands } from './runs-store';
import type { Actor } from './identity';

export const PATCH_DOCUMENT = 'AWS-RunPatchBaseline';

/** The preview of a request against the current fleet (the cached snapshot the user is looking at). */
export async function previewPatchRun(req: PatchRunRequest): Promise<PatchRunPreview> {
  const snap = await getFleetSnapshot();
  try {
    const p = buildPreview(req, snap.nodes, snap.generatedAt);
    return { ...p, previewToken: previewToken(p) };
  } catch (err) {
    if (err instanceof PlanError) throw new ApiError(400, err.code, err.message);
    throw err;
  }
}

const newRunId = () => `run-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;

export interface ExecuteResult {
  status: number;
  body: { runId: string; commands: SentCommand[]; outcome: 'sent' | 'partial' | 'failed' };
}

/**
 * Send a confirmed patch run: re-check the preview, record the intent, send each command once, record the outcome.
 * A failed SendCommand stops the rest (nothing more is sent); what was sent is kept and shown.
 */
export async function executePatchRun(input: ExecuteRunRequest, actor: Actor, idempotencyKey: string): Promise<ExecuteResult> {
  const { previewToken: token, confirmation, ...req } = input;
  const preview = await previewPatchRun(req);
  if (preview.previewToken !== token) {
    throw new ApiError(409, 'PreviewStale', 'the fleet changed since this preview (targets, reachability or batches differ): review the new preview and confirm again');
  }
  if (preview.confirmationPhrase && confirmation?.trim() !== preview.confirmationPhrase) {
    throw new ApiError(400, 'ConfirmationRequired', `production nodes are targeted: type "${preview.confirmationPhrase}" to confirm`);
  }
  const runId = newRunId();
  const parameters = { Operation: [req.operation], RebootOption: [req.rebootOption] };
  const sentIds = preview.commands.flatMap((c) => c.instanceIds ?? []);
  const auditId = auditRequested({
    actor, action: `patch:${req.operation.toLowerCase()}`, runId, regions: [...new Set(preview.commands.map((c) => c.region))],
    targetSummary: preview.targetSummary, targets: sentIds.length ? sentIds : preview.nodes.map((n) => n.id),
    parameters: { ...parameters, MaxConcurrency: req.maxConcurrency, MaxErrors: req.maxErrors, TimeoutSeconds: req.timeoutSeconds, Comment: req.comment ?? null },
    idempotencyKey,
  });
  const commands: SentCommand[] = preview.commands.map((c) => ({ ...c, commandId: null }));
  insertRun({
    id: runId, actor: actor.id, document: PATCH_DOCUMENT, parameters, targetMode: req.targets.mode, targetSummary: preview.targetSummary,
    nodeIds: preview.nodes.filter((n) => !n.unreachable || preview.unreachableSent).map((n) => n.id), maxConcurrency: req.maxConcurrency,
    maxErrors: req.maxErrors, timeoutSeconds: req.timeoutSeconds, comment: req.comment ?? null, commands, retryOf: req.retryOf ?? null,
  });

  let failure: { code: string; message: string } | undefined;
  for (const c of commands) {
    try {
      c.commandId = await sendCommand({
        region: c.region, documentName: PATCH_DOCUMENT, parameters, instanceIds: c.instanceIds,
        targets: c.target ? [{ Key: `tag:${c.target.key}`, Values: [c.target.value] }] : undefined,
        maxConcurrency: c.maxConcurrency, maxErrors: c.maxErrors, timeoutSeconds: req.timeoutSeconds,
        comment: commentFor(req.comment, runId),
      });
    } catch (err) {
      const e = toAwsError(err);
      failure = { code: e.code, message: e.message };
      c.error = failure;
      break; // never keep sending after a failure: the operator decides what happens next
    }
    updateRunCommands(runId, commands);
  }
  updateRunCommands(runId, commands);
  const sent = commands.filter((c) => c.commandId);
  const outcome = !failure ? 'sent' : sent.length ? 'partial' : 'failed';
  auditFinished(auditId, {
    status: outcome === 'sent' ? 'succeeded' : outcome, commandIds: sent.map((c) => c.commandId!), errorCode: failure?.code, errorMessage: failure?.message,
  });
  return { status: outcome === 'failed' ? 502 : 201, body: { runId, commands, outcome } };
}

/** The run ID travels in the command's Comment, so AWS's own console and CLI show which run a command belongs to. */
function commentFor(comment: string | undefined, runId: string): string {
  const tag = `[${runId}]`;
  return comment ? `${comment.slice(0, 99 - tag.length)} ${tag}` : `ssm-fleet-dashboard ${tag}`;
}
