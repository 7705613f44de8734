import type { Caveat } from './caveats';

/** One chart: its title, what it counts, why its figures are incomplete (if they are), and the chart. */
export function ChartCard({
  title,
  subtitle,
  caveats = [],
  testId,
  actions,
  children,
  className = '',
}: {
  title: string;
  subtitle?: React.ReactNode;
  caveats?: Caveat[];
  testId?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section data-testid={testId} aria-label={title} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 ${className}`}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
        </div>
        {actions}
      </div>
      <IncompleteNote caveats={caveats} />
      {children}
    </section>
  );
}

/** A short line under a chart: what was folded, what is unknown; with a link where there is one. */
export function ChartNote({ children }: { children: React.ReactNode }) {
  return <p className="mt-1 text-xs text-slate-500 [&_a]:underline [&_a]:underline-offset-2">{children}</p>;
}

/** Why the figures next to it are incomplete (nothing when they are complete). */
export function IncompleteNote({ caveats }: { caveats: Caveat[] }) {
  if (!caveats.length) return null;
  return (
    <div role="note" data-testid="chart-incomplete" className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      <span className="font-semibold">Incomplete:</span>
      <ul className="list-disc pl-4">
        {caveats.map((c) => (
          // Texts may hold an age ("from 5s ago"), a little older in the browser than on the server.
          <li key={c.text} title={c.detail || undefined} suppressHydrationWarning>{c.text}</li>
        ))}
      </ul>
    </div>
  );
}
