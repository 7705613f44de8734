'use client';
import { useSyncExternalStore, type ReactNode } from 'react';

/** The overview's recharts plots (about 133 kB gzip), as one module loaded after the page. */
type Plots = typeof import('./plots');

let plots: Plots | 'failed' | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const load = () =>
  (loading ??= import('./plots')
    .then((m) => void (plots = m), () => void (plots = 'failed'))
    .then(() => listeners.forEach((l) => l())));

// The download starts when the page has loaded, while React hydrates it: never before, so the first load stays without
// recharts, and not only after hydration, so the plots wait less. (A plot subscribing earlier starts it too.)
if (typeof window !== 'undefined') {
  if (document.readyState === 'complete') void load();
  else window.addEventListener('load', () => void load(), { once: true });
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  void load();
  return () => void listeners.delete(onChange);
}

/**
 * A chart plot whose code loads after the page, so the overview's figures do not wait for recharts. The parent gives the
 * plot its size; the skeleton fills that same box until the code arrives, so nothing moves.
 *
 * The server and the hydrating client render the skeleton (even if the module arrived meanwhile: the server snapshot);
 * every plot then renders as soon as both are done, and at once when the module is already there (back from another
 * page). Not React.lazy + Suspense: React holds back a boundary's content for up to 300 ms after its fallback showed.
 */
export function LazyPlot({ skeleton, render }: { skeleton: ReactNode; render: (plots: Plots) => ReactNode }) {
  const p = useSyncExternalStore(subscribe, () => plots, () => null);
  if (p === 'failed') return <p className="grid h-full place-items-center text-center text-xs text-slate-500">The chart could not load: reload the page.</p>;
  return p ? render(p) : skeleton;
}

const pulse = 'motion-safe:animate-pulse';

/** Rows as the bar list draws them: a label line, then the bar's grey track. */
export function BarsSkeleton({ rows, row, bar, top }: { rows: number; row: number; bar: number; top: number }) {
  return (
    <div aria-hidden data-chart-loading className={`h-full w-full px-0.5 ${pulse}`} style={{ paddingTop: top }}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="relative" style={{ height: row }}>
          <div className="absolute left-0 h-2 rounded bg-slate-200" style={{ top: (row - bar) / 2 - 12, width: `${40 - (i % 3) * 8}%` }} />
          <div className="absolute right-0 h-2 w-12 rounded bg-slate-200" style={{ top: (row - bar) / 2 - 12 }} />
          <div className="absolute inset-x-0 rounded-[3px] bg-slate-100" style={{ top: (row - bar) / 2, height: bar }} />
        </div>
      ))}
    </div>
  );
}

/** A grey ring where the donut goes: recharts' 5 px chart margin in the 144 px box, then an inner radius of 62 %. */
export function DonutSkeleton() {
  return (
    <svg aria-hidden data-chart-loading viewBox="0 0 144 144" className={`h-full w-full ${pulse}`}>
      <circle cx={72} cy={72} r={(67 + 67 * 0.62) / 2} fill="none" stroke="var(--chart-track)" strokeWidth={67 * 0.38} />
    </svg>
  );
}

/** Grid lines where an axis chart goes. */
export function AxesSkeleton() {
  return (
    <div aria-hidden data-chart-loading className={`flex h-full w-full flex-col justify-between pb-5 pl-8 pt-1 ${pulse}`}>
      {[0, 1, 2, 3, 4].map((i) => <div key={i} className="border-t border-slate-200" />)}
    </div>
  );
}
