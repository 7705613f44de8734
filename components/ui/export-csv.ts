import type { NodeRow } from '@/lib/contracts/node';
import { columnDef, patchSummary } from '@/lib/contracts/columns';
import { toCsv } from '@/lib/contracts/csv';

/** The current view as CSV: the visible columns, in view order; node ID and region always included. */
export function nodesCsv(rows: NodeRow[], columns: string[]): string {
  const ids = [...new Set(['id', 'region', ...columns])];
  const defs = ids.map((id) => columnDef(id)!).filter(Boolean);
  const value = (id: string, r: NodeRow) => {
    if (id === 'patch') return patchSummary(r);
    return defs.find((d) => d.id === id)!.value(r);
  };
  return toCsv(
    defs.map((d) => d.label),
    rows.map((r) => defs.map((d) => value(d.id, r))),
  );
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
