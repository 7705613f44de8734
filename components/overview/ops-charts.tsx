'use client';
import Link from 'next/link';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { nodesHref } from '@/lib/contracts/node-view';
import { OPS_HISTORY_DAYS, OPS_PER_DAY_DAYS, OPS_SEVERITIES, OPS_SEVERITY_LABEL, type OpsDay, type OverviewSummary } from '@/lib/contracts/summary';
import { useNow } from '@/components/use-now';
import { formatAge, formatNumber } from '@/lib/format';
import { BarList, type Segment } from './bar-list';
import type { Caveat } from './caveats';
import { ChartCard, ChartNote } from './chart-card';
import { SEVERITY_COLOR, statusColor } from './colors';
import { SvgLink } from './svg-link';

/** Until the OpsItems page exists, every OpsItem segment opens the nodes that have open OpsItems. */
/** What a custom tooltip reads of recharts' props. */
type TipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> };

const OPEN_OPS_HREF = nodesHref({ ops: ['open'], sort: 'ops', dir: 'desc' });
const sevLabel = (s: string | null) => (s && OPS_SEVERITY_LABEL[s] ? `${s} · ${OPS_SEVERITY_LABEL[s]}` : s ? `Severity ${s}` : 'No severity');
const STATUS_LABEL: Record<string, string> = { InProgress: 'In progress' };

export function OpsOpenChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.openOpsBySeverity.map((b) => ({
    key: b.severity ?? 'none', label: sevLabel(b.severity), value: b.count, color: SEVERITY_COLOR[b.severity ?? 'none'] ?? SEVERITY_COLOR.none,
    href: OPEN_OPS_HREF, title: `${sevLabel(b.severity)}: ${formatNumber(b.count)} open OpsItems (shows the nodes with open OpsItems)`,
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
        <Link className="text-sky-700 hover:underline" href={OPEN_OPS_HREF}>Nodes with open OpsItems</Link>
      </ChartNote>
    </ChartCard>
  );
}

export function OpsStatusChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const h = s.opsHistory;
  const segments: Segment[] = h.byStatus.map((b) => ({
    key: b.status, label: STATUS_LABEL[b.status] ?? b.status, value: b.count, color: statusColor(b.status), href: OPEN_OPS_HREF,
    title: `${b.status}: ${formatNumber(b.count)} OpsItems created in the last ${OPS_HISTORY_DAYS} days (shows the nodes with open OpsItems)`,
  }));
  return (
    <ChartCard title={`OpsItems by status, last ${OPS_HISTORY_DAYS} days`} subtitle={<ReadAt total={h.total} readAt={h.readAt} />} caveats={caveats} testId="chart-ops-status">
      {segments.length ? <BarList segments={segments} unit="OpsItems" /> : <ChartNote>{h.readAt ? `No OpsItem was created in the last ${OPS_HISTORY_DAYS} days.` : 'Not read yet.'}</ChartNote>}
    </ChartCard>
  );
}

function ReadAt({ total, readAt }: { total: number; readAt: string | null }) {
  const now = useNow(10_000);
  return <>{formatNumber(total)} OpsItems of every status, all regions{readAt ? ` · read ${formatAge(readAt, now)}` : ''}</>;
}

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const KEYS = [...OPS_SEVERITIES, 'none'] as const;

function DayTooltip({ active, payload }: TipProps) {
  const d = active ? (payload?.[0]?.payload as OpsDay | undefined) : undefined;
  if (!d) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
      <div className="font-medium">{dayLabel(d.day)} (UTC): {formatNumber(d.total)} created</div>
      {KEYS.filter((k) => d.bySeverity[k]).map((k) => (
        <div key={k} className="flex items-center gap-1.5">
          <span className="h-2 w-2 rounded-sm" style={{ background: SEVERITY_COLOR[k] }} /> {sevLabel(k === 'none' ? null : k)}: {d.bySeverity[k]}
        </div>
      ))}
    </div>
  );
}

type BarShape = { x?: number; y?: number; width?: number; height?: number; fill?: string; payload?: OpsDay };

function DayBar(p: BarShape) {
  if (!p.height || !p.payload) return null;
  return (
    <SvgLink href={OPEN_OPS_HREF} label={`${dayLabel(p.payload.day)}: ${p.payload.total} OpsItems created`} focusable={false}>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} fill={p.fill} className="seg-hover" />
    </SvgLink>
  );
}

export function OpsPerDayChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const data = s.opsHistory.perDay.map((d) => ({ ...d, ...Object.fromEntries(KEYS.map((k) => [`s${k}`, d.bySeverity[k]])) }));
  const total = data.reduce((n, d) => n + d.total, 0);
  return (
    <ChartCard title={`OpsItems opened per day, last ${OPS_PER_DAY_DAYS} days`} subtitle={`${formatNumber(total)} created, by severity (UTC days)`} caveats={caveats} testId="chart-ops-per-day">
      <div className="h-44 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -18 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 11, fill: '#64748b' }} interval="preserveStartEnd" minTickGap={24} tickLine={false} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#64748b' }} tickLine={false} axisLine={false} />
            <Tooltip content={DayTooltip} cursor={{ fill: '#f1f5f9' }} />
            {KEYS.map((k) => (
              <Bar key={k} dataKey={`s${k}`} stackId="sev" fill={SEVERITY_COLOR[k]} isAnimationActive={false} shape={(p: unknown) => <DayBar {...(p as BarShape)} />} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
        {KEYS.map((k) => (
          <span key={k} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2 w-2 rounded-sm" style={{ background: SEVERITY_COLOR[k] }} /> {sevLabel(k === 'none' ? null : k)}
          </span>
        ))}
        <Link className="ml-auto text-sky-700 hover:underline" href={OPEN_OPS_HREF}>Nodes with open OpsItems</Link>
      </div>
    </ChartCard>
  );
}
