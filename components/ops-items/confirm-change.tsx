'use client';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { opsItemKeys, updateOpsItem } from '@/lib/query/ops-items';
import type { UpdateOpsItemRequest } from '@/lib/contracts/ops-items';
import { Banner } from '@/components/ui/banner';
import { Modal } from '@/components/runs/modal';
import { newIdempotencyKey } from '@/components/runs/idempotency-key';
import { useInvalidateOps } from './use-can-act';

/** One edit of an OpsItem, in words, and the request that makes it. */
export interface Change {
  /** "Resolve oi-…", "Relate i-…". */
  title: string;
  /** What changes, one line each ("Status: Open → Resolved"). */
  lines: React.ReactNode[];
  request: UpdateOpsItemRequest;
  confirmLabel: string;
  tone?: 'primary' | 'danger' | 'success';
}

const TONE = { primary: 'bg-sky-700 hover:bg-sky-800', danger: 'bg-red-700 hover:bg-red-800', success: 'bg-emerald-700 hover:bg-emerald-800' };

/**
 * The small confirm step of every edit: says what changes, sends it once (a key made for this dialog), then stores the
 * OpsItem the server answers and re-reads the lists and the fleet. A refusal is shown here; the form behind keeps
 * what was typed.
 */
export function ConfirmChange({ id, region, change, onClose, onDone }: { id: string; region: string; change: Change; onClose: () => void; onDone?: () => void }) {
  const qc = useQueryClient();
  const invalidate = useInvalidateOps();
  const [key] = useState(newIdempotencyKey);
  const m = useMutation({
    mutationFn: () => updateOpsItem(id, { ...change.request, region }, key),
    onSuccess: (detail) => {
      qc.setQueryData(opsItemKeys.detail(id), detail);
      void invalidate();
      onDone?.();
      onClose();
    },
  });
  return (
    <Modal title={change.title} onClose={onClose} busy={m.isPending}>
      <div className="space-y-3 text-sm">
        <ul data-testid="change-summary" className="space-y-1">
          {change.lines.map((l, i) => <li key={i} className="break-words">{l}</li>)}
        </ul>
        {m.isError && <Banner kind="error" title="Not changed">{m.error.message}</Banner>}
        <div className="flex items-center gap-3">
          <button type="button" data-testid="confirm-change" disabled={m.isPending} onClick={() => m.mutate()} className={`rounded px-3 py-1.5 font-medium text-white disabled:opacity-50 ${TONE[change.tone ?? 'primary']}`}>
            {m.isPending ? 'Saving…' : change.confirmLabel}
          </button>
          <button type="button" onClick={onClose} disabled={m.isPending} className="text-slate-600 hover:underline">Cancel</button>
        </div>
      </div>
    </Modal>
  );
}
