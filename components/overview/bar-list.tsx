'use client';
import { BAR, ROW, TOP } from './bar-geometry';
import { BarsSkeleton, LazyPlot } from './lazy-plot';

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

/**
 * Horizontal bars with the label above each bar and the count at its end, so long names (AMIs, OS versions) keep the
 * whole width at 375 px too. Every bar with an href is a link to its nodes. Its height is known before the plot loads.
 */
export function BarList({ segments, unit = 'nodes', testId }: { segments: Segment[]; unit?: string; testId?: string }) {
  if (!segments.length) return <p className="py-4 text-center text-sm text-slate-500">Nothing to show.</p>;
  return (
    <div data-testid={testId} style={{ height: segments.length * ROW + TOP }} className="w-full">
      <LazyPlot skeleton={<BarsSkeleton rows={segments.length} row={ROW} bar={BAR} top={TOP} />} render={(p) => <p.BarListPlot segments={segments} unit={unit} />} />
    </div>
  );
}
