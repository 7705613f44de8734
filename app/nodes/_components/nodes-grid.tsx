'use client';
import { memo, useMemo } from 'react';
import type { NodeRow } from '@/lib/contracts/node';
import { columnDef } from '@/lib/contracts/columns';
import { useNow } from '@/components/use-now';
import { DataTable } from '@/components/data-table/data-table';
import { tableColumns } from './columns';

/**
 * The fleet grid: rows arrive filtered and sorted (by the shared view functions); the table groups them and renders
 * only what is on screen, so 100,000 rows scroll like 100. Memoized: with 100,000 rows even a render that changes
 * nothing costs the table a pass over every row, so it renders only when one of its props changes.
 */
export const NodesGrid = memo(function NodesGrid(p: {
  rows: NodeRow[];
  columns: string[];
  group: string | undefined;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (id: string) => void;
  /** Node IDs picked for an action; `onSelect(ids, on)` adds or removes them. */
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
}) {
  const now = useNow(30_000);
  const defs = useMemo(() => tableColumns(p.columns, p.group, now), [p.columns, p.group, now]);
  return (
    <DataTable
      rows={p.rows}
      columns={defs}
      getRowId={rowId}
      testId="nodes-table"
      rowTestId="node-row"
      rowAttributes={nodeAttributes}
      sort={{ id: p.sort, dir: p.dir, onSort: p.onSort }}
      group={p.group}
      groupLabel={(id) => columnDef(id)?.label ?? id}
      selection={{ selected: p.selected, onSelect: p.onSelect, canSelect: canSelect, label: (r) => `Select ${r.name ?? r.id}`, allLabel: 'Select all nodes in this view' }}
      empty="No nodes match this view."
    />
  );
});

const rowId = (r: NodeRow) => r.id;
const nodeAttributes = (r: NodeRow) => ({ 'data-node-id': r.id });
/** Commands can only reach nodes registered with Systems Manager. */
const canSelect = (r: NodeRow) => r.managed;
