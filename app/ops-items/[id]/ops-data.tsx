'use client';
import { useMemo, useState } from 'react';
import type { OpsItemDetail } from '@/lib/contracts/ops-items';
import { prettyJson } from '@/components/ops-items/arn';
import { Card } from './card';
import { AddData } from './add-data';

/** A value as it reads best: JSON pretty-printed behind a one-line summary, long text in a scroll box. */
function Value({ value }: { value: string }) {
  const json = useMemo(() => prettyJson(value), [value]);
  if (json) {
    return (
      <details className="min-w-0">
        <summary className="cursor-pointer truncate font-mono text-xs text-slate-700" title="Show formatted">{value.length > 120 ? `${value.slice(0, 120)}…` : value}</summary>
        <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{json}</pre>
      </details>
    );
  }
  return <div className="max-h-40 overflow-auto font-mono text-xs break-words whitespace-pre-wrap text-slate-800">{value}</div>;
}

/** Operational data: searchable key/value table with a filter box, and the form to add an entry. */
export function OpsData({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const [filter, setFilter] = useState('');
  const data = detail.operationalData;
  const f = filter.trim().toLowerCase();
  const shown = f ? data.filter((d) => d.key.toLowerCase().includes(f) || d.value.toLowerCase().includes(f)) : data;
  return (
    <Card
      title={`Operational data (${data.length})`}
      testId="ops-data"
      actions={data.length > 3 && <input type="search" aria-label="Filter operational data" placeholder="Filter keys and values…" value={filter} onChange={(e) => setFilter(e.target.value)} className="h-7 w-56 rounded border border-slate-300 px-2 text-xs" />}
    >
      {data.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500"><th className="w-2/6 pb-1 font-semibold sm:w-1/4">Key</th><th className="pb-1 font-semibold">Value</th></tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.key} data-testid="ops-data-row" className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-3">
                  <div className="font-mono text-xs font-medium break-all text-slate-800">{d.key}</div>
                  {d.searchable ? <span className="text-[11px] text-sky-700" title="Shown in OpsItem lists to everyone who can list OpsItems">searchable</span> : <span className="text-[11px] text-slate-500" title="Only shown on the OpsItem itself">not searchable</span>}
                </td>
                <td className="min-w-0 py-1.5"><Value value={d.value} /></td>
              </tr>
            ))}
            {shown.length === 0 && <tr><td colSpan={2} className="py-2 text-sm text-slate-500">No key or value contains “{filter}”.</td></tr>}
          </tbody>
        </table>
      )}
      <AddData detail={detail} canAct={canAct} refusal={refusal} />
    </Card>
  );
}
