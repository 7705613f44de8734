'use client';
import { useState } from 'react';
import { OpsDataEntrySchema, type OpsItemDetail } from '@/lib/contracts/ops-items';
import { ConfirmChange, type Change } from '@/components/ops-items/confirm-change';
import { INPUT, issuesByPath } from '@/components/ops-items/form-fields';

/** Add (or replace) one operational data entry; checked with AWS's rules before the confirm step. */
export function AddData({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const it = detail.item;
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [searchable, setSearchable] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [change, setChange] = useState<Change | null>(null);
  const existing = detail.operationalData.find((d) => d.key === key.trim());
  const review = () => {
    const r = OpsDataEntrySchema.safeParse({ key: key.trim(), value, searchable });
    if (!r.success) return setErrors(issuesByPath(r.error.issues));
    setErrors({});
    setChange({
      title: `${existing ? 'Replace' : 'Add'} operational data on ${it.id}`,
      lines: [
        <>{existing ? 'Replace' : 'Add'} <code>{r.data.key}</code> ({r.data.searchable ? 'searchable' : 'not searchable'}): {r.data.value.length > 80 ? `${r.data.value.slice(0, 80)}…` : r.data.value}</>,
        ...(existing ? [<span key="w" className="text-amber-800">The current value is overwritten.</span>] : []),
      ],
      request: { operationalData: [r.data] },
      confirmLabel: existing ? 'Replace' : 'Add',
    });
  };
  return (
    <form className="mt-3 space-y-1.5 border-t border-slate-100 pt-3" aria-label="Add operational data" onSubmit={(e) => { e.preventDefault(); review(); }}>
      <div className="grid gap-1.5 sm:grid-cols-[12rem_1fr]">
        <div>
          <input aria-label="New data key" placeholder="Key" value={key} disabled={!canAct} onChange={(e) => setKey(e.target.value)} className={INPUT} />
          {errors.key && <p role="alert" className="mt-0.5 text-xs text-red-700">{errors.key}</p>}
          {existing && <p className="mt-0.5 text-xs text-amber-700">exists: adding replaces it</p>}
        </div>
        <div>
          <textarea aria-label="New data value" placeholder="Value (text or JSON)" rows={2} value={value} disabled={!canAct} onChange={(e) => setValue(e.target.value)} className={`${INPUT} font-mono text-xs`} />
          {errors.value && <p role="alert" className="mt-0.5 text-xs text-red-700">{errors.value}</p>}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-1 text-xs text-slate-600"><input type="checkbox" checked={searchable} disabled={!canAct} onChange={(e) => setSearchable(e.target.checked)} /> searchable</label>
        <button type="submit" disabled={!canAct} title={refusal} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">Add data…</button>
      </div>
      {change && <ConfirmChange id={it.id} region={it.region} change={change} onClose={() => setChange(null)} onDone={() => { setKey(''); setValue(''); }} />}
    </form>
  );
}
