'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelRun, meQuery } from '@/lib/query/actions';
import { runKeys } from '@/lib/query/keys';
import { runCommandUrl } from '@/lib/contracts/links';
import type { RunDetail } from '@/lib/contracts/run';
import { duration, formatAge, formatDateTime, formatNumber, formatUntil } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { LaunchButton } from '@/components/runs/launch-button';
import type { LaunchSpec } from '@/components/runs/run-launcher';
import { newIdempotencyKey } from '@/components/runs/idempotency-key';

function paramsText(p: Record<string, string[]>): string {
  return Object.entries(p).map(([k, v]) => `${k}=${v.join('⏎')}`).join(' · ');
}

export function RunHeader({ d, failed, retrySpec, rerunSpec }: { d: Omit<RunDetail, 'nodes'>; failed: number; retrySpec: LaunchSpec; rerunSpec: LaunchSpec }) {
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  const now = useNow(5_000);
  const r = d.run;
  const [key] = useState(newIdempotencyKey);
  const cancel = useMutation({ mutationFn: () => cancelRun(r.id, key), onSettled: () => qc.invalidateQueries({ queryKey: runKeys.run(r.id) }) });
  const canAct = me.data?.canAct ?? false;
  const refusal = canAct ? undefined : me.data?.refusal?.message;
  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            {r.document} <span className="text-base font-normal text-slate-600">on {r.targetSummary} <span className="text-sm">({formatNumber(r.expectedNodes)} {r.targetMode === 'tags' || r.targetMode === 'patchGroup' ? 'matched in the view' : 'sent'})</span></span>
            <span data-testid="run-status"><RunStatusBadge status={d.status} /></span>
          </h1>
          {r.comment && <p className="text-sm font-medium text-slate-800" data-testid="run-comment">“{r.comment}”</p>}
          <p className="truncate font-mono text-xs text-slate-600" title={paramsText(r.spec.parameters)}>{paramsText(r.spec.parameters) || 'no parameters'}</p>
          <p className="text-sm text-slate-600">
            by {r.actor} · {formatDateTime(r.createdAt)} · {d.done && r.endedAt ? `took ${duration(r.createdAt, r.endedAt)}` : `running for ${duration(r.createdAt, now)}`} · v{r.documentVersion}
            {' · '}MaxConcurrency {r.spec.maxConcurrency} · MaxErrors {r.spec.maxErrors} · delivery timeout {r.spec.timeoutSeconds}s
            {r.retryOf && <> · retry of <Link className="text-sky-700 hover:underline" href={`/runs/${r.retryOf}`}>{r.retryOf}</Link></>}
            {r.rerunOf && <> · re-run of <Link className="text-sky-700 hover:underline" href={`/runs/${r.rerunOf}`}>{r.rerunOf}</Link></>}
          </p>
          <p className="text-xs text-slate-500" data-testid="run-read-state">
            {d.reading ? <span className="font-medium text-sky-800">Reading the run from AWS: {formatNumber(d.total)} of {formatNumber(r.expectedNodes)} nodes so far…</span> : d.done ? `Ended; last read ${formatAge(d.checkedAt, now)}` : `Read from AWS ${formatAge(d.checkedAt, now)}${d.nextCheckAt ? `; next read ${formatUntil(d.nextCheckAt, now)}` : ''}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {!d.done && d.status !== 'sending' && (
            <button type="button" disabled={!canAct || cancel.isPending} title={refusal} onClick={() => confirm('Cancel every node of this run that has not finished?') && cancel.mutate()} className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
              {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
            </button>
          )}
          {failed > 0 && (
            <LaunchButton testId="retry-failed" disabled={!canAct} title={refusal} spec={retrySpec}>Retry {formatNumber(failed)} failed…</LaunchButton>
          )}
          <LaunchButton testId="rerun" disabled={!canAct} title={refusal} spec={rerunSpec} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">Re-run on other targets…</LaunchButton>
        </div>
      </header>
      {cancel.isError && <Banner kind="error" title="Cancel failed">{cancel.error.message}</Banner>}
      {r.commands.filter((c) => c.error).slice(0, 5).map((c) => (
        <Banner key={c.idx} kind="error" title={`Command #${c.idx} was not sent (${c.region}, ${c.expectedNodes} nodes)`}>{c.error!.code}: {c.error!.message}</Banner>
      ))}
      {r.commands.some((c) => c.reconciled) && (
        <Banner kind="info" title="The dashboard stopped while sending this run">It was completed from AWS&apos;s own record on restart: {r.commands.filter((c) => c.reconciled && c.commandId).length} command(s) found by their run tag, {r.commands.filter((c) => c.reconciled && !c.commandId).length} never sent.</Banner>
      )}
      {d.errors.slice(0, 5).map((e) => <Banner key={e.commandId} kind="warning" title={`Progress of ${e.commandId} (${e.region}) unavailable: the figures are incomplete`}>{e.code}: {e.message}</Banner>)}
      <p className="text-xs text-slate-500" data-testid="run-commands">
        {formatNumber(r.commands.filter((c) => c.commandId).length)} of {formatNumber(r.commands.length)} command{r.commands.length === 1 ? '' : 's'} sent:{' '}
        {r.commands.filter((c) => c.commandId).slice(0, 6).map((c) => (
          <a key={c.idx} href={runCommandUrl(c.region, c.commandId!)} target="_blank" rel="noreferrer" className="mr-2 font-mono text-sky-700 hover:underline">{c.commandId!.slice(0, 8)}… ({c.region}) ↗</a>
        ))}
        {r.commands.filter((c) => c.commandId).length > 6 && '…'}
      </p>
    </>
  );
}
