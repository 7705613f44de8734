'use client';
import { useQuery } from '@tanstack/react-query';
import { Badge, Dot, type Tone } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { useNow } from '@/components/use-now';
import { formatAge, formatDateTime } from '@/lib/format';
import { nodeHistoryQuery } from './queries';
import { timelineEntries, timelineSegments, type Segment } from './timeline-model';

const BAR: Record<Tone, string> = {
  green: 'bg-emerald-500', amber: 'bg-amber-400', red: 'bg-red-500', gray: 'bg-slate-300', violet: 'bg-violet-400', blue: 'bg-sky-400',
};

function Strip({ segments }: { segments: Segment[] }) {
  return (
    <div className="relative mb-3 h-3 overflow-hidden rounded bg-slate-100" aria-hidden>
      {segments.map((s) => (
        <div
          key={s.key}
          title={`${s.label} from ${formatDateTime(s.from)}${s.to ? ` to ${formatDateTime(s.to)}` : ' until now'}${s.simulated ? ' (simulated)' : ''}`}
          className={`absolute inset-y-0 ${BAR[s.tone]} ${s.simulated ? 'opacity-50' : ''}`}
          style={{ left: `${s.left}%`, width: `${Math.max(s.width, 0.4)}%` }}
        />
      ))}
    </div>
  );
}

/** A node's patch-compliance timeline from the dashboard's own history: when it became noncompliant or compliant again. */
export function ComplianceTimeline({ nodeId }: { nodeId: string }) {
  const q = useQuery(nodeHistoryQuery(nodeId));
  const now = useNow(60_000);
  const data = q.data;
  const entries = data ? timelineEntries(data.changes) : [];
  const anySimulated = entries.some((e) => e.simulated);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="compliance-timeline">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">Compliance history</h2>
      {q.isPending && <p className="text-sm text-slate-500">Loading compliance history…</p>}
      {q.isError && <Banner kind="error" title="Compliance history unavailable">{q.error.message}</Banner>}
      {data && entries.length === 0 && (
        <p className="text-sm text-slate-500" data-testid="compliance-timeline-empty">
          {data.recordedSince
            ? `No compliance changes recorded since ${formatDateTime(data.recordedSince)}.`
            : 'No history recorded yet: the dashboard starts recording with its next fleet refresh.'}
        </p>
      )}
      {entries.length > 0 && (
        <>
          <Strip segments={timelineSegments(data!.changes, now)} />
          <ol tabIndex={0} aria-label="Compliance changes" className="max-h-80 space-y-1.5 overflow-auto text-xs">
            {entries.map((e) => (
              <li key={e.key} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 border-b border-slate-100 pb-1.5 last:border-0">
                <Dot tone={e.tone} />
                <span className="font-medium text-slate-800">{e.title}</span>
                {e.counts && <span className="text-slate-600">{e.counts}</span>}
                {e.delta && <span className="text-slate-500">({e.delta})</span>}
                {e.overwritten && <Badge tone={e.overwritten.tone} title={e.overwritten.title}>{e.overwritten.label}</Badge>}
                {e.simulated && <Badge tone="violet" title="Generated for the demo at first start, not recorded from AWS">simulated</Badge>}
                <span className="ml-auto whitespace-nowrap text-slate-500" title={formatDateTime(e.at)}>
                  {formatDateTime(e.at)} · {formatAge(e.at, now)}
                </span>
                {e.source && <span className="basis-full pl-4 font-mono text-[11px] text-slate-500">{e.source}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {data && (
        <p className="mt-2 text-[11px] text-slate-500">
          {data.recordedSince ? `Recorded since ${formatDateTime(data.recordedSince)}; changes are kept 90 days.` : 'Changes are kept 90 days.'}
          {anySimulated && ' Entries marked simulated were generated for the demo.'}
        </p>
      )}
    </section>
  );
}
