'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { runsQuery } from '@/lib/query/actions';
import { OUTCOMES, OUTCOMES_BY_RANK, type OutcomeCounts } from '@/lib/contracts/command-status';
import { duration, formatAge, formatDateTime, formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { LaunchButton } from '@/components/runs/launch-button';

const DOT: Record<string, string> = { green: 'text-emerald-700', red: 'text-red-700', amber: 'text-amber-700', blue: 'text-sky-700', gray: 'text-slate-500', violet: 'text-violet-700' };

function Counts({ counts }: { counts: OutcomeCounts }) {
  const shown = OUTCOMES_BY_RANK.filter((o) => (counts[o] ?? 0) > 0);
  if (!shown.length) return <span className="text-slate-500">—</span>;
  return (
    <span className="flex flex-wrap gap-x-2 text-xs">
      {shown.map((o) => <span key={o} className={DOT[OUTCOMES[o].tone]} title={OUTCOMES[o].help}>{formatNumber(counts[o] ?? 0)} {OUTCOMES[o].label.toLowerCase()}</span>)}
    </span>
  );
}

export function RunsList() {
  const q = useQuery({ ...runsQuery(), refetchInterval: 10_000 });
  const now = useNow(10_000);
  if (q.isPending) return <p className="text-sm text-slate-500">Loading runs…</p>;
  if (q.isError) return <Banner kind="error" title="Could not load runs">{q.error.message}</Banner>;
  return (
    <div className="mx-auto max-w-7xl space-y-3">
      <div className="flex items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Runs</h1>
          <p className="text-sm text-slate-600">
            Commands sent from this dashboard, newest first. Start one here on tags, a patch group or a nodes view, or from a selection on the Nodes page.
            For everything sent to the fleet (console and CLI too), see <Link className="text-sky-700 underline underline-offset-2 hover:decoration-2" href="/commands">command history</Link>.
          </p>
        </div>
        <LaunchButton testId="new-run" spec={{ title: 'New run' }} className="shrink-0 rounded bg-slate-800 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-slate-700">New run…</LaunchButton>
      </div>
      {q.data.runs.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500">No runs yet.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="runs-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Run</th><th className="px-3 py-2">Document</th><th className="px-3 py-2">Comment</th><th className="px-3 py-2">Targets</th>
              <th className="px-3 py-2">By</th><th className="px-3 py-2">Started</th><th className="px-3 py-2">Took</th><th className="px-3 py-2">Outcome</th><th className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {q.data.runs.map((r) => (
              <tr key={r.id} data-testid="run-row" className="border-t border-slate-100 align-top hover:bg-sky-50">
                <td className="px-3 py-1.5"><Link className="font-mono text-xs text-sky-700 hover:underline" href={`/runs/${r.id}`}>{r.id}</Link>{r.retryOf && <span className="ml-1 text-xs text-slate-500">(retry)</span>}{r.rerunOf && <span className="ml-1 text-xs text-slate-500">(re-run)</span>}</td>
                <td className="px-3 py-1.5">{r.document}</td>
                <td className="max-w-56 truncate px-3 py-1.5 text-slate-700" title={r.comment ?? ''}>{r.comment ?? <span className="text-slate-500">—</span>}</td>
                <td className="px-3 py-1.5">{r.targetSummary} <span className="text-xs text-slate-500">({formatNumber(r.expectedNodes)})</span></td>
                <td className="px-3 py-1.5">{r.actor}</td>
                <td className="px-3 py-1.5" title={formatDateTime(r.createdAt)}>{formatAge(r.createdAt, now)}</td>
                <td className="px-3 py-1.5 tabular-nums">{r.endedAt ? duration(r.createdAt, r.endedAt) : <span className="text-slate-500">running</span>}</td>
                <td className="px-3 py-1.5"><Counts counts={r.counts} /></td>
                <td className="px-3 py-1.5"><RunStatusBadge status={r.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
