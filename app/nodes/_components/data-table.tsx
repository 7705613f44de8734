'use client';
import { useMemo, useRef, useState } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getGroupedRowModel,
  useReactTable,
  type ExpandedState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { NodeRow } from '@/lib/contracts/node';
import { columnDef } from '@/lib/contracts/columns';
import { formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { tableColumns } from './columns';

const ROW_HEIGHT = 34;

/**
 * The fleet grid: rows arrive filtered and sorted (by the shared view functions); TanStack Table groups them,
 * TanStack Virtual renders only what is on screen, so 10,000 rows scroll like 100.
 */
export function DataTable({
  rows,
  columns,
  group,
  sort,
  dir,
  onSort,
  selected,
  onSelect,
}: {
  /** Node IDs picked for an action; `onSelect(ids, on)` adds or removes them. */
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  rows: NodeRow[];
  columns: string[];
  group: string | undefined;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (id: string) => void;
}) {
  const now = useNow(30_000);
  const defs = useMemo(() => tableColumns(columns, group, now), [columns, group, now]);
  // Groups start collapsed: the group rows with their counts are the summary an engineer asked for.
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const columnVisibility = useMemo(() => (group && !columns.includes(group) ? { [group]: false } : {}), [group, columns]);
  // TanStack Table returns functions React Compiler cannot memoize; this component is left uncompiled on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: {
      grouping: group ? [group] : [],
      expanded,
      columnVisibility,
    },
    onExpandedChange: setExpanded,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    // Rows arrive filtered and sorted, and there is no pagination (the grid is virtualized). Without these, TanStack
    // Table queues page-index resets that re-render the grid in a loop when the layout changes.
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    autoResetPageIndex: false,
    groupedColumnMode: false,
    autoResetExpanded: false,
  });
  const model = table.getRowModel().rows;
  const visible = table.getVisibleLeafColumns();
  const template = ['36px', ...visible.map((c) => `${c.getSize()}px`)].join(' ');
  const width = 36 + visible.reduce((w, c) => w + c.getSize(), 0);
  const selectable = rows.filter((r) => r.managed).map((r) => r.id);
  const allSelected = selectable.length > 0 && selectable.every((id) => selected.has(id));

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });

  const groups = group ? table.getGroupedRowModel().rows.length : 0;
  return (
    <div className="space-y-1">
      {group && (
        <div className="flex items-center gap-3 text-xs text-slate-600">
          <span>{formatNumber(groups)} groups</span>
          <button type="button" className="text-sky-700 hover:underline" onClick={() => table.toggleAllRowsExpanded(true)}>Expand all</button>
          <button type="button" className="text-sky-700 hover:underline" onClick={() => table.toggleAllRowsExpanded(false)}>Collapse all</button>
        </div>
      )}
      <div
        ref={scrollRef}
        data-testid="nodes-table"
        role="table"
        aria-rowcount={model.length}
        className="relative h-[calc(100vh-15rem)] min-h-80 overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <div style={{ width, minWidth: '100%' }}>
          <div role="row" className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600" style={{ gridTemplateColumns: template }}>
            <label className="flex items-center justify-center" title="Select every managed node in this view">
              <input type="checkbox" aria-label="Select all nodes in this view" checked={allSelected} onChange={() => onSelect(selectable, !allSelected)} />
            </label>
            {visible.map((c) => {
              const active = sort === c.id;
              return (
                <button
                  key={c.id}
                  role="columnheader"
                  type="button"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  onClick={() => onSort(c.id)}
                  className={`flex items-center gap-1 truncate px-2 py-2 text-left hover:bg-slate-100 ${active ? 'text-sky-800' : ''}`}
                  title={`Sort by ${columnDef(c.id)?.label ?? c.id}`}
                >
                  <span className="truncate">{flexRender(c.columnDef.header, { column: c, header: undefined as never, table })}</span>
                  {active && <span aria-hidden>{dir === 'asc' ? '▲' : '▼'}</span>}
                </button>
              );
            })}
          </div>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((vi) => {
              const row = model[vi.index];
              const style = { transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT } as const;
              if (row.getIsGrouped()) {
                const label = columnDef(row.groupingColumnId ?? '')?.label ?? row.groupingColumnId;
                return (
                  <div key={row.id} role="row" data-testid="group-row" className="absolute inset-x-0 flex items-center gap-2 border-b border-slate-200 bg-slate-100 pr-2 text-sm" style={style}>
                    <GroupCheckbox ids={row.subRows.filter((r) => r.original.managed).map((r) => r.original.id)} selected={selected} onSelect={onSelect} />
                    <button type="button" onClick={row.getToggleExpandedHandler()} className="flex items-center gap-2 font-medium text-slate-800" aria-expanded={row.getIsExpanded()}>
                      <span aria-hidden className="w-3 text-slate-500">{row.getIsExpanded() ? '▾' : '▸'}</span>
                      <span className="text-slate-500">{label}:</span>
                      <span data-testid="group-value">{String(row.groupingValue)}</span>
                      <span data-testid="group-count" className="rounded bg-white px-1.5 text-xs tabular-nums text-slate-600 ring-1 ring-slate-300">{formatNumber(row.subRows.length)}</span>
                    </button>
                  </div>
                );
              }
              return (
                <div
                  key={row.id}
                  role="row"
                  data-testid="node-row"
                  data-node-id={row.original.id}
                  className="absolute inset-x-0 grid items-center border-b border-slate-100 text-sm hover:bg-sky-50"
                  style={{ ...style, gridTemplateColumns: template }}
                >
                  <label className="flex items-center justify-center">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.original.name ?? row.original.id}`}
                      disabled={!row.original.managed}
                      checked={selected.has(row.original.id)}
                      onChange={(e) => onSelect([row.original.id], e.target.checked)}
                    />
                  </label>
                  {row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="cell" data-col={cell.column.id} className="truncate px-2">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
          {model.length === 0 && <p className="p-6 text-center text-sm text-slate-500">No nodes match this view.</p>}
        </div>
      </div>
    </div>
  );
}

function GroupCheckbox({ ids, selected, onSelect }: { ids: string[]; selected: Set<string>; onSelect: (ids: string[], on: boolean) => void }) {
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <label className="flex w-9 shrink-0 items-center justify-center">
      <input type="checkbox" aria-label="Select every node of this group" disabled={!ids.length} checked={all} onChange={() => onSelect(ids, !all)} />
    </label>
  );
}
