'use client';
import { FIXED_COLUMNS, DEFAULT_COLUMNS, TAG_COLUMN_PREFIX } from '@/lib/contracts/columns';
import { Popover } from '@/components/ui/popover';

/** Show or hide columns, including one per tag key. Order follows the list. */
export function ColumnChooser({ columns, tagKeys, onChange }: { columns: string[]; tagKeys: string[]; onChange: (cols: string[]) => void }) {
  const on = new Set(columns);
  const all = [...FIXED_COLUMNS.map((c) => ({ id: c.id, label: c.label })), ...tagKeys.map((k) => ({ id: `${TAG_COLUMN_PREFIX}${k}`, label: `Tag: ${k}` }))];
  const toggle = (id: string) => {
    if (on.has(id)) {
      if (columns.length > 1) onChange(columns.filter((c) => c !== id));
    } else {
      // Insert in catalogue order so columns do not jump around.
      const order = all.map((c) => c.id);
      onChange([...columns, id].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
  };
  return (
    <Popover testId="column-chooser" label="Columns" align="right">
      <div className="grid w-96 grid-cols-2 gap-x-2">
        {all.map((c) => (
          <label key={c.id} className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
            <input type="checkbox" checked={on.has(c.id)} onChange={() => toggle(c.id)} />
            <span className="truncate">{c.label}</span>
          </label>
        ))}
      </div>
      <button type="button" onClick={() => onChange(DEFAULT_COLUMNS)} className="mt-1 rounded px-1.5 py-1 text-xs text-sky-700 hover:bg-slate-50">
        Reset columns
      </button>
    </Popover>
  );
}
