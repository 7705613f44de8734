'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { historyQuery } from '@/components/history/queries';
import { HISTORY_DAYS, type HistoryResponse } from '@/lib/contracts/history';
import { ApiRequestError } from '@/lib/contracts/errors';
import { nodesHref } from '@/lib/contracts/node-view';
import { formatDateTime, formatNumber } from '@/lib/format';
import { ChartCard } from './chart-card';
import { C } from './colors';
import type { Series, TrendKind } from './history-model';
import { AxesSkeleton, LazyPlot } from './lazy-plot';

/**
 * Compliance is a stacked share (compliant + noncompliant = the scanned nodes); connectivity two lines on one 0-100 %
 * scale (a thin "connection lost" band on top of a stacked area would hide its trend); outdated agents a count.
 */
const SERIES: { id: string; title: string; subtitle: string; kind: TrendKind; href: string; linkText: string; series: Series[] }[] = [
  {
    id: 'compliance', title: 'Patch compliance', subtitle: '% of scanned nodes', kind: 'stacked', href: nodesHref({ patch: ['noncompliant'] }), linkText: 'Noncompliant nodes now',
    series: [{ key: 'compliantPct', label: 'Compliant', color: C.good }, { key: 'noncompliantPct', label: 'Noncompliant', color: C.bad }],
  },
  {
    id: 'connectivity', title: 'Connectivity', subtitle: '% of managed nodes', kind: 'lines', href: nodesHref({ ping: ['ConnectionLost'], sort: 'lastPing', dir: 'desc' }), linkText: 'Connection lost now',
    series: [{ key: 'onlinePct', label: 'Online', color: C.good }, { key: 'lostPct', label: 'Connection lost', color: C.warn }],
  },
  {
    id: 'agents', title: 'Outdated SSM Agents', subtitle: 'managed nodes', kind: 'count', href: nodesHref({ agent: ['outdated'], sort: 'agent' }), linkText: 'Outdated agents now',
    series: [{ key: 'outdated', label: 'Outdated agents', color: C.warn }],
  },
];

/** One trend; `h` null while the history loads: the same card with a skeleton, so nothing moves when it arrives. */
function TrendChart({ h, days, def }: { h: HistoryResponse | null; days: number; def: (typeof SERIES)[number] }) {
  return (
    <ChartCard title={def.title} subtitle={def.subtitle} testId={h ? `trend-${def.id}` : undefined} actions={<Link className="text-xs text-sky-700 hover:underline" href={def.href}>{def.linkText}</Link>}>
      <div className="h-40 w-full">
        {h ? <LazyPlot skeleton={<AxesSkeleton />} render={(p) => <p.TrendPlot h={h} days={days} kind={def.kind} series={def.series} />} /> : <AxesSkeleton />}
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
        {def.series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1"><span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: s.color }} /> {s.label}</span>
        ))}
      </div>
    </ChartCard>
  );
}

function Legend({ h }: { h: HistoryResponse }) {
  const partial = h.points.filter((p) => p.partial).length;
  return (
    <p className="text-xs text-slate-600" data-testid="history-legend">
      {h.simulated && (
        <span className="mr-3 inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-5 rounded-sm border border-slate-300 bg-slate-400/30" /> shaded: simulated history (demo data generated at first start, not recorded from AWS)
          {h.recordedSince ? `; recorded from AWS since ${formatDateTime(h.recordedSince)} (dashed line)` : ''}
        </span>
      )}
      {partial > 0 && (
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full border-2 border-amber-700 bg-white" /> {formatNumber(partial)} partial point{partial === 1 ? '' : 's'}: a region or source failed at that refresh
        </span>
      )}
      {h.resolutionMinutes > 5 && <span className="ml-3">one point per {h.resolutionMinutes >= 60 ? `${h.resolutionMinutes / 60} h` : `${h.resolutionMinutes} min`}</span>}
    </p>
  );
}

/** Compliance, connectivity and outdated agents over 7, 30 or 90 days, from the dashboard's own history. */
export function HistoryTrends() {
  const [days, setDays] = useState<number>(30);
  const q = useQuery({ ...historyQuery(days), refetchInterval: 120_000, retry: (n, e) => n < 2 && !(e instanceof ApiRequestError && e.status === 404) });
  return (
    <section aria-labelledby="trends-title" data-testid="history-trends" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="trends-title" className="text-sm font-semibold text-slate-700">Trends</h2>
        <div role="group" aria-label="History period" className="inline-flex overflow-hidden rounded border border-slate-300 text-xs">
          {HISTORY_DAYS.map((d) => (
            <button key={d} type="button" aria-pressed={days === d} onClick={() => setDays(d)} className={`px-2.5 py-1 ${days === d ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}>
              {d} days
            </button>
          ))}
        </div>
      </div>
      <HistoryBody q={q} days={days} />
    </section>
  );
}

function HistoryBody({ q, days }: { q: ReturnType<typeof useQuery<HistoryResponse>>; days: number }) {
  const box = 'rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600';
  if (q.isPending) return <Trends h={null} days={days} legend={<p className="text-xs text-slate-500">Loading the history…</p>} />;
  if (q.isError) {
    const missing = q.error instanceof ApiRequestError && q.error.status === 404;
    return <p className={box} data-testid="history-empty">{missing ? 'This server does not keep a history yet (GET /api/history answered 404).' : `Could not load the history: ${q.error.message}`}</p>;
  }
  const h = q.data;
  if (h.points.length < 2) {
    return (
      <p className={box} data-testid="history-empty">
        Not enough history for a trend over {days} days yet: {h.points.length === 0 ? 'no refresh has been recorded' : 'one refresh has been recorded'}
        {h.recordedSince ? ` (since ${formatDateTime(h.recordedSince)})` : ''}. The dashboard keeps one summary per 5 minutes while it runs; trends appear from the second.
      </p>
    );
  }
  return <Trends h={h} days={days} legend={<Legend h={h} />} />;
}

function Trends({ h, days, legend }: { h: HistoryResponse | null; days: number; legend: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {SERIES.map((def) => <TrendChart key={def.id} h={h} days={days} def={def} />)}
      </div>
      {legend}
    </div>
  );
}
