'use client';
import { INPUT } from './form-fields';

export interface DataRow {
  key: string;
  value: string;
  searchable: boolean;
}
export const emptyDataRow = (): DataRow => ({ key: '', value: '', searchable: true });

/** Operational data as key/value rows; `errors` is keyed "operationalData.<i>.<key|value>". */
export function OpsDataEditor({ rows, onChange, errors, disabled }: { rows: DataRow[]; onChange: (rows: DataRow[]) => void; errors: Record<string, string>; disabled?: boolean }) {
  const set = (i: number, patch: Partial<DataRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-0.5 text-xs font-medium text-slate-600">Operational data (optional)</legend>
      {rows.map((r, i) => {
        const keyError = errors[`operationalData.${i}.key`];
        const valueError = errors[`operationalData.${i}.value`];
        return (
          <div key={i} className="grid grid-cols-1 gap-1.5 sm:grid-cols-[12rem_1fr_auto_auto] sm:items-start">
            <div>
              <input aria-label={`Data key ${i + 1}`} placeholder="Key (e.g. runbook)" value={r.key} disabled={disabled} onChange={(e) => set(i, { key: e.target.value })} className={INPUT} />
              {keyError && <p role="alert" className="mt-0.5 text-xs text-red-700">{keyError}</p>}
            </div>
            <div>
              <textarea aria-label={`Data value ${i + 1}`} placeholder="Value (text or JSON)" rows={1} value={r.value} disabled={disabled} onChange={(e) => set(i, { value: e.target.value })} className={`${INPUT} font-mono text-xs`} />
              {valueError && <p role="alert" className="mt-0.5 text-xs text-red-700">{valueError}</p>}
            </div>
            <label className="flex h-8 items-center gap-1 text-xs text-slate-600" title="Searchable data is shown in OpsItem lists to everyone who can list OpsItems; otherwise only on the OpsItem itself">
              <input type="checkbox" checked={r.searchable} disabled={disabled} onChange={(e) => set(i, { searchable: e.target.checked })} /> searchable
            </label>
            <button type="button" aria-label={`Remove data row ${i + 1}`} disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))} className="h-8 px-1 text-slate-500 hover:text-red-700">✕</button>
          </div>
        );
      })}
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, emptyDataRow()])} className="text-xs text-sky-700 hover:underline">+ Add a data row</button>
    </fieldset>
  );
}
