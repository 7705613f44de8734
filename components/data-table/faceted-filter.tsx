'use client';
import { Popover } from '@/components/ui/popover';
import { formatNumber } from '@/lib/format';

export interface FacetOption {
  value: string;
  label?: string;
  /** Matching rows; undefined when not known (not shown, rather than a misleading 0). */
  count?: number;
}

/** A multi-select filter with the number of matching rows next to each value. */
export function FacetedFilter({
  title,
  options,
  selected,
  onChange,
  testId,
  extra,
  emptyText = 'No values',
}: {
  title: string;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  testId: string;
  /** Shown above the values (e.g. an "every status" switch). */
  extra?: React.ReactNode;
  emptyText?: string;
}) {
  const set = new Set(selected);
  const toggle = (v: string) => onChange(set.has(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  return (
    <Popover
      testId={testId}
      active={selected.length > 0}
      label={
        <>
          {title}
          {selected.length > 0 && <span className="rounded bg-sky-600 px-1.5 text-xs text-white">{selected.length}</span>}
        </>
      }
    >
      {extra}
      <ul className="space-y-0.5" aria-label={`${title} filter`}>
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={set.has(o.value)} onChange={() => toggle(o.value)} />
              <span className="flex-1 truncate">{o.label ?? o.value}</span>
              {o.count !== undefined && <span className="text-xs tabular-nums text-slate-500">{formatNumber(o.count)}</span>}
            </label>
          </li>
        ))}
        {options.length === 0 && <li className="px-1.5 py-1 text-sm text-slate-500">{emptyText}</li>}
      </ul>
      {selected.length > 0 && (
        <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded px-1.5 py-1 text-left text-xs text-sky-700 hover:bg-slate-50">
          Clear {title.toLowerCase()} filter
        </button>
      )}
    </Popover>
  );
}
