'use client';
import { Area, AreaChart, CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryResponse } from '@/lib/contracts/history';
import { formatDateTime, formatNumber } from '@/lib/format';
import { toTrend, type Series, type TrendKind, type TrendPoint } from './history-model';

/** A trend's recharts plot: loaded after the page (see HistoryTrends). */

/** What a custom tooltip reads of recharts' props. */
type TipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> };

const PCT_TICKS = [0, 25, 50, 75, 100];

const tick = (days: number) => (t: number) =>
  new Date(t).toLocaleDateString('en-GB', days <= 7 ? { weekday: 'short', day: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' });

function TrendTooltip({ active, payload, series, unit }: TipProps & { series: Series[]; unit: string }) {
  const p = active ? (payload?.[0]?.payload as TrendPoint | undefined) : undefined;
  if (!p) return null;
  return (
    <div className="max-w-64 rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
      <div className="font-medium">{formatDateTime(new Date(p.t).toISOString())}</div>
      {series.map((s) => (
        <div key={s.key} className="flex items-center gap-1.5">
          <span className="h-2 w-2 rounded-sm" style={{ background: s.color }} /> {s.label}: {formatNumber(Math.round(p[s.key] * 10) / 10)}{unit}
        </div>
      ))}
      {p.simulated && <div className="text-slate-500">Simulated (demo), not recorded from AWS</div>}
      {p.partial && <div className="text-amber-700">Partial: a region or source failed at that refresh</div>}
    </div>
  );
}

function PartialDot(props: { cx?: number; cy?: number; payload?: TrendPoint; index?: number }) {
  if (!props.payload?.partial || props.cx === undefined || props.cy === undefined) return <g key={props.index} />;
  return <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} fill="var(--chart-gap)" stroke="var(--color-amber-700)" strokeWidth={1.5} />;
}

export function TrendPlot({ h, days, kind, series }: { h: HistoryResponse; days: number; kind: TrendKind; series: Series[] }) {
  const data = toTrend(h);
  const from = Date.parse(h.from);
  const to = Date.parse(h.to);
  const sim = h.simulated ? [Math.max(from, Date.parse(h.simulated.from)), Math.min(to, Date.parse(h.simulated.to))] : null;
  const recorded = h.recordedSince ? Date.parse(h.recordedSince) : null;
  const pct = kind !== 'count';
  const unit = pct ? '%' : '';
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={data} margin={{ top: 4, right: 6, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} tickFormatter={tick(days)} tick={{ fontSize: 11, fill: 'var(--chart-tick)' }} minTickGap={28} tickLine={false} />
        <YAxis domain={pct ? [0, 100] : [0, 'auto']} ticks={pct ? PCT_TICKS : undefined} allowDecimals={false} tickFormatter={(v: number) => `${formatNumber(v)}${unit}`} tick={{ fontSize: 11, fill: 'var(--chart-tick)' }} tickLine={false} axisLine={false} width={pct ? 40 : 50} />
        {sim && sim[1] > sim[0] && (
          <ReferenceArea x1={sim[0]} x2={sim[1]} fill="#94a3b8" fillOpacity={0.18} stroke="none" ifOverflow="hidden" label={{ value: 'simulated', position: 'insideTopLeft', fontSize: 11, fill: 'var(--chart-label)' }} />
        )}
        {sim && recorded !== null && recorded > from && recorded <= to && (
          <ReferenceLine x={recorded} stroke="var(--chart-line)" strokeDasharray="3 3" label={{ value: 'recorded ›', position: 'insideBottomRight', fontSize: 10, fill: 'var(--chart-line)' }} />
        )}
        <Tooltip content={(p: TipProps) => <TrendTooltip {...p} series={series} unit={unit} />} />
        {series.map((s, i) => (
          <Area
            key={s.key} dataKey={s.key} stackId={kind === 'stacked' ? 'share' : undefined} type="monotone" stroke={s.color} strokeWidth={kind === 'lines' ? 2 : 1}
            fill={s.color} fillOpacity={kind === 'stacked' ? 0.55 : kind === 'count' ? 0.2 : 0} isAnimationActive={false}
            dot={i === 0 ? PartialDot : false} activeDot={{ r: 3 }}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
