'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { OUTCOMES, OUTCOME_IDS, type Outcome } from '@/lib/contracts/command-status';
import type { RunNode } from '@/lib/contracts/run';
import { formatNumber } from '@/lib/format';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';
import { FacetedFilter } from '@/components/data-table/faceted-filter';
import { OutcomeBadge } from '@/components/runs/run-status-badge';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** What a row says beyond its status: the error, or what will happen to a pending node that is not Online. */
function note(n: RunNode): React.ReactNode {
  if (n.errorLine) return <span className="font-mono text-xs text-red-800" title={n.errorLine}>{n.errorLine}</span>;
  if (n.deliveryDeadline) return <span className="text-xs text-amber-800">node {n.ping === 'NotRunning' ? 'not running' : n.ping === 'ConnectionLost' ? 'offline' : n.ping ?? 'unknown'}: delivery times out at {time.format(Date.parse(n.deliveryDeadline))} UTC</span>;
  if (n.statusDetails && n.statusDetails !== n.status && n.outcome !== 'success') return <span className="text-xs text-slate-600">{n.statusDetails}</span>;
  return null;
}

const columns: ColumnDef<RunNode>[] = [
  { id: 'node', header: 'Node', size: 300, cell: ({ row: { original: n } }) => <span><Link prefetch={false} className="font-medium text-sky-700 hover:underline" href={`/nodes/${n.nodeId}`}>{n.name ?? n.nodeId}</Link> <span className="font-mono text-xs text-slate-500">{n.nodeId}</span></span> },
  // With many accounts the account comes with the region: the same region of two accounts is two places.
  { id: 'region', header: 'Region', size: 120, cell: ({ row: { original: n } }) => (n.account ? <span title={`account ${n.account}`}><span className="font-mono text-xs">{n.account}</span> {n.region}</span> : n.region) },
  { id: 'outcome', header: 'Status', size: 170, cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} /> },
  { id: 'exit', header: 'Exit', size: 56, cell: ({ row: { original: n } }) => <span className="tabular-nums">{n.exitCode ?? (n.outcome === 'success' ? 0 : '')}</span> },
  { id: 'note', header: 'Error / note', size: 520, cell: ({ row }) => note(row.original) },
];

export interface Filters {
  outcomes: Set<Outcome>;
  regions: string[];
  text: string;
  group: string | null;
}

/** One collator for every comparison: localeCompare with options builds one per call (600 ms for 10,000 rows). */
const collator = new Intl.Collator('en', { numeric: true });
const label = (n: RunNode) => n.name ?? n.nodeId;

/**
 * Each node's place in name order, worked out when nodes are added (names do not change during a run), so that the
 * sort on every update compares numbers: problems first, then by name.
 */
function useNameOrder(nodes: RunNode[]): Map<string, number> {
  const count = nodes.length;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when nodes are added, not when their status moves
  return useMemo(() => new Map([...new Set(nodes.map(label))].sort(collator.compare).map((name, i) => [name, i])), [count]);
}

export function Invocations({ nodes, filters, setFilters, active, onActive, selected, onSelect, canCancel }: {
  nodes: RunNode[]; filters: Filters; setFilters: (f: Filters) => void; active: string | null; onActive: (n: RunNode) => void;
  selected: Set<string>; onSelect: (ids: string[], on: boolean) => void; canCancel: boolean;
}) {
  const [search, setSearch] = useState('');
  const text = search.trim().toLowerCase();
  const nameOrder = useNameOrder(nodes);
  const rows = useMemo(() => {
    const regions = new Set(filters.regions);
    const order = (a: RunNode, b: RunNode) => OUTCOMES[a.outcome].rank - OUTCOMES[b.outcome].rank || (nameOrder.get(label(a)) ?? 0) - (nameOrder.get(label(b)) ?? 0);
    return nodes
      .filter((n) => (!filters.outcomes.size || filters.outcomes.has(n.outcome)) && (!regions.size || regions.has(n.region)) && (!filters.group || n.group === filters.group)
        && (!text || n.nodeId.includes(text) || (n.name ?? '').toLowerCase().includes(text)))
      .sort(order);
  }, [nodes, filters, text, nameOrder]);
  const regionCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const n of nodes) m.set(n.region, (m.get(n.region) ?? 0) + 1);
    return [...m].sort().map(([value, count]) => ({ value, count }));
  }, [nodes]);
  const outcomeCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const n of nodes) m.set(n.outcome, (m.get(n.outcome) ?? 0) + 1);
    return OUTCOME_IDS.filter((o) => m.has(o)).sort((a, b) => OUTCOMES[a].rank - OUTCOMES[b].rank).map((o) => ({ value: o, label: OUTCOMES[o].label, count: m.get(o)! }));
  }, [nodes]);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <input type="search" aria-label="Search nodes of this run" placeholder="Search name or ID" value={search} onChange={(e) => setSearch(e.target.value)} className="h-8 w-56 rounded border border-slate-300 bg-white px-2.5 text-sm" />
        <FacetedFilter testId="filter-outcome" title="Status" options={outcomeCounts} selected={[...filters.outcomes]} onChange={(v) => setFilters({ ...filters, outcomes: new Set(v as Outcome[]) })} />
        <FacetedFilter testId="filter-region" title="Region" options={regionCounts} selected={filters.regions} onChange={(v) => setFilters({ ...filters, regions: v })} />
        {filters.group && <button type="button" onClick={() => setFilters({ ...filters, group: null })} className="rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900">one failure group ×</button>}
        <span data-testid="run-row-count" className="text-sm text-slate-600">{formatNumber(rows.length)} of {formatNumber(nodes.length)} nodes</span>
      </div>
      <DataTable
        rows={rows} columns={columns} getRowId={(n) => n.nodeId} testId="run-nodes" rowTestId="run-node" rowAttributes={(n) => ({ 'data-status': n.outcome })}
        activeId={active} onRowClick={onActive} heightClass="h-[calc(100vh-22rem)] min-h-72"
        selection={canCancel ? { selected, onSelect, canSelect: (n) => !OUTCOMES[n.outcome].terminal, label: (n) => `Select ${n.name ?? n.nodeId} to cancel`, allLabel: 'Select every unfinished node shown' } : undefined}
        empty={nodes.length ? 'No node matches these filters.' : 'AWS has not reported any node yet.'}
      />
    </div>
  );
}
