'use client';
import { useState } from 'react';
import { UpdateOpsItemRequestSchema, type OpsItemDetail } from '@/lib/contracts/ops-items';
import { ConfirmChange, type Change } from '@/components/ops-items/confirm-change';
import { INPUT } from '@/components/ops-items/form-fields';

/** Relate one more node, by ID (checked as a node ID first). */
export function RelateNode({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const it = detail.item;
  const [nodeId, setNodeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const review = () => {
    const id = nodeId.trim();
    const r = UpdateOpsItemRequestSchema.safeParse({ relate: [id] });
    if (!r.success) return setError(r.error.issues[0].message);
    if (detail.related.some((x) => x.nodeId === id)) return setError(`${id} is already related`);
    setError(null);
    setChange({ title: `Relate ${id}`, lines: [<>Relate node <code>{id}</code> to {it.id}.</>], request: { relate: [id] }, confirmLabel: 'Relate' });
  };
  return (
    <form className="mt-3 flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3" aria-label="Relate a node" onSubmit={(e) => { e.preventDefault(); review(); }}>
      <div className="w-64">
        <input aria-label="Node ID to relate" placeholder="i-0123456789abcdef0" value={nodeId} disabled={!canAct} onChange={(e) => { setNodeId(e.target.value); setError(null); }} className={`${INPUT} font-mono text-xs`} />
        {error && <p role="alert" className="mt-0.5 text-xs text-red-700">{error}</p>}
      </div>
      <button type="submit" disabled={!canAct || !nodeId.trim()} title={refusal} className="rounded border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">Relate node…</button>
      {change && <ConfirmChange id={it.id} region={it.region} change={change} onClose={() => setChange(null)} onDone={() => setNodeId('')} />}
    </form>
  );
}
