'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { nodeCommandsQuery } from '@/lib/query/actions';
import { formatAge, formatDateTime } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { CommandStatusBadge } from '@/components/runs/run-status-badge';

/** The node's recent commands (the dashboard's runs and anything sent from the console or CLI), newest first. */
export function NodeCommands({ nodeId }: { nodeId: string }) {
  const q = useQuery(nodeCommandsQuery(nodeId));
  const now = useNow(30_000);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="node-commands">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-700">Recent commands (30 days)</h2>
        <Link href={`/commands?node=${nodeId}`} className="text-xs text-sky-700 hover:underline">All commands of this node</Link>
      </div>
      {q.isPending && <p className="text-sm text-slate-500">Loading commands…</p>}
      {q.isError && <Banner kind="error" title="Commands unavailable">{q.error.message}</Banner>}
      {q.data?.errors.map((e) => <Banner key={e.region} kind="warning" title={`Commands of ${e.region} unavailable`}>{e.code}: {e.message}</Banner>)}
      {q.data && q.data.commands.length === 0 && <p className="text-sm text-slate-500">No command was sent to this node in the last 30 days.</p>}
      {q.data && q.data.commands.length > 0 && (
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="py-1">When</th><th>Document</th><th>Comment</th><th>Status</th><th>Run</th></tr>
          </thead>
          <tbody>
            {q.data.commands.slice(0, 15).map((c) => (
              <tr key={c.commandId} className="border-t border-slate-100">
                <td className="py-1" title={formatDateTime(c.requestedAt)}>{formatAge(c.requestedAt, now)}</td>
                <td>{c.document}</td>
                <td className="max-w-64 truncate text-slate-600" title={c.comment ?? ''}>{c.comment ?? '—'}</td>
                <td><CommandStatusBadge status={c.status} details={c.statusDetails} /></td>
                <td>{c.runId ? <Link className="font-mono text-xs text-sky-700 hover:underline" href={`/runs/${c.runId}`}>{c.runId}</Link> : <a className="text-xs text-sky-700 hover:underline" href={c.consoleUrl} target="_blank" rel="noreferrer">console ↗</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
