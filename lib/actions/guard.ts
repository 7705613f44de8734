import 'server-only';
import { ApiError } from '@/lib/api/route';
import { resolveActor, refusalReason, type Actor } from './identity';
import { originProblem } from './origin';
import { auditRefused, type AuditStart } from './audit';

/**
 * The gate of every action: same-origin request, operator mode, an operator identity. A refusal says why and is
 * written to the audit log (who tried what).
 */
export function requireOperator(req: Request, attempt: Omit<AuditStart, 'actor'>): Actor {
  const actor = resolveActor(req.headers);
  const origin = originProblem(req);
  const refusal = origin ? { code: 'BadOrigin', message: origin } : refusalReason(actor);
  if (refusal) {
    auditRefused({ ...attempt, actor }, refusal.code, refusal.message);
    throw new ApiError(403, refusal.code, refusal.message);
  }
  return actor;
}
