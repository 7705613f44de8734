'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelRun, meQuery, runQuery } from '@/lib/query/actions';
import { runKeys } from '@/lib/query/keys';
import { runCommandUrl } from '@/lib/contracts/links';
import type { RunDetail } from '@/lib/contracts/run';
import { formatAge, formatDateTime } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { PatchRunDialog } from '@/components/runs/patch-run-dialog';
import { OutputPanel } from './output-panel';
import { NodeStatusTable } from './node-status-table';

const FAILED = new Set(['Failed', 'TimedOut', 'Undeliverable', 'Cancelled', 'NotSent']);
const ORDER = ['Pending', 'Delayed', 'InProgress', 'Success', 'Failed', 'TimedOut', 'Undeliverable', 'Cancelling', 'Cancelled', 'NotSent'];
const BAR: Record<string, string> = {
  Success: 'bg-emerald-500', Failed: 'bg-red-500', TimedOut: 'bg-red-400', Undeliverable: 'bg-red-300', InProgress: 'bg-sky-500',
  Pending: 'bg-sky-200', Delayed: 'bg-amber-300', Cancelled: 'bg-slate-400', Cancelling: 'bg-slate-300', NotSent: 'bg-slate-200',
};

export function RunView({ id }: { id: string }) {
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  // Poll while the run is going; stop when every command has ended.
  const q = useQuery({ ...runQuery(id), refetchInterval: (query) => (query.state.data?.done ? false : 3_000) });
  const [cancelKey] = useState(() => `cancel-${id}-${Math.random().toString(36).slice(2, 12)}`);
  const cancel = useMutation({ mutationFn: () => cancelRun(id, cancelKey), onSettled: () => qc.invalidateQueries({ queryKey: runKeys.run(id) }) });
  const [output, setOutput] = useState<string | null>(null);
  const [retry, setRetry] = useState(false);
  const now = useNow(5_000);

  if (q.isPending) return <p className="text-sm text-slate-500">Loading run…</p>;
  if (q.isError) return <Banner kind="error" title={`Could not load ${id}`}>{q.error.message}</Banner>;
  const d: RunDetail = q.data;
  const r = d.run;
  const failedNodes = d.nodes.filter((n) => FAILED.has(n.status)).map((n) => n.nodeId);
  const total = Math.max(r.expectedNodes, d.nodes.length);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <nav className="text-sm text-slate-500"><Link href="/runs" className="text-sky-700 hover:underline">Runs</Link> / <span className="font-mono">{r.id}</span></nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            Patch {r.operation.toLowerCase()} · {r.targetSummary} <span data-testid="run-status"><RunStatusBadge status={d.status} /></span>
          </h1>
          <p className="text-sm text-slate-600">
            by {r.actor} · {formatDateTime(r.createdAt)} · MaxConcurrency {r.maxConcurrency} · MaxErrors {r.maxErrors} · timeout {r.timeoutSeconds}s
            {r.operation === 'Install' && ` · ${r.rebootOption === 'NoReboot' ? 'no reboot' : 'reboot if needed'}`}
            {r.retryOf && <> · retry of <Link className="text-sky-700 hover:underline" href={`/runs/${r.retryOf}`}>{r.retryOf}</Link></>}
          </p>
          <p className="text-xs text-slate-500">{d.done ? 'Finished' : `Checked ${formatAge(d.checkedAt, now)}, refreshing every 3 s`}</p>
        </div>
        <div className="flex gap-2">
          {!d.done && (
            <button type="button" disabled={!me.data?.canAct || cancel.isPending} title={me.data?.canAct ? undefined : me.data?.refusal?.message} onClick={() => confirm('Cancel every node that has not finished?') && cancel.mutate()} className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
              {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
            </button>
          )}
          {d.done && failedNodes.length > 0 && (
            <button type="button" disabled={!me.data?.canAct} onClick={() => setRetry(true)} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
              Retry the {failedNodes.length} failed node{failedNodes.length > 1 ? 's' : ''}…
            </button>
          )}
        </div>
      </header>
      {cancel.isError && <Banner kind="error" title="Cancel failed">{cancel.error.message}</Banner>}
      {r.commands.filter((c) => c.error).map((c, i) => (
        <Banner key={i} kind="error" title={`A command was not sent (${c.region}, ${c.expectedNodes} nodes)`}>{c.error!.code}: {c.error!.message}</Banner>
      ))}
      {d.errors.map((e) => (
        <Banner key={e.commandId} kind="warning" title={`Progress of ${e.commandId} unavailable`}>{e.code}: {e.message}</Banner>
      ))}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="run-counts">
        <div className="flex h-3 overflow-hidden rounded bg-slate-100">
          {ORDER.filter((s) => d.counts[s]).map((s) => (
            <div key={s} className={BAR[s] ?? 'bg-slate-300'} style={{ width: `${(d.counts[s] / total) * 100}%` }} title={`${s}: ${d.counts[s]}`} />
          ))}
        </div>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {ORDER.filter((s) => d.counts[s]).map((s) => (
            <span key={s} data-testid={`count-${s}`}><RunStatusBadge status={s} /> <b className="tabular-nums">{d.counts[s]}</b></span>
          ))}
          {d.nodes.length < r.expectedNodes && !d.done && <span className="text-slate-500">{r.expectedNodes - d.nodes.length} not reported yet</span>}
        </div>
        <div className="mt-2 text-xs text-slate-500">
          Commands:{' '}
          {r.commands.filter((c) => c.commandId).map((c) => (
            <a key={c.commandId} href={runCommandUrl(c.region, c.commandId!)} target="_blank" rel="noreferrer" className="mr-2 font-mono text-sky-700 hover:underline">{c.commandId!.slice(0, 8)}… ({c.region}) ↗</a>
          ))}
        </div>
      </section>
      <NodeStatusTable nodes={d.nodes} onOutput={setOutput} selected={output} />
      {output && <OutputPanel runId={id} nodeId={output} onClose={() => setOutput(null)} done={d.done} />}
      {retry && (
        <PatchRunDialog
          title={`Retry ${failedNodes.length} failed node${failedNodes.length > 1 ? 's' : ''} of ${r.id}`}
          targets={{ mode: 'nodes', nodeIds: failedNodes }}
          retryOf={r.id}
          initial={{ operation: r.operation as 'Scan' | 'Install', rebootOption: r.rebootOption as 'RebootIfNeeded' | 'NoReboot', maxConcurrency: r.maxConcurrency.endsWith('%') ? r.maxConcurrency : String(Math.max(Number(r.maxConcurrency), 1)), maxErrors: r.maxErrors, timeoutSeconds: r.timeoutSeconds }}
          onClose={() => setRetry(false)}
        />
      )}
    </div>
  );
}
