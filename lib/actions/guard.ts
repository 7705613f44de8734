import 'server-only';
import { ApiError } from '@/lib/api/route';
import { resolveActor, refusalReason, type Actor } from './identity';
import { originProblem } from './origin';
import { actionSettings } from './settings';
import { auditRefused, type AuditStart } from './audit';
import { requestBodySummary } from '@/lib/api/request-body';

/**
 * The gate of every action: same-origin request, operator mode, an operator identity. A refusal says why and is
 * written to the audit log as a bounded summary (who, which route and action, why, the body's size and SHA-256; never
 * the body or its targets), so refused attempts cannot flood the log.
 */
export function requireOperator(req: Request, attempt: Omit<AuditStart, 'actor'>): Actor {
  const s = actionSettings();
  const actor = resolveActor(req.headers, s);
  const origin = originProblem(req, s);
  const refusal = origin ? { code: 'BadOrigin', message: origin } : refusalReason(actor, s);
  if (refusal) {
    const url = new URL(req.url);
    auditRefused({ actor, action: attempt.action, runId: attempt.runId, targetSummary: attempt.targetSummary }, {
      code: refusal.code,
      message: refusal.message,
      route: `${req.method} ${url.pathname}`,
      body: requestBodySummary(req),
    });
    throw new ApiError(403, refusal.code, refusal.message);
  }
  return actor;
}
