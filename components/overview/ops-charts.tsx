'use client';
import Link from 'next/link';
import { OPS_HISTORY_DAYS, OPS_PER_DAY_DAYS, type OverviewSummary } from '@/lib/contracts/summary';
import { useNow } from '@/components/use-now';
import { formatAge, formatNumber } from '@/lib/format';
import { BarList, type Segment } from './bar-list';
import type { Caveat } from './caveats';
import { ChartCard, ChartNote } from './chart-card';
import { SEVERITY_COLOR, statusColor } from './colors';
import { AxesSkeleton, LazyPlot } from './lazy-plot';
import { OPEN_OPS_HREF, OPEN_OPS_NODES_HREF, openOpsHref, opsStatusHref, SEVERITY_KEYS as KEYS, sevLabel } from './ops-model';

const STATUS_LABEL: Record<string, string> = { InProgress: 'In progress' };

export function OpsOpenChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.openOpsBySeverity.map((b) => ({
    key: b.severity ?? 'none', label: sevLabel(b.severity), value: b.count, color: SEVERITY_COLOR[b.severity ?? 'none'] ?? SEVERITY_COLOR.none,
    href: openOpsHref(b.severity), title: `${sevLabel(b.severity)}: ${formatNumber(b.count)} open OpsItems (opens the list)`,
  }));
  return (
    <ChartCard
      title="Open OpsItems by severity"
      subtitle={`${formatNumber(s.opsItems.items)} open or in progress, on ${formatNumber(s.opsItems.nodes)} nodes${s.opsItems.known ? '' : ' (incomplete)'}`}
      caveats={caveats}
      testId="chart-ops-open"
    >
      {segments.length ? <BarList segments={segments} unit="OpsItems" /> : <ChartNote>No open OpsItem names a node.</ChartNote>}
      <ChartNote>
        Counts OpsItems that name a node.{' '}
        <Link className="text-sky-700 hover:underline" href={OPEN_OPS_HREF}>All open OpsItems</Link>
        {' · '}
        <Link className="text-sky-700 hover:underline" href={OPEN_OPS_NODES_HREF}>Nodes with open OpsItems</Link>
      </ChartNote>
    </ChartCard>
  );
}

export function OpsStatusChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const h = s.opsHistory;
  const segments: Segment[] = h.byStatus.map((b) => ({
    key: b.status, label: STATUS_LABEL[b.status] ?? b.status, value: b.count, color: statusColor(b.status), href: opsStatusHref(b.status),
    title: `${b.status}: ${formatNumber(b.count)} OpsItems created in the last ${OPS_HISTORY_DAYS} days (opens the list)`,
  }));
  return (
    <ChartCard title={`OpsItems by status, last ${OPS_HISTORY_DAYS} days`} subtitle={<ReadAt total={h.total} readAt={h.readAt} />} caveats={caveats} testId="chart-ops-status">
      {segments.length ? <BarList segments={segments} unit="OpsItems" /> : <ChartNote>{h.readAt ? `No OpsItem was created in the last ${OPS_HISTORY_DAYS} days.` : 'Not read yet.'}</ChartNote>}
    </ChartCard>
  );
}

function ReadAt({ total, readAt }: { total: number; readAt: string | null }) {
  const now = useNow(10_000);
  // The age differs between the server's render and the browser's: patched at the next tick, not a hydration error.
  return <span suppressHydrationWarning>{`${formatNumber(total)} OpsItems of every status, all regions${readAt ? ` · read ${formatAge(readAt, now)}` : ''}`}</span>;
}

export function OpsPerDayChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const total = s.opsHistory.perDay.reduce((n, d) => n + d.total, 0);
  return (
    <ChartCard title={`OpsItems opened per day, last ${OPS_PER_DAY_DAYS} days`} subtitle={`${formatNumber(total)} created, by severity (UTC days)`} caveats={caveats} testId="chart-ops-per-day">
      <div className="h-44 w-full">
        <LazyPlot skeleton={<AxesSkeleton />} render={(p) => <p.OpsPerDayPlot perDay={s.opsHistory.perDay} />} />
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
        {KEYS.map((k) => (
          <span key={k} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: SEVERITY_COLOR[k] }} /> {sevLabel(k === 'none' ? null : k)}
          </span>
        ))}
        <Link className="ml-auto text-sky-700 hover:underline" href={OPEN_OPS_HREF}>Open OpsItems</Link>
      </div>
    </ChartCard>
  );
}
