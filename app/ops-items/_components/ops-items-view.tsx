'use client';
import { useSelection } from '@/components/data-table/use-selection';
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { opsItemsQuery } from '@/lib/query/ops-items';
import { settableStatuses, type OpsItemRow, type OpsSort } from '@/lib/contracts/ops-items';
import { formatAge, formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { downloadText } from '@/components/ui/export-csv';
import { DataTable } from '@/components/data-table/data-table';
import { opsItemsCsv } from '@/components/ops-items/csv';
import { CreateOpsItemButton } from '@/components/ops-items/create-button';
import { useOpsView, viewQuery } from './use-ops-view';
import { sortRows } from './sort';
import { opsColumns } from './columns';
import { OpsFilters } from './filters';
import { activeChips, CLEARED, statusPhrase } from './chips';
import { BulkBar } from './bulk-bar';

const BUTTON = 'h-8 rounded border border-slate-300 bg-white px-2.5 text-sm text-slate-700 hover:bg-slate-50';

/** OpsCenter's OpsItems of every region, filtered by the server as the URL says, sorted here. */
export function OpsItemsView({ linkProblem }: { linkProblem: string | null }) {
  const { view, setView } = useOpsView();
  const q = useQuery({ ...opsItemsQuery(viewQuery(view)), placeholderData: keepPreviousData });
  const now = useNow(30_000);
  const columns = useMemo(() => opsColumns(now), [now]);
  const rows = useMemo(() => sortRows(q.data?.items ?? [], view), [q.data, view]);
  const regions = useMemo(() => (q.data?.regions ?? []).map((r) => r.region), [q.data]);
  const { selected, setSelected, select } = useSelection();
  // Only what is in the list now can be changed (a filter change hides, and so drops, the rest of a selection).
  const chosen = useMemo(() => (selected.size ? rows.filter((r) => selected.has(r.id)) : []), [rows, selected]);
  const chips = activeChips(view);
  const failed = (q.data?.regions ?? []).filter((r) => !r.ok);

  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold">OpsItems</h1>
          <p className="text-sm text-slate-600">OpsCenter issues across every region: what is open, on which nodes, since when.</p>
        </div>
        <CreateOpsItemButton testId="create-ops-item" preset={() => ({ dialogTitle: 'Create OpsItem', regions, from: { kind: 'list' } })}>Create OpsItem</CreateOpsItemButton>
      </div>
      {linkProblem && <Banner kind="warning" title="Part of this link was not understood and is ignored">{linkProblem}</Banner>}
      {failed.length > 0 && (
        <Banner kind="warning" title={`Incomplete: the OpsItems of ${failed.length} region${failed.length === 1 ? '' : 's'} could not be read and are missing`}>
          <ul data-testid="ops-region-errors">{failed.map((r) => <li key={r.region}><b>{r.region}</b>: {r.error ?? 'unknown error'}</li>)}</ul>
        </Banner>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <OpsFilters view={view} setView={setView} rows={q.data?.items ?? []} regions={regions} />
        <div className="ml-auto flex items-center gap-2">
          <button type="button" data-testid="export-csv" disabled={!rows.length} onClick={() => downloadText(`opsitems-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '')}.csv`, opsItemsCsv(rows))} className={`${BUTTON} disabled:opacity-50`}>
            Export CSV
          </button>
          <button type="button" onClick={() => void q.refetch()} disabled={q.isFetching} className={`${BUTTON} disabled:opacity-50`} title={q.data ? `Read ${formatAge(q.data.readAt, now)}` : undefined}>
            {q.isFetching ? 'Reading…' : 'Refresh'}
          </button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span data-testid="row-count" className="font-medium text-slate-700" aria-live="polite">
          {q.data ? `${formatNumber(rows.length)} OpsItem${rows.length === 1 ? '' : 's'} · ${statusPhrase(view)}` : q.isError ? 'No list' : 'Reading OpsItems…'}
          {q.isFetching && q.data && <span className="ml-2 text-xs font-normal text-slate-500">updating…</span>}
        </span>
        {chips.map((c) => (
          <button key={c.key} type="button" onClick={() => setView(c.remove)} title="Remove this filter" className="inline-flex items-center gap-1 rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900 hover:bg-sky-200">
            {c.label} <span aria-hidden>×</span>
          </button>
        ))}
        {chips.length > 0 && <button type="button" onClick={() => setView(CLEARED)} className="text-xs text-sky-700 hover:underline">Clear all filters</button>}
      </div>
      {q.isError && <Banner kind="error" title="Could not read OpsItems">{q.error.message}</Banner>}
      <BulkBar items={chosen} onClear={() => setSelected(new Set())} onDone={(ids) => select(ids, false)} />
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={rowId}
        testId="ops-items-table"
        rowTestId="ops-item-row"
        sort={{ id: view.sort, dir: view.dir, onSort: (id) => setView({ sort: id as OpsSort, dir: view.sort === id ? (view.dir === 'asc' ? 'desc' : 'asc') : firstDir(id) }) }}
        selection={{ selected, onSelect: select, canSelect, label: (r) => `Select ${r.id}`, allLabel: 'Select all OpsItems in this list' }}
        empty={q.isPending ? 'Reading OpsItems…' : 'No OpsItem matches these filters.'}
      />
    </div>
  );
}

const rowId = (r: OpsItemRow) => r.id;
/** A first click sorts times newest first and severity/priority most urgent first; text from A. */
const firstDir = (id: string) => (['created', 'modified', 'severity', 'priority'].includes(id) ? 'desc' : 'asc');
/** Change requests follow Change Manager's workflow; their status is not set by hand. */
const canSelect = (r: OpsItemRow) => settableStatuses(r.type).length > 0;
