'use client';
import { useState } from 'react';
import type { NodeRow } from '@/lib/contracts/node';
import { PatchRunDialog } from '@/components/runs/patch-run-dialog';
import { formatNumber } from '@/lib/format';

/** What is selected, and the action on it. */
export function SelectionBar({ selected, fleet, onClear }: { selected: Set<string>; fleet: NodeRow[]; onClear: () => void }) {
  const [open, setOpen] = useState(false);
  if (selected.size === 0) return null;
  const offline = fleet.filter((n) => selected.has(n.id) && n.ping !== 'Online').length;
  return (
    <div data-testid="selection-bar" className="flex items-center gap-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900">
      <span className="font-medium">{formatNumber(selected.size)} selected</span>
      {offline > 0 && <span className="text-xs text-amber-800">({offline} not Online)</span>}
      <button type="button" onClick={() => setOpen(true)} className="rounded bg-sky-700 px-2.5 py-1 font-medium text-white hover:bg-sky-800">
        Patch…
      </button>
      <button type="button" onClick={onClear} className="text-xs text-sky-700 hover:underline">Clear selection</button>
      {open && (
        <PatchRunDialog
          title={`Patch ${formatNumber(selected.size)} selected node${selected.size > 1 ? 's' : ''}`}
          targets={{ mode: 'nodes', nodeIds: [...selected] }}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
