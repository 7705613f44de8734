'use client';
import { useMemo, useState } from 'react';
import type { NodeRow } from '@/lib/contracts/node';
import type { TagFilter } from '@/lib/contracts/node-view';
import { Popover } from '@/components/ui/popover';
import { formatNumber } from '@/lib/format';

/** Tag keys of the fleet with their values and counts (system aws: tags left out). */
export function tagIndex(rows: NodeRow[]): Map<string, Map<string, number>> {
  const idx = new Map<string, Map<string, number>>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.tags)) {
      if (k.startsWith('aws:')) continue;
      let m = idx.get(k);
      if (!m) idx.set(k, (m = new Map()));
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  return idx;
}

/** Pick a tag key, then a value (or "any value" / "missing"). */
export function TagFilterPicker({ index, onAdd }: { index: Map<string, Map<string, number>>; onAdd: (f: TagFilter) => void }) {
  const keys = useMemo(() => [...index.keys()].sort((a, b) => a.localeCompare(b)), [index]);
  const [key, setKey] = useState<string>('');
  const values = useMemo(
    () => [...(index.get(key) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    [index, key],
  );
  return (
    <Popover testId="filter-tag" label="Tag">
      <div className="w-72 space-y-2">
        <label className="block text-xs font-medium text-slate-600">
          Tag key
          <select aria-label="Tag key" value={key} onChange={(e) => setKey(e.target.value)} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">Choose a key…</option>
            {keys.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        </label>
        {key && (
          <ul className="max-h-64 space-y-0.5 overflow-auto" aria-label="Tag values">
            <li>
              <button type="button" onClick={() => onAdd({ key, value: null, negate: false })} className="w-full rounded px-1.5 py-1 text-left text-sm italic hover:bg-slate-50">
                any value
              </button>
            </li>
            <li>
              <button type="button" onClick={() => onAdd({ key, value: null, negate: true })} className="w-full rounded px-1.5 py-1 text-left text-sm italic hover:bg-slate-50">
                missing this tag
              </button>
            </li>
            {values.map(([v, n]) => (
              <li key={v}>
                <button type="button" onClick={() => onAdd({ key, value: v, negate: false })} className="flex w-full items-center justify-between rounded px-1.5 py-1 text-left text-sm hover:bg-slate-50">
                  <span className="truncate">{v || <span className="italic text-slate-500">(empty)</span>}</span>
                  <span className="text-xs tabular-nums text-slate-500">{formatNumber(n)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Popover>
  );
}
