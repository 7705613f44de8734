'use client';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OpsDay } from '@/lib/contracts/summary';
import { formatNumber } from '@/lib/format';
import { SEVERITY_COLOR } from './colors';
import { opsDayHref, SEVERITY_KEYS as KEYS, sevLabel } from './ops-model';
import { SvgLink } from './svg-link';

/** The OpsItems-per-day recharts plot: loaded after the page (see OpsPerDayChart). */

/** What a custom tooltip reads of recharts' props. */
type TipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> };

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

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
    <SvgLink href={opsDayHref(p.payload.day)} label={`${dayLabel(p.payload.day)}: ${p.payload.total} OpsItems created`} focusable={false}>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} fill={p.fill} className="seg-hover" />
    </SvgLink>
  );
}

export function OpsPerDayPlot({ perDay }: { perDay: OpsDay[] }) {
  const data = perDay.map((d) => ({ ...d, ...Object.fromEntries(KEYS.map((k) => [`s${k}`, d.bySeverity[k]])) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -18 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 11, fill: 'var(--chart-tick)' }} interval="preserveStartEnd" minTickGap={24} tickLine={false} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--chart-tick)' }} tickLine={false} axisLine={false} />
        <Tooltip content={DayTooltip} cursor={{ fill: 'var(--chart-track)' }} />
        {KEYS.map((k) => (
          <Bar key={k} dataKey={`s${k}`} stackId="sev" fill={SEVERITY_COLOR[k]} isAnimationActive={false} shape={(p: unknown) => <DayBar {...(p as BarShape)} />} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
