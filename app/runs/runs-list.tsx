'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { runsQuery } from '@/lib/query/actions';
import { formatAge, formatDateTime } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { NewRunButton } from '@/components/runs/new-run-button';

export function RunsList() {
  const q = useQuery({ ...runsQuery(), refetchInterval: 10_000 });
  const now = useNow(10_000);
  if (q.isPending) return <p className="text-sm text-slate-500">Loading runs…</p>;
  if (q.isError) return <Banner kind="error" title="Could not load runs">{q.error.message}</Banner>;
  return (
    <div className="mx-auto max-w-6xl space-y-3">
      <div className="flex items-end justify-between">
        <div>
          <h1 className="text-lg font-semibold">Patch runs</h1>
          <p className="text-sm text-slate-600">Runs sent from this dashboard, newest first. Start one here on a tag or patch group, or from a selection on the Nodes page.</p>
        </div>
        <NewRunButton />
      </div>
      {q.data.runs.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500">No runs yet.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="runs-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Run</th><th className="px-3 py-2">Started</th><th className="px-3 py-2">By</th><th className="px-3 py-2">Operation</th>
              <th className="px-3 py-2">Targets</th><th className="px-3 py-2 text-right">Nodes</th><th className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {q.data.runs.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 hover:bg-sky-50">
                <td className="px-3 py-1.5"><Link className="font-mono text-xs text-sky-700 hover:underline" href={`/runs/${r.id}`}>{r.id}</Link>{r.retryOf && <span className="ml-1 text-xs text-slate-500">(retry)</span>}</td>
                <td className="px-3 py-1.5" title={formatDateTime(r.createdAt)}>{formatAge(r.createdAt, now)}</td>
                <td className="px-3 py-1.5">{r.actor}</td>
                <td className="px-3 py-1.5">{r.operation}{r.operation === 'Install' ? ` · ${r.rebootOption === 'NoReboot' ? 'no reboot' : 'reboot if needed'}` : ''}</td>
                <td className="px-3 py-1.5">{r.targetSummary}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{r.expectedNodes}</td>
                <td className="px-3 py-1.5">{r.finalStatus ? <RunStatusBadge status={r.finalStatus} /> : r.commands.some((c) => c.commandId) ? <RunStatusBadge status="InProgress" /> : <RunStatusBadge status="NotSent" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
