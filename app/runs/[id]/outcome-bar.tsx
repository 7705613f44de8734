'use client';
import { OUTCOMES, OUTCOMES_BY_RANK, type Outcome, type OutcomeCounts } from '@/lib/contracts/command-status';
import { formatNumber } from '@/lib/format';

const BAR: Record<string, string> = { green: 'bg-emerald-500', red: 'bg-red-500', amber: 'bg-amber-400', blue: 'bg-sky-400', gray: 'bg-slate-400', violet: 'bg-violet-500' };

/** Every node of the run by outcome, problems first; a click filters the list to that outcome. */
export function OutcomeBar({ counts, expected, total, active, onToggle }: { counts: OutcomeCounts; expected: number; total: number; active: Set<Outcome>; onToggle: (o: Outcome) => void }) {
  const width = Math.max(expected, total, 1);
  const shown = OUTCOMES_BY_RANK.filter((o) => (counts[o] ?? 0) > 0);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="run-counts">
      <div className="flex h-3 overflow-hidden rounded bg-slate-100">
        {[...shown].reverse().map((o) => <div key={o} className={BAR[OUTCOMES[o].tone]} style={{ width: `${((counts[o] ?? 0) / width) * 100}%` }} title={`${OUTCOMES[o].label}: ${counts[o]}`} />)}
      </div>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {shown.map((o) => (
          <button key={o} type="button" data-testid={`count-${o}`} aria-pressed={active.has(o)} onClick={() => onToggle(o)} title={OUTCOMES[o].help}
            className={`flex items-center gap-1.5 rounded border px-2 py-0.5 ${active.has(o) ? 'border-sky-500 bg-sky-50' : 'border-slate-200 hover:bg-slate-50'}`}>
            <span className={`inline-block h-2 w-2 rounded-full ${BAR[OUTCOMES[o].tone]}`} />
            {OUTCOMES[o].label} <b className="tabular-nums">{formatNumber(counts[o] ?? 0)}</b>
          </button>
        ))}
        {total < expected && <span className="self-center text-slate-500">{formatNumber(expected - total)} not reported by AWS yet</span>}
      </div>
    </section>
  );
}
