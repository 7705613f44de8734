'use client';
import { useMemo } from 'react';
import {
  DASHBOARD_SOURCE, OPS_CATEGORIES, OPS_ITEM_STATUSES, OPS_ITEM_TYPES, OPS_SEVERITIES, SEVERITY_LABEL, statusLabel,
  type OpsItemRow, type OpsItemsView,
} from '@/lib/contracts/ops-items';
import { FacetedFilter } from '@/components/data-table/faceted-filter';
import { optionsOf } from './filter-options';
import { CreatedFilter } from './created-filter';
import { NodeFilter, TitleFilter } from './text-filters';

type SetView = (patch: Partial<OpsItemsView>, mode?: 'push' | 'replace') => void;
type Dim = 'status' | 'severity' | 'priority' | 'category' | 'source' | 'type' | 'region';

/** The statuses people filter by first; the change-request and runbook ones follow. */
const STATUS_ORDER = ['Open', 'InProgress', 'Resolved', ...OPS_ITEM_STATUSES.filter((s) => !['Open', 'InProgress', 'Resolved'].includes(s))];

/** Values per filter in the list on screen: one pass over the rows. */
function useCounts(rows: OpsItemRow[]) {
  return useMemo(() => {
    const out = Object.fromEntries((['status', 'severity', 'priority', 'category', 'source', 'type', 'region'] as Dim[]).map((d) => [d, new Map<string, number>()])) as Record<Dim, Map<string, number>>;
    const add = (d: Dim, v: string | number | null) => v !== null && out[d].set(String(v), (out[d].get(String(v)) ?? 0) + 1);
    for (const r of rows) {
      add('status', r.status); add('severity', r.severity); add('priority', r.priority); add('category', r.category);
      add('source', r.source); add('type', r.type); add('region', r.region);
    }
    return out;
  }, [rows]);
}

/** The filters DescribeOpsItems offers, each written to the URL. */
export function OpsFilters({ view, setView, rows, regions }: { view: OpsItemsView; setView: SetView; rows: OpsItemRow[]; regions: string[] }) {
  const c = useCounts(rows);
  const all = view.status.includes('all');
  return (
    <>
      <TitleFilter view={view} setView={setView} />
      <NodeFilter view={view} setView={setView} />
      <FacetedFilter emptyText="No values in this list"
        testId="filter-status" title="Status" selected={all ? [] : view.status} onChange={(v) => setView({ status: v as OpsItemsView['status'] })}
        options={optionsOf(c.status, STATUS_ORDER, view.status.filter((s) => s !== 'all'), statusLabel)}
        extra={
          <label className="mb-1 flex cursor-pointer items-center gap-2 rounded border-b border-slate-100 px-1.5 pb-1.5 text-sm font-medium">
            <input type="checkbox" checked={all} onChange={() => setView({ status: all ? [] : ['all'] })} /> Every status
            {!all && !view.status.length && <span className="ml-auto text-xs font-normal text-slate-500">now: open + in progress</span>}
          </label>
        }
      />
      <FacetedFilter emptyText="No values in this list" testId="filter-severity" title="Severity" selected={view.severity} onChange={(v) => setView({ severity: v as OpsItemsView['severity'] })} options={optionsOf(c.severity, OPS_SEVERITIES, view.severity, (s) => `${s} · ${SEVERITY_LABEL[s] ?? s}`)} />
      <FacetedFilter emptyText="No values in this list" testId="filter-priority" title="Priority" selected={view.priority} onChange={(v) => setView({ priority: v as OpsItemsView['priority'] })} options={optionsOf(c.priority, ['1', '2', '3', '4', '5'], view.priority)} />
      <FacetedFilter emptyText="No values in this list" testId="filter-category" title="Category" selected={view.category} onChange={(v) => setView({ category: v as OpsItemsView['category'] })} options={optionsOf(c.category, OPS_CATEGORIES, view.category)} />
      <FacetedFilter emptyText="No values in this list" testId="filter-source" title="Source" selected={view.source} onChange={(v) => setView({ source: v })} options={optionsOf(c.source, [DASHBOARD_SOURCE], view.source)} />
      <FacetedFilter emptyText="No values in this list" testId="filter-type" title="Type" selected={view.type} onChange={(v) => setView({ type: v })} options={optionsOf(c.type, OPS_ITEM_TYPES, view.type)} />
      <FacetedFilter emptyText="No values in this list" testId="filter-region" title="Region" selected={view.region} onChange={(v) => setView({ region: v })} options={optionsOf(c.region, regions, view.region)} />
      <CreatedFilter view={view} setView={setView} />
    </>
  );
}
