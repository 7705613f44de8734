'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NodeRow } from '@/lib/contracts/node';
import { diagnosisKeys, nodeDiagnosisQuery, recheckNode } from '@/lib/query/diagnosis';
import { Banner } from '@/components/ui/banner';
import { CauseView, StepList } from '@/components/diagnosis/cause-view';
import { useNow } from '@/components/use-now';
import { formatAge } from '@/lib/format';

const BUTTON = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';

/**
 * "Why is this node not managed?": run at once for a node that is not Online, on demand for an Online one. Read-only.
 */
export function NodeDiagnosis({ node }: { node: NodeRow }) {
  const auto = node.ping !== 'Online';
  const [asked, setAsked] = useState(auto);
  const qc = useQueryClient();
  const q = useQuery({ ...nodeDiagnosisQuery(node.id), enabled: asked });
  const recheck = useMutation({ mutationFn: () => recheckNode(node.id), onSuccess: (d) => qc.setQueryData(diagnosisKeys.node(node.id), d) });
  const now = useNow(10_000);
  const title = auto ? 'Why is this node not managed?' : 'Diagnosis';

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="node-diagnosis" aria-labelledby="diagnosis-title">
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="diagnosis-title" className="text-sm font-semibold text-slate-700">{title}</h2>
        {q.data && (
          <span className="text-xs text-slate-500" suppressHydrationWarning>
            checked {formatAge(q.data.checkedAt, now)} · {q.data.calls.total} AWS call{q.data.calls.total === 1 ? '' : 's'}
          </span>
        )}
        <span className="flex-1" />
        {asked ? (
          <button type="button" className={BUTTON} disabled={recheck.isPending || q.isFetching} onClick={() => recheck.mutate()}>
            {recheck.isPending ? 'Checking…' : 'Re-check'}
          </button>
        ) : (
          <button type="button" className={BUTTON} onClick={() => setAsked(true)}>Diagnose</button>
        )}
        <Link href="/diagnosis" className="text-xs text-sky-700 hover:underline">All unmanaged nodes by cause</Link>
      </header>
      {!asked && <p className="text-sm text-slate-600">This node is Online. Diagnose checks its EC2 state, role, network path and agent anyway (read-only).</p>}
      {asked && q.isPending && <p className="text-sm text-slate-500">Checking EC2 state, instance profile, network path and agent…</p>}
      {q.isError && <Banner kind="error" title="The diagnosis could not run">{q.error.message}</Banner>}
      {recheck.isError && <Banner kind="error" title="The re-check failed">{recheck.error.message}</Banner>}
      {q.data && (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{q.data.symptom.summary}</p>
          {q.data.causes.length > 0 ? (
            <div className="space-y-2">
              {q.data.causes.map((c, i) => <CauseView key={`${c.code}-${i}`} cause={c} top={i === 0} />)}
            </div>
          ) : (
            <Banner kind={auto ? 'warning' : 'info'} title="No cause found">{q.data.noCauseFound}</Banner>
          )}
          {q.data.missingPermissions.length > 0 && (
            <Banner kind="warning" title="Some checks could not run: the dashboard lacks permissions">
              Missing: <span className="font-mono">{q.data.missingPermissions.join(', ')}</span>. Those checks are shown as not checked, not as causes.
            </Banner>
          )}
          <details open={q.data.causes.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-slate-700">What was checked</summary>
            <StepList steps={q.data.steps} />
          </details>
        </div>
      )}
    </section>
  );
}
