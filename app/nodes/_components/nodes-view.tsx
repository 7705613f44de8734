'use client';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { compactFleetQuery, fetchCompactFleet } from './fleet-query';
import { fleetKeys } from '@/lib/query/keys';
import { PING_STATUSES, type NodeRow } from '@/lib/contracts/node';
import { orderForGrouping, PATCH_FILTERS, tagFilterToString, GROUPABLE, viewToSearchParams, type NodeView } from '@/lib/contracts/node-view';
import { describeSoftwareQuery, parseSoftwareFilter } from '@/lib/contracts/inventory';
import { softwareSearchQuery } from '@/lib/query/inventory';
import { DEFAULT_COLUMNS, columnDef, TAG_COLUMN_PREFIX } from '@/lib/contracts/columns';
import { formatNumber } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { RegionAlerts } from '@/components/fleet/region-alerts';
import { DataAge } from '@/components/fleet/data-age';
import { SetupHelp, setupProblem } from '@/components/fleet/setup-help';
import { PING_LABEL } from '@/components/fleet/ping-badge';
import { useAutoRefresh, fleetRefetchInterval } from '@/components/fleet/use-auto-refresh';
import { useNodeView } from './use-node-view';
import { NodesGrid } from './nodes-grid';
import { FacetedFilter } from '@/components/data-table/faceted-filter';
import { options } from './facets';
import { buildFleetIndex, createBaseFilter, facetRows, patchFacet, prepareSearchText, sortOrder, type FacetKey, type FacetValues } from './fleet-index';
import { TagFilterPicker, tagIndex } from './tag-filter';
import { ColumnChooser } from './column-chooser';
import { nodesCsv, downloadText } from '@/components/ui/export-csv';
import { SelectionBar } from './selection-bar';
import { LaunchButton } from '@/components/runs/launch-button';
import { commandSpec } from '@/components/runs/presets';

/** Everything a view shows, as one string: two views with the same key show the same rows. */
const viewKey = (view: NodeView) => viewToSearchParams(view).toString();

/** The filters of a view as a query (what the server resolves to nodes); sort, grouping and columns do not matter. */
const viewQuery = (view: NodeView) => viewToSearchParams({ ...view, sort: undefined, dir: undefined, group: undefined, cols: undefined }).toString();

const PATCH_LABELS: Record<string, string> = {
  compliant: 'Compliant', noncompliant: 'Noncompliant', missing: 'Missing patches', critical: 'Critical missing', security: 'Security missing',
  other: 'Other missing', failed: 'Failed installs',
  pendingReboot: 'Pending reboot', rejected: 'Rejected installed', notScanned: 'Never scanned', staleScan: 'Scan older than 7 days',
};

export function NodesView({ linkProblem }: { linkProblem: string | null }) {
  const qc = useQueryClient();
  const { view, setView } = useNodeView();
  const [auto, setAuto] = useAutoRefresh();
  const fleet = useQuery({ ...compactFleetQuery(), refetchInterval: (query) => fleetRefetchInterval(auto, query.state.data?.regions) });
  const refresh = useMutation({
    mutationFn: () => fetchCompactFleet(true),
    onSuccess: (data) => {
      qc.setQueryData(fleetKeys.nodes(), data);
      void qc.invalidateQueries({ queryKey: fleetKeys.overview() });
    },
  });

  // The search box is ahead of the URL while typing; an outside change of the URL (a chip, Back) resets it.
  const [search, setSearch] = useState(view.q);
  const [urlQ, setUrlQ] = useState(view.q);
  if (view.q !== urlQ) {
    setUrlQ(view.q);
    setSearch(view.q);
  }
  useEffect(() => {
    if (search === view.q) return;
    const t = setTimeout(() => setView({ q: search }, 'replace'), 200);
    return () => clearTimeout(t);
  }, [search, view.q, setView]);

  const all = useMemo(() => fleet.data?.nodes ?? [], [fleet.data]);
  // The table follows the search box at once, not the URL (which waits for a pause in typing): the view it shows is
  // the URL's with the box's text, and a new object only when that changes, so the URL catching up recomputes nothing.
  const [shown, setShown] = useState(view);
  const live = search === view.q ? view : { ...view, q: search };
  if (viewKey(live) !== viewKey(shown)) setShown(live);
  const deferredView = useDeferredValue(shown);
  // Ages ("scan older than 7 days") are judged at the snapshot's time, as the server and the overview do.
  const now = fleet.data ? Date.parse(fleet.data.generatedAt) : 0;
  const software = useSoftwareFilter(view.sw);
  const ctx = useMemo(() => ({ software: software.ids }), [software.ids]);
  // applyView and the facet counts, in steps that each keystroke mostly skips (fleet-index.ts): per fleet, each row's
  // search text and facet values; per sort order, the order; per keystroke, one walk over positions (narrowing the
  // previous answer while typing on) and one over the matches.
  const index = useMemo(() => buildFleetIndex(all, facetValues(now)), [all, now]);
  const order = useMemo(() => sortOrder(index, deferredView.sort, deferredView.dir), [index, deferredView.sort, deferredView.dir]);
  const [baseFilter] = useState(createBaseFilter);
  const base = useMemo(() => baseFilter(index, order, deferredView, now, ctx), [baseFilter, index, order, deferredView, now, ctx]);
  const cut = useMemo(() => facetRows(index, base, deferredView, now, ctx), [index, base, deferredView, now, ctx]);
  const rows = useMemo(() => orderForGrouping(cut.rows, deferredView.group), [cut, deferredView.group]);
  const facets = cut.counts;
  useEffect(() => prepareSearchText(index), [index]);
  const tags = useMemo(() => tagIndex(all), [all]);
  const accountNames = useMemo(() => accountNamesOf(all), [all]);
  // Many accounts: the account column comes with the default columns, before the region.
  const multiAccount = useMemo(() => all.some((r) => r.account), [all]);
  // Memoized, as are the grid's handlers: the grid (memo) then renders only when its rows or columns change, not for
  // each keystroke's own render or the URL catching up with the search box.
  const colsKey = view.cols?.join(',');
  const columns = useMemo(
    () => (colsKey ? colsKey.split(',') : multiAccount ? DEFAULT_COLUMNS.flatMap((c) => (c === 'region' ? ['account', c] : [c])) : DEFAULT_COLUMNS),
    [colsKey, multiAccount],
  );
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const select = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [setSelected],
  );
  const { sort, dir } = view;
  const onSort = useCallback((id: string) => setView({ sort: id, dir: sort === id && dir === 'asc' ? 'desc' : 'asc' }), [setView, sort, dir]);

  if (fleet.isPending) return <p className="text-sm text-slate-500">Loading the fleet…</p>;
  if (fleet.isError) {
    const e = fleet.error as Error & { code?: string };
    if (e.code === 'RegionMissing' || e.code === 'InvalidRegion') return <SetupHelp code={e.code} message={e.message} />;
    return <Banner kind="error" title="Could not load the fleet">{e.message}</Banner>;
  }
  const problem = setupProblem(fleet.data.regions);
  if (problem) return <SetupHelp {...problem} />;

  const chips = activeChips(view, software.label ?? undefined);
  return (
    <div className="space-y-3">
      {linkProblem && (
        <Banner kind="warning" title="Part of this link was not understood and is ignored">
          {linkProblem}
        </Banner>
      )}
      <RegionAlerts regions={fleet.data.regions} />
      {software.error && <Banner kind="error" title="The software filter could not be applied: no node is shown for it">{software.error}</Banner>}
      {software.pending && <Banner kind="info" title={`Finding the nodes with ${software.label} in SSM Inventory…`} />}
      {software.partial && <Banner kind="warning" title={`Incomplete: part of the inventory could not be read, so some nodes with ${software.label} may be missing`}>See the software search for which region failed.</Banner>}
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label="Search nodes"
          placeholder="Search name, ID, IP, tag…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="h-8 w-64 rounded border border-slate-300 bg-white px-2.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none"
        />
        <FacetedFilter testId="filter-ping" title="SSM status" options={options(facets.ping, PING_STATUSES, PING_LABEL)} selected={view.ping} onChange={(v) => setView({ ping: v as NodeView['ping'] })} />
        <FacetedFilter testId="filter-platform" title="Platform" options={options(facets.platform)} selected={view.platform} onChange={(v) => setView({ platform: v })} />
        {facets.acct.size > 0 && <FacetedFilter testId="filter-account" title="Account" options={options(facets.acct, undefined, accountNames)} selected={view.acct} onChange={(v) => setView({ acct: v })} />}
        <FacetedFilter testId="filter-region" title="Region" options={options(facets.region)} selected={view.region} onChange={(v) => setView({ region: v })} />
        <FacetedFilter testId="filter-patch" title="Patches" options={options(facets.patch, PATCH_FILTERS, PATCH_LABELS)} selected={view.patch} onChange={(v) => setView({ patch: v as NodeView['patch'] })} />
        <FacetedFilter testId="filter-agent" title="Agent" options={options(facets.agent, ['latest', 'outdated'], { latest: 'Latest', outdated: 'Outdated' })} selected={view.agent} onChange={(v) => setView({ agent: v as NodeView['agent'] })} />
        <FacetedFilter testId="filter-ops" title="OpsItems" options={options(facets.ops, ['open', 'none'], { open: 'Has open OpsItems', none: 'None' })} selected={view.ops} onChange={(v) => setView({ ops: v as NodeView['ops'] })} />
        <TagFilterPicker index={tags} onAdd={(f) => setView({ tag: [...view.tag.filter((t) => tagFilterToString(t) !== tagFilterToString(f)), f] })} />
        <label className="flex items-center gap-1 text-sm text-slate-600">
          Group by
          <select
            aria-label="Group by"
            value={view.group ?? ''}
            onChange={(e) => setView({ group: e.target.value || undefined })}
            className="h-8 rounded border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">None</option>
            <optgroup label="Fields">
              {GROUPABLE.map((g) => (
                <option key={g} value={g}>{columnDef(g)?.label ?? g}</option>
              ))}
            </optgroup>
            <optgroup label="Tags">
              {[...tags.keys()].sort().map((k) => (
                <option key={k} value={`${TAG_COLUMN_PREFIX}${k}`}>{k}</option>
              ))}
            </optgroup>
          </select>
        </label>
        <div className="ml-auto flex items-center gap-2">
          <LaunchButton
            testId="run-on-view"
            spec={() => commandSpec(`Run a command on this view (${formatNumber(rows.length)} nodes)`, { mode: 'view', query: viewQuery(deferredView) })}
            className="h-8 rounded border border-slate-300 bg-white px-2.5 text-sm text-slate-700 hover:bg-slate-50"
            title="Run any Command document on the nodes of this filtered view"
          >
            Run on this view…
          </LaunchButton>
          <ColumnChooser columns={columns} tagKeys={[...tags.keys()].sort()} onChange={(cols) => setView({ cols })} />
          <button
            type="button"
            data-testid="export-csv"
            onClick={() => downloadText(`ssm-fleet-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '')}.csv`, nodesCsv(rows, columns))}
            className="h-8 rounded border border-slate-300 bg-white px-2.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            Export CSV
          </button>
          <DataAge generatedAt={fleet.data.generatedAt} refreshing={refresh.isPending} onRefresh={() => refresh.mutate()} auto={auto} onAutoChange={setAuto} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span data-testid="row-count" className="font-medium text-slate-700">
          {formatNumber(rows.length)} of {formatNumber(fleet.data.total)} nodes
        </span>
        {chips.map((c) => (
          <button
            key={c.key}
            type="button"
            onClick={() => setView(c.remove)}
            className="inline-flex items-center gap-1 rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900 hover:bg-sky-200"
            title="Remove this filter"
          >
            {c.label} <span aria-hidden>×</span>
          </button>
        ))}
        {chips.length > 0 && (
          <button type="button" onClick={() => setView({ q: '', ping: [], platform: [], region: [], tag: [], patch: [], agent: [], ops: [], pgroup: [], os: [], agentv: [], ami: [], sw: undefined })} className="text-xs text-sky-700 hover:underline">
            Clear all filters
          </button>
        )}
        {refresh.isError && <span className="text-xs text-red-700">Refresh failed: {refresh.error.message}</span>}
      </div>
      <SelectionBar selected={selected} fleet={all} onClear={() => setSelected(new Set())} />
      <NodesGrid
        selected={selected}
        onSelect={select}
        rows={rows}
        columns={columns}
        group={view.group}
        sort={view.sort}
        dir={view.dir}
        onSort={onSort}
      />
    </div>
  );
}

/** The `sw` filter (nodes with some software) as node IDs, from the software search (cached on the server). */
function useSoftwareFilter(sw: string | undefined) {
  const parsed = sw ? parseSoftwareFilter(sw) : null;
  const query = parsed?.ok
    ? new URLSearchParams({ name: parsed.query.name ?? '', ...(parsed.query.match === 'prefix' ? { match: 'prefix' } : {}), ...(parsed.query.version ? { version: `${parsed.query.version.op}:${parsed.query.version.value}` } : {}) }).toString()
    : '';
  const q = useQuery({ ...softwareSearchQuery(query), enabled: !!query });
  const ids = useMemo(() => (q.data ? new Set(q.data.matches.map((m) => m.nodeId)) : undefined), [q.data]);
  return {
    ids,
    label: parsed?.ok ? describeSoftwareQuery(parsed.query) : sw,
    error: parsed && !parsed.ok ? parsed.error : q.isError ? q.error.message : null,
    pending: !!query && q.isPending,
    partial: q.data?.partial ?? false,
  };
}

/** What each facet counts of a row (the patch facet's "stale scan" is judged at the snapshot's time). */
function facetValues(now: number): Record<FacetKey, FacetValues> {
  return {
    ping: (r, add) => add(r.ping),
    platform: (r, add) => r.platformName && add(r.platformName),
    region: (r, add) => add(r.region),
    // Accounts of the accounts file ('' is the dashboard's own account: no facet for it).
    acct: (r, add) => r.account && add(r.account),
    patch: patchFacet(now),
    agent: (r, add) => r.agentLatest !== null && add(r.agentLatest ? 'latest' : 'outdated'),
    ops: (r, add) => r.openOpsItems !== null && add(r.openOpsItems > 0 ? 'open' : 'none'),
  };
}

/** Display names of the accounts (once per fleet, not per keystroke). */
function accountNamesOf(all: NodeRow[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const r of all) if (r.account && !(r.account in names)) names[r.account] = r.accountName || r.account;
  return names;
}

function activeChips(view: NodeView, softwareLabel?: string): { key: string; label: string; remove: Partial<NodeView> }[] {
  const chips: { key: string; label: string; remove: Partial<NodeView> }[] = [];
  if (view.sw) chips.push({ key: 'sw', label: `Software: ${softwareLabel ?? view.sw}`, remove: { sw: undefined } });
  if (view.q) chips.push({ key: 'q', label: `“${view.q}”`, remove: { q: '' } });
  const multi = (k: 'ping' | 'platform' | 'acct' | 'region' | 'patch' | 'agent' | 'ops' | 'pgroup' | 'os' | 'agentv' | 'ami', name: string, label = (v: string) => v) => {
    for (const v of view[k] as string[]) chips.push({ key: `${k}:${v}`, label: `${name}: ${label(v)}`, remove: { [k]: (view[k] as string[]).filter((x) => x !== v) } });
  };
  multi('ping', 'Status', (v) => PING_LABEL[v as keyof typeof PING_LABEL] ?? v);
  multi('platform', 'Platform');
  multi('acct', 'Account');
  multi('region', 'Region');
  multi('patch', 'Patches', (v) => PATCH_LABELS[v] ?? v);
  multi('agent', 'Agent');
  multi('ops', 'OpsItems');
  multi('pgroup', 'Patch group');
  multi('os', 'OS');
  multi('agentv', 'Agent version');
  if (view.ami.length > 3) chips.push({ key: 'ami', label: `AMI: ${view.ami.length} images`, remove: { ami: [] } });
  else multi('ami', 'AMI');
  for (const t of view.tag) {
    const s = tagFilterToString(t);
    chips.push({ key: `tag:${s}`, label: t.negate ? `no ${t.key} tag` : `${t.key} = ${t.value ?? 'any'}`, remove: { tag: view.tag.filter((x) => tagFilterToString(x) !== s) } });
  }
  return chips;
}
