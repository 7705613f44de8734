import { SEVERITY_LABEL, STATUS_META, statusLabel } from '@/lib/contracts/ops-items';
import { Badge, type Tone } from '@/components/ui/badge';

const STATUS_TONE: Record<string, Tone> = { red: 'red', amber: 'amber', green: 'green', slate: 'gray', sky: 'blue' };
const SEVERITY_TONE: Record<string, Tone> = { '1': 'red', '2': 'amber', '3': 'blue', '4': 'gray' };

export function OpsStatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[STATUS_META[status]?.tone ?? 'slate'] ?? 'gray'}>{statusLabel(status)}</Badge>;
}

/** "1 Critical"; a dash when not set. */
export function SeverityBadge({ severity }: { severity: string | null }) {
  if (!severity) return <span className="text-slate-300">—</span>;
  return (
    <Badge tone={SEVERITY_TONE[severity] ?? 'gray'}>
      {severity} {SEVERITY_LABEL[severity] ?? ''}
    </Badge>
  );
}
