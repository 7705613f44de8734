'use client';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format';
import { BAR, TOP } from './bar-geometry';
import type { Segment } from './bar-list';
import { SvgLink } from './svg-link';

/** The bar list's recharts plot: loaded after the page (see BarList). */

const CHAR_PX = 6.4;

function fit(text: string, px: number): string {
  const max = Math.max(4, Math.floor(px / CHAR_PX));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; background?: { x?: number; width?: number }; payload?: Segment };

function Row({ unit, ...p }: ShapeProps & { unit: string }) {
  const s = p.payload;
  if (!s || p.y === undefined) return null;
  const left = p.background?.x ?? p.x ?? 0;
  const full = p.background?.width ?? 0;
  const y = p.y;
  const value = `${formatNumber(s.value)}${s.hint ? ` · ${s.hint}` : ''}`;
  const labelPx = full - value.length * CHAR_PX - 8;
  // The texts lie outside the link, under its hit area (the transparent rectangle over the whole row): the link's name
  // says what they show ("Ubuntu: 93 nodes"), and a link holding a shortened label or a share as its text would have a
  // name that differs from what it shows (WCAG 2.5.3).
  const texts = (
    <g aria-hidden>
      <text x={left} y={y - 4} fontSize={12} className="fill-slate-700">{fit(s.label, labelPx)}</text>
      <text x={left + full} y={y - 4} fontSize={12} textAnchor="end" className="fill-slate-900 font-medium tabular-nums">{value}</text>
    </g>
  );
  const bar = (
    <g>
      <rect x={left} y={y} width={full} height={BAR} rx={3} fill="var(--chart-track)" />
      <rect x={left} y={y} width={s.value > 0 ? Math.max(p.width ?? 0, 2) : 0} height={BAR} rx={3} fill={s.color} className="seg-hover" />
      <rect x={left - 2} y={y - 15} width={full + 4} height={BAR + 19} rx={4} fill="transparent" className="seg-focus opacity-0" stroke="var(--chart-focus)" strokeWidth={2} />
    </g>
  );
  const title = s.title ?? `${s.label}: ${formatNumber(s.value)} ${unit}`;
  return s.href ? <g>{texts}<SvgLink href={s.href} label={title}>{bar}</SvgLink></g> : <g aria-label={title}>{texts}{bar}</g>;
}

export function BarListPlot({ segments, unit }: { segments: Segment[]; unit: string }) {
  const max = Math.max(1, ...segments.map((s) => s.value));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={segments} layout="vertical" margin={{ top: TOP, right: 2, bottom: 0, left: 2 }} barSize={BAR} accessibilityLayer={false}>
        <XAxis type="number" hide domain={[0, max]} />
        <YAxis type="category" dataKey="key" hide />
        <Bar dataKey="value" isAnimationActive={false} background={{ fill: 'none' }} shape={(props: unknown) => <Row {...(props as ShapeProps)} unit={unit} />} />
      </BarChart>
    </ResponsiveContainer>
  );
}
