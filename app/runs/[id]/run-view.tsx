'use client';
import { useSelection } from '@/components/data-table/use-selection';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelRun, meQuery } from '@/lib/query/actions';
import { runProgressQuery } from '@/lib/query/run-progress';
import { runKeys } from '@/lib/query/keys';
import { OUTCOMES, type Outcome } from '@/lib/contracts/command-status';
import type { RunDetail, TriageGroup } from '@/lib/contracts/run';
import { formatNumber } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import type { LaunchSpec } from '@/components/runs/run-launcher';
import { newIdempotencyKey } from '@/components/runs/idempotency-key';
import { RunHeader } from './run-header';
import { OutcomeBar } from './outcome-bar';
import { TriagePanel } from './triage-panel';
import { Invocations, type Filters } from './invocations';
import { OutputPanel } from './output-panel';
import { Breadcrumb } from '@/components/ui/breadcrumb';

/** What a retry or a re-run of this run starts from: the same document, parameters, rate control, output and comment. */
function fromRun(r: RunDetail['run'], title: string): LaunchSpec {
  const s3 = r.spec.output?.s3;
  return {
    title, document: r.document, lockDocument: true, parameters: r.spec.parameters,
    options: {
      maxConcurrency: r.spec.maxConcurrency, maxErrors: r.spec.maxErrors, timeoutSeconds: r.spec.timeoutSeconds, comment: r.comment ?? '',
      s3Bucket: s3?.bucket ?? '', s3Prefix: s3?.prefix ?? '', cloudWatch: !!r.spec.output?.cloudWatch, logGroup: r.spec.output?.cloudWatch?.logGroup ?? '',
    },
  };
}

export function RunView({ id }: { id: string }) {
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  // Poll while the run is going (only changed nodes come back); stop when every command has ended.
  const q = useQuery({ ...runProgressQuery(id, qc), refetchInterval: (query) => (query.state.data?.detail.done ? false : 3_000) });
  const [filters, setFilters] = useState<Filters>({ outcomes: new Set(), regions: [], text: '', group: null });
  const [activeId, setActiveId] = useState<string | null>(null);
  const { selected, setSelected, select } = useSelection();
  const [cancelKey, setCancelKey] = useState(newIdempotencyKey);
  const cancel = useMutation({
    mutationFn: (ids: string[]) => cancelRun(id, cancelKey, ids),
    onSettled: () => {
      setSelected(new Set());
      setCancelKey(newIdempotencyKey());
      void qc.invalidateQueries({ queryKey: runKeys.run(id) });
    },
  });
  const failed = useMemo(() => (q.data?.nodes ?? []).filter((n) => OUTCOMES[n.outcome].retryable).length, [q.data?.nodes]);

  if (q.isPending) return <p className="text-sm text-slate-500">Loading run…</p>;
  if (q.isError) return <Banner kind="error" title={`Could not load ${id}`}>{q.error.message}</Banner>;
  const { detail: d, nodes, byId } = q.data;
  const r = d.run;
  const canAct = me.data?.canAct ?? false;
  const active = activeId ? byId.get(activeId) ?? null : null;
  const toggle = (o: Outcome) => {
    const next = new Set(filters.outcomes);
    if (next.has(o)) next.delete(o);
    else next.add(o);
    setFilters({ ...filters, outcomes: next });
  };
  const retrySpec: LaunchSpec = { ...fromRun(r, `Retry the ${formatNumber(failed)} failed nodes of ${r.id}`), targets: { mode: 'run', runId: r.id }, retryOf: r.id };
  const retryGroup = (g: TriageGroup): LaunchSpec => ({ ...fromRun(r, `Retry ${formatNumber(g.count)} nodes that failed the same way (${OUTCOMES[g.outcome].label})`), targets: { mode: 'run', runId: r.id, group: g.key }, retryOf: r.id });
  const rerunSpec: LaunchSpec = { ...fromRun(r, `Re-run ${r.document} on other targets`), rerunOf: r.id };
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <Breadcrumb href="/runs" label="Runs" current={r.id} />
      <RunHeader d={d} failed={failed} retrySpec={retrySpec} rerunSpec={rerunSpec} />
      <OutcomeBar counts={d.counts} expected={r.expectedNodes} total={d.total} active={filters.outcomes} onToggle={toggle} />
      <TriagePanel run={{ id: r.id, document: r.document }} groups={d.triage} pending={d.triagePending} active={filters.group} onShow={(g) => setFilters({ ...filters, group: g })} retrySpec={retryGroup} canAct={canAct} />
      {selected.size > 0 && (
        <div className="flex items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-900" data-testid="cancel-bar">
          <span className="font-medium">{formatNumber(selected.size)} unfinished node{selected.size > 1 ? 's' : ''} selected</span>
          <button type="button" disabled={!canAct || cancel.isPending} onClick={() => confirm(`Cancel the command on these ${selected.size} nodes?`) && cancel.mutate([...selected])} className="rounded bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-50">
            {cancel.isPending ? 'Cancelling…' : 'Cancel these'}
          </button>
          <button type="button" className="text-xs text-red-800 hover:underline" onClick={() => setSelected(new Set())}>Clear</button>
        </div>
      )}
      {cancel.isError && <Banner kind="error" title="Cancel failed">{cancel.error.message}</Banner>}
      <div className={`grid gap-3 ${active ? 'xl:grid-cols-[minmax(0,1fr)_34rem]' : ''}`}>
        <Invocations nodes={nodes} filters={filters} setFilters={setFilters} active={activeId} onActive={(n) => setActiveId(n.nodeId === activeId ? null : n.nodeId)}
          selected={selected} onSelect={select} canCancel={!d.done && canAct} />
        {active && <div className="xl:sticky xl:top-4 xl:self-start"><OutputPanel key={active.nodeId} runId={id} node={active} onClose={() => setActiveId(null)} /></div>}
      </div>
    </div>
  );
}
