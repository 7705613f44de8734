'use client';
import { memo, useMemo, useRef, useState } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getGroupedRowModel,
  useReactTable,
  type CellContext,
  type Column,
  type ColumnDef,
  type ExpandedState,
  type Row,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatNumber } from '@/lib/format';

export type { ColumnDef };

export interface Selection<T> {
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  canSelect?: (row: T) => boolean;
  /** Accessible name of a row's checkbox. */
  label: (row: T) => string;
  allLabel: string;
}

export interface DataTableProps<T> {
  rows: T[];
  columns: ColumnDef<T>[];
  getRowId: (row: T) => string;
  testId: string;
  /** The data-testid of each row (and data-row-id on it). */
  rowTestId: string;
  /** Rows arrive filtered and sorted; a header click asks the owner to sort. */
  sort?: { id: string; dir: 'asc' | 'desc'; onSort: (id: string) => void };
  /** Group rows by this column (collapsed groups with counts). */
  group?: string;
  groupLabel?: (columnId: string) => string;
  selection?: Selection<T>;
  activeId?: string | null;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string;
  rowAttributes?: (row: T) => Record<string, string>;
  /** Tailwind height of the scroll area. */
  heightClass?: string;
  rowHeight?: number;
  empty?: React.ReactNode;
}

/**
 * The one table for large lists (nodes, run invocations, previews; inventory and OpsItems next): TanStack Table for
 * columns and grouping, TanStack Virtual so that only the rows on screen are in the DOM. A row re-renders only when its
 * data object, selection or focus changes, so a live page that swaps a few rows of 10,000 stays smooth.
 */
export function DataTable<T>(p: DataTableProps<T>) {
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const columnVisibility = useMemo(() => (p.group && !p.columns.some((c) => c.id === p.group) ? { [p.group]: false } : {}), [p.group, p.columns]);
  // TanStack Table returns functions React Compiler cannot memoize; this component is left uncompiled on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: p.rows,
    columns: p.columns,
    state: { grouping: p.group ? [p.group] : [], expanded, columnVisibility },
    onExpandedChange: setExpanded,
    getRowId: p.getRowId,
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
  // Without grouping the rows are drawn straight from `rows`: building TanStack's row model (an object with dozens of
  // methods per row) for 10,000 rows on every update cost 230 ms plus garbage collection on a live run page.
  const model = p.group ? table.getRowModel().rows : null;
  const count = model ? model.length : p.rows.length;
  const visible = table.getVisibleLeafColumns();
  const lead = p.selection ? 36 : 0;
  const template = [...(lead ? [`${lead}px`] : []), ...visible.map((c) => `${c.getSize()}px`)].join(' ');
  const width = lead + visible.reduce((w, c) => w + c.getSize(), 0);
  const rowHeight = p.rowHeight ?? 34;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 15 });
  const sel = p.selection;
  const selectable = sel ? p.rows.filter((r) => sel.canSelect?.(r) ?? true).map(p.getRowId) : [];
  const allSelected = selectable.length > 0 && selectable.every((id) => sel!.selected.has(id));

  return (
    <div className="space-y-1">
      {p.group && (
        <div className="flex items-center gap-3 text-xs text-slate-600">
          <span>{formatNumber(table.getGroupedRowModel().rows.length)} groups</span>
          <button type="button" className="text-sky-700 hover:underline" onClick={() => table.toggleAllRowsExpanded(true)}>Expand all</button>
          <button type="button" className="text-sky-700 hover:underline" onClick={() => table.toggleAllRowsExpanded(false)}>Collapse all</button>
        </div>
      )}
      <div ref={scrollRef} data-testid={p.testId} role="table" aria-rowcount={count} tabIndex={0} className={`relative overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-sky-600 ${p.heightClass ?? 'h-[calc(100vh-15rem)] min-h-80'}`}>
        <div style={{ width, minWidth: '100%' }}>
          <div role="row" className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600" style={{ gridTemplateColumns: template }}>
            {sel && (
              <div role="columnheader" className="flex">
                <label className="flex flex-1 items-center justify-center" title={sel.allLabel}>
                  <input type="checkbox" aria-label={sel.allLabel} checked={allSelected} onChange={() => sel.onSelect(selectable, !allSelected)} />
                </label>
              </div>
            )}
            {visible.map((c) => {
              const header = flexRender(c.columnDef.header, { column: c, header: undefined as never, table });
              if (!p.sort || c.columnDef.enableSorting === false) return <div key={c.id} role="columnheader" className="truncate px-2 py-2">{header}</div>;
              const active = p.sort.id === c.id;
              return (
                <div key={c.id} role="columnheader" aria-sort={active ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="flex min-w-0">
                  <button type="button" onClick={() => p.sort!.onSort(c.id)} className={`flex min-w-0 flex-1 items-center gap-1 truncate px-2 py-2 text-left hover:bg-slate-100 ${active ? 'text-sky-800' : ''}`}>
                    <span className="truncate">{header}</span>
                    {active && <span aria-hidden>{p.sort.dir === 'asc' ? '▲' : '▼'}</span>}
                  </button>
                </div>
              );
            })}
          </div>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((vi) => {
              const top = vi.start;
              if (!model) {
                const original = p.rows[vi.index];
                const id = p.getRowId(original);
                return (
                  <DataRow
                    key={id} original={original} top={top} height={rowHeight} template={template} columns={p.columns} visible={visible}
                    selected={sel ? sel.selected.has(id) : null} active={p.activeId === id} p={p}
                  />
                );
              }
              const row = model[vi.index];
              if (row.getIsGrouped()) return <GroupRow key={row.id} row={row} top={top} height={rowHeight} label={p.groupLabel?.(row.groupingColumnId ?? '') ?? row.groupingColumnId ?? ''} sel={sel} getRowId={p.getRowId} />;
              const id = p.getRowId(row.original);
              return (
                <DataRow
                  key={row.id} original={row.original} top={top} height={rowHeight} template={template} columns={p.columns} visible={visible}
                  selected={sel ? sel.selected.has(id) : null} active={p.activeId === id} p={p}
                />
              );
            })}
          </div>
          {count === 0 && <div className="p-6 text-center text-sm text-slate-500">{p.empty ?? 'Nothing to show.'}</div>}
        </div>
      </div>
    </div>
  );
}

interface RowProps<T> {
  original: T;
  top: number;
  height: number;
  template: string;
  columns: ColumnDef<T>[];
  visible: Column<T>[];
  selected: boolean | null;
  active: boolean;
  p: DataTableProps<T>;
}

function DataRowImpl<T>({ original, top, height, template, visible, selected, active, p }: RowProps<T>) {
  const id = p.getRowId(original);
  const sel = p.selection;
  return (
    <div
      role="row"
      data-testid={p.rowTestId}
      data-row-id={id}
      {...p.rowAttributes?.(original)}
      onClick={p.onRowClick ? (e) => !(e.target as HTMLElement).closest('a,button,input,label') && p.onRowClick!(original) : undefined}
      className={`absolute inset-x-0 grid items-center border-b border-slate-100 text-sm ${active ? 'bg-sky-100' : 'hover:bg-sky-50'} ${p.onRowClick ? 'cursor-pointer' : ''} ${p.rowClassName?.(original) ?? ''}`}
      style={{ transform: `translateY(${top}px)`, height, gridTemplateColumns: template }}
    >
      {sel && (
        <div role="cell" className="flex h-full">
          <label className="flex flex-1 items-center justify-center">
            <input type="checkbox" aria-label={sel.label(original)} disabled={!(sel.canSelect?.(original) ?? true)} checked={!!selected} onChange={(e) => sel.onSelect([id], e.target.checked)} />
          </label>
        </div>
      )}
      {visible.map((column) => (
        <div key={column.id} role="cell" data-col={column.id} className="truncate px-2">
          {flexRender(column.columnDef.cell, cellContext(original, id, column))}
        </div>
      ))}
    </div>
  );
}

/**
 * What a cell renderer gets: the row's data and its column. The table's columns read `row.original` only, so a row
 * need not be one of TanStack's row objects (see above).
 */
function cellContext<T>(original: T, id: string, column: Column<T>): CellContext<T, unknown> {
  const getValue = () => column.accessorFn?.(original, 0);
  return { row: { original, id } as Row<T>, column, getValue, renderValue: getValue } as unknown as CellContext<T, unknown>;
}

/** Re-render a row only when what it shows changed: its data object, selection, focus, position or columns. */
const DataRow = memo(DataRowImpl, (a, b) =>
  a.original === b.original && a.selected === b.selected && a.active === b.active && a.top === b.top && a.template === b.template && a.columns === b.columns && a.visible === b.visible && a.height === b.height,
) as typeof DataRowImpl;

function GroupRow<T>({ row, top, height, label, sel, getRowId }: { row: Row<T>; top: number; height: number; label: string; sel: Selection<T> | undefined; getRowId: (r: T) => string }) {
  const ids = sel ? row.subRows.filter((r) => sel.canSelect?.(r.original) ?? true).map((r) => getRowId(r.original)) : [];
  const all = ids.length > 0 && ids.every((id) => sel!.selected.has(id));
  return (
    <div role="row" data-testid="group-row" className="absolute inset-x-0 border-b border-slate-200 bg-slate-100 pr-2 text-sm" style={{ transform: `translateY(${top}px)`, height }}>
      <div role="cell" className="flex h-full items-center gap-2">
        {sel && (
          <label className="flex w-9 shrink-0 items-center justify-center">
            <input type="checkbox" aria-label="Select every row of this group" disabled={!ids.length} checked={all} onChange={() => sel.onSelect(ids, !all)} />
          </label>
        )}
        <button type="button" onClick={row.getToggleExpandedHandler()} className="flex items-center gap-2 font-medium text-slate-800" aria-expanded={row.getIsExpanded()}>
          <span aria-hidden className="w-3 text-slate-500">{row.getIsExpanded() ? '▾' : '▸'}</span>
          <span className="text-slate-500">{label}:</span>
          <span data-testid="group-value">{String(row.groupingValue)}</span>
          <span data-testid="group-count" className="rounded bg-white px-1.5 text-xs tabular-nums text-slate-600 ring-1 ring-slate-300">{formatNumber(row.subRows.length)}</span>
        </button>
      </div>
    </div>
  );
}
