'use client';
import { Popover } from '@/components/ui/popover';
import { formatNumber } from '@/lib/format';

export interface FilterOption {
  value: string;
  label?: string;
  /** OpsItems of the list shown with this value (the API filters, so other values' counts are unknown). */
  count?: number;
}

/**
 * A multi-select filter. Unlike the nodes page's faceted filter, counts are those of the list on screen (the server
 * applies the filters), so a value absent from the list shows no number rather than a misleading 0.
 */
export function MultiFilter({ title, options, selected, onChange, testId, extra }: {
  title: string; options: FilterOption[]; selected: string[]; onChange: (values: string[]) => void; testId: string; extra?: React.ReactNode;
}) {
  const set = new Set(selected);
  const toggle = (v: string) => onChange(set.has(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  return (
    <Popover
      testId={testId}
      active={selected.length > 0}
      label={<>{title}{selected.length > 0 && <span className="rounded bg-sky-600 px-1.5 text-xs text-white">{selected.length}</span>}</>}
    >
      {extra}
      <ul className="space-y-0.5" aria-label={`${title} filter`}>
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={set.has(o.value)} onChange={() => toggle(o.value)} />
              <span className="flex-1 truncate">{o.label ?? o.value}</span>
              {o.count ? <span className="text-xs tabular-nums text-slate-500">{formatNumber(o.count)}</span> : null}
            </label>
          </li>
        ))}
        {options.length === 0 && <li className="px-1.5 py-1 text-sm text-slate-500">No values in this list</li>}
      </ul>
      {selected.length > 0 && (
        <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded px-1.5 py-1 text-left text-xs text-sky-700 hover:bg-slate-50">
          Clear {title.toLowerCase()} filter
        </button>
      )}
    </Popover>
  );
}

/** Options in a fixed order (a vocabulary), then any other value the list or the view holds. */
export function optionsOf(counts: Map<string, number>, order: readonly string[], selected: string[], label?: (v: string) => string): FilterOption[] {
  const values = [...new Set([...order, ...selected, ...[...counts.keys()].sort()])];
  return values.map((value) => ({ value, label: label?.(value), count: counts.get(value) }));
}
