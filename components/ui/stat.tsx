import Link from 'next/link';

const ACCENTS = {
  none: 'border-slate-200',
  green: 'border-l-4 border-l-emerald-500 border-slate-200',
  amber: 'border-l-4 border-l-amber-500 border-slate-200',
  red: 'border-l-4 border-l-red-500 border-slate-200',
  violet: 'border-l-4 border-l-violet-500 border-slate-200',
  gray: 'border-l-4 border-l-slate-400 border-slate-200',
} as const;

/** A figure that links to the nodes it counts. */
export function Stat({
  label,
  value,
  href,
  hint,
  accent = 'none',
  testId,
}: {
  label: string;
  value: React.ReactNode;
  href: string;
  hint?: React.ReactNode;
  accent?: keyof typeof ACCENTS;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className={`group block rounded-lg border bg-white px-4 py-3 shadow-sm transition hover:border-sky-400 hover:shadow ${ACCENTS[accent]}`}
    >
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 group-hover:text-sky-700">{value}</div>
      {hint && <div className="mt-0.5 text-xs text-slate-500">{hint}</div>}
    </Link>
  );
}
