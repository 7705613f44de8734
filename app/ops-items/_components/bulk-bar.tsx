'use client';
import { useState } from 'react';
import { OPS_LIMITS, statusLabel, type OpsItemRow, type OpsItemStatus } from '@/lib/contracts/ops-items';
import { formatNumber } from '@/lib/format';
import { useCanAct } from '@/components/ops-items/use-can-act';
import { BulkDialog } from './bulk-dialog';

const TARGETS: OpsItemStatus[] = ['Open', 'InProgress', 'Resolved'];

/** What is selected, and the one bulk action: set their status. */
export function BulkBar({ items, onClear, onDone }: { items: OpsItemRow[]; onClear: () => void; onDone: (succeeded: string[]) => void }) {
  const { canAct, refusal } = useCanAct();
  const [target, setTarget] = useState<OpsItemStatus | null>(null);
  if (items.length === 0) return null;
  const tooMany = items.length > OPS_LIMITS.bulk;
  const reason = !canAct ? refusal : tooMany ? `At most ${formatNumber(OPS_LIMITS.bulk)} OpsItems per change: narrow the filters` : undefined;
  return (
    <div data-testid="bulk-bar" className="flex flex-wrap items-center gap-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900">
      <span className="font-medium">Set status of {formatNumber(items.length)} selected →</span>
      {TARGETS.map((s) => (
        <button key={s} type="button" disabled={!!reason} title={reason} onClick={() => setTarget(s)}
          className={`rounded px-2.5 py-1 font-medium text-white disabled:opacity-50 ${s === 'Resolved' ? 'bg-emerald-700 hover:bg-emerald-800' : 'bg-sky-700 hover:bg-sky-800'}`}>
          {statusLabel(s)}
        </button>
      ))}
      <button type="button" onClick={onClear} className="text-xs text-sky-700 hover:underline">Clear selection</button>
      {reason && <span className="text-xs text-amber-800">{reason}</span>}
      {target && <BulkDialog items={items} status={target} onClose={(succeeded) => { setTarget(null); if (succeeded.length) onDone(succeeded); }} />}
    </div>
  );
}
