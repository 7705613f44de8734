import type { NodeRow } from '@/lib/contracts/node';
import { patchSummary } from '@/lib/contracts/columns';
import { Badge } from '@/components/ui/badge';

export function PatchBadge({ row }: { row: NodeRow }) {
  if (row.patchStatus === null) return <span className="text-slate-500">{row.managed ? 'unknown' : '—'}</span>;
  if (row.patchStatus === 'compliant') return <Badge tone="green">Compliant</Badge>;
  if (row.patchStatus === 'notScanned') return <Badge tone="gray">Not scanned</Badge>;
  const tone = (row.patchFailed ?? 0) > 0 || (row.patchCritical ?? 0) > 0 ? 'red' : 'amber';
  return <Badge tone={tone} title={row.patchCritical ? `${row.patchCritical} critical` : undefined}>{patchSummary(row)}</Badge>;
}
