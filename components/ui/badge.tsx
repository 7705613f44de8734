const TONES = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/25',
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/25',
  violet: 'bg-violet-50 text-violet-800 ring-violet-600/25',
  blue: 'bg-sky-50 text-sky-800 ring-sky-600/25',
} as const;
export type Tone = keyof typeof TONES;

export function Badge({ tone, children, title }: { tone: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap ${TONES[tone]}`}>
      {children}
    </span>
  );
}

export function Dot({ tone }: { tone: Tone }) {
  const c = { green: 'bg-emerald-500', amber: 'bg-amber-500', red: 'bg-red-500', gray: 'bg-slate-400', violet: 'bg-violet-500', blue: 'bg-sky-500' }[tone];
  return <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${c}`} />;
}
