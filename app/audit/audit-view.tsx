'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditQuery } from '@/lib/query/actions';
import { AUDIT_STATUSES } from '@/lib/contracts/audit';
import { RUN_STATUSES } from '@/lib/contracts/command-status';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { Badge, type Tone } from '@/components/ui/badge';

const TONE: Record<string, Tone> = { succeeded: 'green', partial: 'amber', failed: 'red', refused: 'violet', requested: 'blue' };
const RUN_TONE: Record<string, Tone> = Object.fromEntries(Object.entries(RUN_STATUSES).map(([k, v]) => [k, v.tone]));
const input = 'h-8 rounded border border-slate-300 bg-white px-2 text-sm';

/** Every action and every refused attempt: who, when, what, on which targets, with which result. */
export function AuditView() {
  const [f, setF] = useState({ actor: '', action: '', status: '', q: '', from: '', to: '' });
  const query = useMemo(() => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, k === 'from' || k === 'to' ? new Date(v).toISOString() : v);
    return p.toString();
  }, [f]);
  const q = useInfiniteQuery({ ...auditQuery(query), refetchInterval: 15_000 });
  const records = useMemo(() => q.data?.pages.flatMap((p) => p.records) ?? [], [q.data]);
  const total = q.data?.pages[0]?.total ?? 0;
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
  return (
    <div className="mx-auto max-w-7xl space-y-3">
      <div>
        <h1 className="text-lg font-semibold">Audit log</h1>
        <p className="text-sm text-slate-600">Written before each AWS call and completed after it, in the dashboard&apos;s database; refused attempts are recorded too, as a summary (route, reason, body size and SHA-256).</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input aria-label="Actor" placeholder="Actor" className={input} value={f.actor} onChange={set('actor')} />
        <select aria-label="Action" className={input} value={f.action} onChange={set('action')}>
          <option value="">Any action</option>
          {['patch:scan', 'patch:install', 'patch:run', 'run:cancel'].map((a) => <option key={a}>{a}</option>)}
        </select>
        <select aria-label="Status" className={input} value={f.status} onChange={set('status')}>
          <option value="">Any result</option>
          {AUDIT_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
        <label className="text-sm text-slate-600">From <input aria-label="From" type="datetime-local" className={input} value={f.from} onChange={set('from')} /></label>
        <label className="text-sm text-slate-600">To <input aria-label="To" type="datetime-local" className={input} value={f.to} onChange={set('to')} /></label>
        <input aria-label="Search" placeholder="Node, command ID, error…" className={`${input} w-56`} value={f.q} onChange={set('q')} />
        <a data-testid="audit-csv" className="ml-auto h-8 rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50" href={`/api/audit?${query}${query ? '&' : ''}format=csv`} title="Every record matching these filters (set From and To to archive a time range)">
          Export CSV
        </a>
      </div>
      {q.isError && <Banner kind="error" title="Could not read the audit log">{q.error.message}</Banner>}
      {q.data && (
        <>
          <p className="text-sm text-slate-600" data-testid="audit-count">{total} record{total === 1 ? '' : 's'}{total > records.length ? `, newest ${records.length} shown` : ''}</p>
          <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="audit-table">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="px-3 py-2">When</th><th className="px-3 py-2">Who</th><th className="px-3 py-2">Action</th><th className="px-3 py-2">Targets</th><th className="px-3 py-2">Sent</th><th className="px-3 py-2">Outcome on the fleet</th><th className="px-3 py-2">Commands / reason</th></tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id} data-testid="audit-row" className="border-t border-slate-100 align-top">
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(r.at)}</td>
                  <td className="px-3 py-1.5">{r.actor}<div className="text-xs text-slate-500">{r.actorSource}</div></td>
                  <td className="px-3 py-1.5 font-mono text-xs">{r.action}{r.runId && <div><Link className="text-sky-700 hover:underline" href={`/runs/${r.runId}`}>{r.runId}</Link></div>}</td>
                  <td className="px-3 py-1.5">{r.targetSummary}{r.targetCount > 0 && <div className="text-xs text-slate-500">{r.targetCount} target{r.targetCount > 1 ? 's' : ''} · {r.regions.join(', ')}{r.accounts?.length ? ` · account${r.accounts.length > 1 ? 's' : ''} ${r.accounts.join(', ')}` : ''}</div>}</td>
                  <td className="px-3 py-1.5"><Badge tone={TONE[r.status] ?? 'gray'}>{r.status}</Badge></td>
                  <td className="px-3 py-1.5 text-xs" data-testid="audit-outcome">
                    {r.outcome ? <><Badge tone={RUN_TONE[r.outcome] ?? 'gray'}>{r.outcome}</Badge><div className="text-slate-600">{r.outcomeDetail}</div></> : r.runId ? <span className="text-slate-500">not known yet</span> : null}
                  </td>
                  <td className="max-w-md px-3 py-1.5 text-xs">
                    {r.commandIds.slice(0, 5).map((c) => <div key={c} className="font-mono">{c}</div>)}
                    {r.commandIds.length > 5 && <div className="text-slate-500">and {r.commandIds.length - 5} more</div>}
                    {r.errorCode && <div className="text-red-800"><b>{r.errorCode}</b>: {r.errorMessage}</div>}
                    {r.route && (
                      <div className="text-slate-500" data-testid="audit-refused-summary">
                        <span className="font-mono">{r.route}</span>
                        {r.bodyBytes !== null && <> · body {formatNumber(r.bodyBytes)} bytes</>}
                        {r.bodySha256 && <> · <span className="font-mono" title={`SHA-256 ${r.bodySha256}`}>sha256 {r.bodySha256.slice(0, 12)}…</span></>}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {q.hasNextPage && (
            <button type="button" data-testid="audit-more" disabled={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}
              className="h-8 rounded border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50">
              {q.isFetchingNextPage ? 'Loading…' : 'Show older records'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
