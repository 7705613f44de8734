'use client';
import { useState } from 'react';
import { statusLabel, type OpsItemDetail, type OpsItemStatus } from '@/lib/contracts/ops-items';
import { ConfirmChange, type Change } from '@/components/ops-items/confirm-change';

/** What the button says for each status it sets, from the current one. */
function verb(to: OpsItemStatus, from: string): string {
  if (to === 'Resolved') return 'Resolve';
  if (to === 'InProgress') return 'Mark in progress';
  return from === 'Resolved' ? 'Reopen' : 'Set to Open';
}

/** The status buttons this OpsItem's type allows; Resolve is the prominent one. */
export function StatusActions({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const it = detail.item;
  const [change, setChange] = useState<Change | null>(null);
  if (!detail.settableStatuses.length) {
    return <p className="text-sm text-slate-600">The status of a {it.type} OpsItem follows its Change Manager workflow; it is not set by hand.</p>;
  }
  const targets = detail.settableStatuses.filter((s) => s !== it.status);
  const ask = (to: OpsItemStatus) =>
    setChange({
      title: `${verb(to, it.status)} ${it.id}`,
      lines: [<>Status: <b>{statusLabel(it.status)}</b> → <b>{statusLabel(to)}</b></>, <span key="t" className="text-slate-500">{it.title}</span>],
      request: { status: to },
      confirmLabel: verb(to, it.status),
      tone: to === 'Resolved' ? 'success' : 'primary',
    });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Change status">
      {targets.map((s) => (
        <button
          key={s} type="button" disabled={!canAct} title={refusal} onClick={() => ask(s)}
          className={s === 'Resolved'
            ? 'rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50'
            : 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50'}
        >
          {verb(s, it.status)}
        </button>
      ))}
      {change && <ConfirmChange id={it.id} region={it.region} change={change} onClose={() => setChange(null)} />}
    </div>
  );
}
