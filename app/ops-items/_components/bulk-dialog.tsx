'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { bulkUpdateOpsItems } from '@/lib/query/ops-items';
import { opsItemHref, statusLabel, type OpsItemRow, type OpsItemStatus } from '@/lib/contracts/ops-items';
import { formatNumber } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { Modal } from '@/components/runs/modal';
import { newIdempotencyKey } from '@/components/runs/idempotency-key';
import { useInvalidateOps } from '@/components/ops-items/use-can-act';

/** "8 Open → Resolved", per current status. */
function transitions(items: OpsItemRow[]): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(i.status, (m.get(i.status) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** Confirm a bulk status change (one idempotency key per dialog), then show how each OpsItem fared. */
export function BulkDialog({ items, status, onClose }: { items: OpsItemRow[]; status: OpsItemStatus; onClose: (succeeded: string[]) => void }) {
  const invalidate = useInvalidateOps();
  const [key] = useState(newIdempotencyKey);
  // Frozen when the dialog opens: the list re-reads after the change, and the dialog still describes what was sent.
  const [send] = useState(() => items.filter((i) => i.status !== status));
  const [already] = useState(() => items.length - send.length);
  const m = useMutation({
    mutationFn: () => bulkUpdateOpsItems({ items: send.map((i) => ({ id: i.id, region: i.region })), status }, key),
    onSuccess: () => void invalidate(),
  });
  const to = statusLabel(status);
  const close = () => onClose(m.data ? m.data.results.filter((r) => r.ok).map((r) => r.id) : []);
  const title = `Set the status of ${formatNumber(send.length)} OpsItem${send.length === 1 ? '' : 's'} to ${to}`;
  return (
    <Modal title={title} onClose={close} busy={m.isPending}>
      {!m.data ? (
        <div className="space-y-3 text-sm">
          <ul className="space-y-0.5" data-testid="bulk-transitions">
            {transitions(send).map(([from, n]) => <li key={from}><b>{formatNumber(n)}</b> {statusLabel(from)} → {to}</li>)}
            {already > 0 && <li className="text-slate-500">{formatNumber(already)} already {to}: left out</li>}
          </ul>
          {m.isError && <Banner kind="error" title="Nothing was changed">{m.error.message}</Banner>}
          <div className="flex items-center gap-3">
            <button type="button" data-testid="confirm-bulk" disabled={m.isPending || send.length === 0} onClick={() => m.mutate()} className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-50">
              {m.isPending ? 'Changing…' : `Set ${formatNumber(send.length)} to ${to}`}
            </button>
            <button type="button" onClick={close} disabled={m.isPending} className="text-slate-600 hover:underline">Cancel</button>
          </div>
        </div>
      ) : (
        <div className="space-y-2 text-sm" data-testid="bulk-results">
          <p>
            <span className="font-medium text-emerald-800">{formatNumber(m.data.succeeded)} changed</span>
            {m.data.failed > 0 && <>, <span className="font-medium text-red-800">{formatNumber(m.data.failed)} failed</span> (they stay selected)</>} · audit #{m.data.auditId}
          </p>
          <ul className="max-h-72 divide-y divide-slate-100 overflow-auto rounded border border-slate-200">
            {[...m.data.results].sort((a, b) => Number(a.ok) - Number(b.ok)).map((r) => (
              <li key={r.id} className="flex flex-wrap gap-x-2 px-2 py-1">
                <span className={r.ok ? 'text-emerald-700' : 'text-red-700'}>{r.ok ? '✓' : '✗'}</span>
                <Link href={opsItemHref(r.id)} className="font-mono text-xs text-sky-700 hover:underline">{r.id}</Link>
                <span className="text-xs text-slate-500">{r.region}</span>
                {r.error && <span className="text-xs text-red-800">{r.error.code}: {r.error.message}</span>}
              </li>
            ))}
          </ul>
          <button type="button" onClick={close} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50">Close</button>
        </div>
      )}
    </Modal>
  );
}
