import 'server-only';
import type { ExecuteRunRequest } from '@/lib/contracts/run-request';
import { auditRequested } from '@/lib/actions/audit';
import type { Actor } from '@/lib/actions/identity';
import { db } from '@/lib/db/database';
import { conflict, invalid } from '@/lib/errors';
import { previewRun } from './preview-run';
import { insertRun, newRunId } from './store';
import { startSending } from './send';

export interface ExecuteResult {
  status: number;
  body: { runId: string; commands: number; outcome: 'sending' };
}

/**
 * Start a confirmed run: re-check the preview against the fleet now, record the intent (audit record and the run with
 * its planned commands, in one transaction), then send in the background. The answer (the run ID) is what a repeated
 * submission with the same idempotency key gets back.
 */
export async function executeRun(input: ExecuteRunRequest, actor: Actor, idempotencyKey: string): Promise<ExecuteResult> {
  const { previewToken: token, confirmation, ...req } = input;
  const preview = await previewRun(req);
  if (preview.previewToken !== token) {
    throw conflict('PreviewStale', 'the fleet changed since this preview (targets, reachability or commands differ): review the new preview and confirm again');
  }
  if (preview.confirmationPhrase && confirmation?.trim() !== preview.confirmationPhrase) {
    throw invalid('ConfirmationRequired', `production nodes are targeted: type "${preview.confirmationPhrase}" to confirm`);
  }
  const runId = newRunId();
  const r = preview.request;
  const explicitIds = preview.planned.flatMap((c) => c.instanceIds ?? []);
  db().transaction(() => {
    const auditId = auditRequested({
      actor, action: `run:${r.document}`, runId, regions: [...new Set(preview.planned.map((c) => c.region))],
      accounts: [...new Set(preview.planned.map((c) => c.account).filter(Boolean))], targetSummary: preview.targetSummary,
      targets: explicitIds.length ? explicitIds : preview.nodes.filter((n) => n.included).map((n) => n.id),
      parameters: {
        document: r.document, documentVersion: preview.document.version, parameters: r.parameters, maxConcurrency: r.maxConcurrency, maxErrors: r.maxErrors,
        timeoutSeconds: r.timeoutSeconds, comment: r.comment ?? null, output: r.output ?? null, retryOf: r.retryOf ?? null, rerunOf: r.rerunOf ?? null,
        commands: preview.planned.length,
      },
      idempotencyKey,
    });
    insertRun({ id: runId, actor: actor.id, request: r, documentVersion: preview.document.version, targetSummary: preview.targetSummary, auditId, idempotencyKey, commands: preview.planned });
  })();
  void startSending(runId);
  return { status: 201, body: { runId, commands: preview.planned.length, outcome: 'sending' } };
}
