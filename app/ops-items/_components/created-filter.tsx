'use client';
import { CREATED_PRESETS, type CreatedPreset, type OpsItemsView } from '@/lib/contracts/ops-items';
import { Popover } from '@/components/ui/popover';

type SetView = (patch: Partial<OpsItemsView>) => void;
const PRESET_LABEL: Record<CreatedPreset, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };
/** The date part of a createdAfter/createdBefore value (the inputs take dates; links may carry full times). */
const dateOf = (v: string | undefined) => (v ? v.slice(0, 10) : '');

/** Created: a preset window, or a range of dates (UTC). */
export function CreatedFilter({ view, setView }: { view: OpsItemsView; setView: SetView }) {
  const active = !!(view.created || view.createdAfter || view.createdBefore);
  return (
    <Popover testId="filter-created" active={active} label={<>Created{view.created ? `: ${view.created}` : active ? ': range' : ''}</>}>
      <div className="space-y-2 text-sm" role="group" aria-label="Created">
        <div className="flex flex-wrap gap-1">
          {(Object.keys(CREATED_PRESETS) as CreatedPreset[]).map((p) => (
            <button key={p} type="button" aria-pressed={view.created === p} onClick={() => setView({ created: view.created === p ? undefined : p })}
              className={`rounded border px-2 py-0.5 text-xs ${view.created === p ? 'border-sky-500 bg-sky-50 text-sky-900' : 'border-slate-300 hover:bg-slate-50'}`}>
              {PRESET_LABEL[p]}
            </button>
          ))}
        </div>
        <label className="flex items-center justify-between gap-2">
          <span className="text-slate-600">After</span>
          <input type="date" aria-label="Created after" value={dateOf(view.createdAfter)} onChange={(e) => setView({ createdAfter: e.target.value || undefined })} className="h-8 rounded border border-slate-300 px-2 text-sm" />
        </label>
        <label className="flex items-center justify-between gap-2">
          <span className="text-slate-600">Before</span>
          <input type="date" aria-label="Created before" value={dateOf(view.createdBefore)} onChange={(e) => setView({ createdBefore: e.target.value || undefined })} className="h-8 rounded border border-slate-300 px-2 text-sm" />
        </label>
        <p className="text-xs text-slate-500">Dates are UTC. A preset and a range both apply.</p>
        {active && <button type="button" onClick={() => setView({ created: undefined, createdAfter: undefined, createdBefore: undefined })} className="text-xs text-sky-700 hover:underline">Clear created filter</button>}
      </div>
    </Popover>
  );
}
