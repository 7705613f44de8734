import { Badge } from '@/components/ui/badge';
import { OUTCOMES, RUN_STATUSES, COMMAND_STATUSES, isCommandStatus, type Outcome, type RunStatus } from '@/lib/contracts/command-status';

/** A run as a whole (Sending, In progress, Success, Failed, Cancelled, Partly sent). */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const s = RUN_STATUSES[status];
  return <Badge tone={s.tone} title={s.help}>{s.label}</Badge>;
}

/** One node's outcome (Failed, Undeliverable, Delivery timed out, Success…). */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const o = OUTCOMES[outcome];
  return <Badge tone={o.tone} title={o.help}>{o.label}</Badge>;
}

/** A command as ListCommands reports it. */
export function CommandStatusBadge({ status, details }: { status: string; details?: string | null }) {
  const s = isCommandStatus(status) ? COMMAND_STATUSES[status] : { label: status, tone: 'gray' as const };
  const extra = details && details !== status && details !== s.label ? ` · ${details}` : '';
  return <Badge tone={s.tone}>{s.label}{extra}</Badge>;
}
