'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { commandsQuery } from '@/lib/query/actions';
import { COMMAND_STATUS_IDS, COMMAND_STATUSES } from '@/lib/contracts/command-status';
import type { CommandHistoryItem } from '@/lib/contracts/run';
import { formatAge, formatDateTime, formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { CommandStatusBadge } from '@/components/runs/run-status-badge';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';

const FILTERS = ['document', 'status', 'from', 'to', 'actor', 'node'] as const;
const field = 'h-8 rounded border border-slate-300 bg-white px-2 text-sm';

const columns = (now: number): ColumnDef<CommandHistoryItem>[] => [
  { id: 'when', header: 'Requested', size: 110, cell: ({ row: { original: c } }) => <span title={formatDateTime(c.requestedAt)}>{formatAge(c.requestedAt, now)}</span> },
  { id: 'document', header: 'Document', size: 210, cell: ({ row }) => row.original.document },
  { id: 'comment', header: 'Comment', size: 280, cell: ({ row }) => <span title={row.original.comment ?? ''}>{row.original.comment ?? '—'}</span> },
  { id: 'targets', header: 'Targets', size: 200, cell: ({ row }) => row.original.targetSummary },
  { id: 'status', header: 'Status', size: 170, cell: ({ row }) => <CommandStatusBadge status={row.original.status} details={row.original.statusDetails} /> },
  { id: 'counts', header: 'Done / errors / of', size: 150, cell: ({ row: { original: c } }) => <span className="tabular-nums">{c.completedCount} / <span className={c.errorCount ? 'text-red-700' : ''}>{c.errorCount}</span> / {c.targetCount}</span> },
  { id: 'region', header: 'Region', size: 120, cell: ({ row }) => row.original.region },
  { id: 'who', header: 'Sent by', size: 230, cell: ({ row: { original: c } }) => (c.runId ? <span>{c.actor ?? 'dashboard'} · <Link className="font-mono text-xs text-sky-700 hover:underline" href={`/runs/${c.runId}`}>{c.runId}</Link></span> : <span className="text-slate-500">console / CLI / other</span>) },
  { id: 'link', header: '', size: 80, cell: ({ row }) => <a className="text-xs text-sky-700 hover:underline" href={row.original.consoleUrl} target="_blank" rel="noreferrer">console ↗</a> },
];

/** Every command sent to the fleet, from AWS (console and CLI ones too), with the dashboard's runs and who sent them. */
export function CommandsView() {
  const params = useSearchParams();
  const router = useRouter();
  const now = useNow(30_000);
  const cols = useMemo(() => columns(now), [now]);
  const query = new URLSearchParams([...params].filter(([k, v]) => (FILTERS as readonly string[]).includes(k) && v)).toString();
  const q = useQuery({ ...commandsQuery(query), refetchInterval: 30_000 });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(query);
    if (v) next.set(k, v);
    else next.delete(k);
    router.replace(`/commands${next.size ? `?${next}` : ''}`);
  };
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div>
        <h1 className="text-lg font-semibold">Command history</h1>
        <p className="text-sm text-slate-600">ListCommands in every region merged with this dashboard&apos;s runs: commands sent from the console or the CLI appear too. Last 7 days unless a time is given.</p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="commands-filters">
        <input aria-label="Document" className={`${field} w-52`} placeholder="Document, e.g. AWS-RunShellScript" defaultValue={params.get('document') ?? ''} onBlur={(e) => set('document', e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && set('document', e.currentTarget.value.trim())} />
        <select aria-label="Status" className={field} value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any status</option>
          {COMMAND_STATUS_IDS.map((s) => <option key={s} value={s}>{COMMAND_STATUSES[s].label}</option>)}
        </select>
        <label className="flex items-center gap-1">From <input type="datetime-local" aria-label="From" className={field} defaultValue={(params.get('from') ?? '').slice(0, 16)} onChange={(e) => set('from', e.target.value ? new Date(`${e.target.value}Z`).toISOString() : '')} /></label>
        <label className="flex items-center gap-1">To <input type="datetime-local" aria-label="To" className={field} defaultValue={(params.get('to') ?? '').slice(0, 16)} onChange={(e) => set('to', e.target.value ? new Date(`${e.target.value}Z`).toISOString() : '')} /></label>
        <input aria-label="Sent by" className={`${field} w-40`} placeholder="Sent by (dashboard user)" defaultValue={params.get('actor') ?? ''} onBlur={(e) => set('actor', e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && set('actor', e.currentTarget.value.trim())} />
        {params.get('node') && <button type="button" className="rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900" onClick={() => set('node', '')}>node {params.get('node')} ×</button>}
        {q.data && <span className="text-slate-600" data-testid="commands-count">{formatNumber(q.data.commands.length)} commands</span>}
      </div>
      {q.isError && <Banner kind="error" title="Command history unavailable">{q.error.message}</Banner>}
      {q.data?.errors.map((e) => <Banner key={e.region} kind="warning" title={`History of ${e.region} unavailable: the list is incomplete`}>{e.code}: {e.message}</Banner>)}
      {q.data && q.data.truncated.length > 0 && <Banner kind="info" title="More commands than shown">{q.data.truncated.join(', ')} had more commands in this window than the 1,000 read per region: narrow the time or the document.</Banner>}
      {q.isPending ? <p className="text-sm text-slate-500">Loading commands…</p> : (
        <DataTable rows={q.data?.commands ?? []} columns={cols} getRowId={(c) => c.commandId} testId="commands-table" rowTestId="command-row" heightClass="h-[calc(100vh-16rem)] min-h-72" empty="No command matches." />
      )}
    </div>
  );
}
