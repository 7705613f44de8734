'use client';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format';
import { SvgLink } from './svg-link';

/** One bar: what it counts, how many, where its nodes are (null: nowhere to link, e.g. a folded bucket). */
export interface Segment {
  key: string;
  label: string;
  value: number;
  href: string | null;
  color: string;
  /** Shown after the value, e.g. a share or an age. */
  hint?: string;
  /** Spoken and shown on hover; defaults to "label: value nodes". */
  title?: string;
}

const ROW = 34;
const BAR = 9;
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
  const body = (
    <g>
      <rect x={left - 2} y={y - 15} width={full + 4} height={BAR + 19} rx={4} fill="transparent" className="seg-focus opacity-0" stroke="#0284c7" strokeWidth={2} />
      <text x={left} y={y - 4} fontSize={12} className="fill-slate-700">{fit(s.label, labelPx)}</text>
      <text x={left + full} y={y - 4} fontSize={12} textAnchor="end" className="fill-slate-900 font-medium tabular-nums">{value}</text>
      <rect x={left} y={y} width={full} height={BAR} rx={3} fill="#f1f5f9" />
      <rect x={left} y={y} width={s.value > 0 ? Math.max(p.width ?? 0, 2) : 0} height={BAR} rx={3} fill={s.color} className="seg-hover" />
    </g>
  );
  const title = s.title ?? `${s.label}: ${formatNumber(s.value)} ${unit}`;
  return s.href ? <SvgLink href={s.href} label={title}>{body}</SvgLink> : <g aria-label={title}>{body}</g>;
}

/**
 * Horizontal bars with the label above each bar and the count at its end, so long names (AMIs, OS versions) keep the
 * whole width at 375 px too. Every bar with an href is a link to its nodes.
 */
export function BarList({ segments, unit = 'nodes', testId }: { segments: Segment[]; unit?: string; testId?: string }) {
  if (!segments.length) return <p className="py-4 text-center text-sm text-slate-500">Nothing to show.</p>;
  const max = Math.max(1, ...segments.map((s) => s.value));
  return (
    <div data-testid={testId} style={{ height: segments.length * ROW + 6 }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={segments} layout="vertical" margin={{ top: 6, right: 2, bottom: 0, left: 2 }} barSize={BAR} accessibilityLayer={false}>
          <XAxis type="number" hide domain={[0, max]} />
          <YAxis type="category" dataKey="key" hide />
          <Bar dataKey="value" isAnimationActive={false} background={{ fill: 'none' }} shape={(props: unknown) => <Row {...(props as ShapeProps)} unit={unit} />} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
