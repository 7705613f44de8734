'use client';
import type { Cause, Evidence, Fix, StepResult } from '@/lib/contracts/diagnosis';
import { Badge, type Tone } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';

const CONFIDENCE_TONE: Record<Cause['confidence'], Tone> = { high: 'red', medium: 'amber', low: 'gray' };

/** Evidence: label, value, and the AWS console page of the thing when it has one. */
export function EvidenceList({ items }: { items: Evidence[] }) {
  if (!items.length) return null;
  return (
    <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {items.map((e, i) => (
        <div key={`${e.label}-${i}`} className="contents">
          <dt className="text-slate-500">{e.label}</dt>
          <dd className="min-w-0 break-words font-mono text-slate-800">
            {e.href ? (
              <a href={e.href} target="_blank" rel="noreferrer" className="text-sky-700 hover:underline">
                {e.value}
              </a>
            ) : (
              e.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The fix: commands or a policy to copy, or plain steps. */
export function FixBlock({ fix, testId }: { fix: Fix; testId?: string }) {
  if (fix.kind === 'steps') return <p className="text-sm text-slate-800" data-testid={testId}>{fix.text}</p>;
  return (
    <div className="flex items-start gap-2">
      <pre data-testid={testId} tabIndex={0} className="fixed-palette max-h-48 min-w-0 flex-1 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
        {fix.text}
      </pre>
      <CopyButton text={fix.text} label={fix.kind === 'policy' ? 'Copy policy' : 'Copy fix'} />
    </div>
  );
}

/** One ranked cause: the sentence, how sure, the evidence and the fix. */
export function CauseView({ cause, top }: { cause: Cause; top: boolean }) {
  return (
    <article
      data-testid={top ? 'top-cause' : 'cause'}
      className={`space-y-2 rounded-md border p-3 ${top ? 'border-red-300 bg-red-50/60' : 'border-slate-200 bg-white'}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold text-slate-500">#{cause.rank}</span>
        <p className={`min-w-0 flex-1 ${top ? 'font-semibold text-slate-900' : 'font-medium text-slate-800'}`}>{cause.sentence}</p>
        <Badge tone={CONFIDENCE_TONE[cause.confidence]}>{cause.confidence} confidence</Badge>
      </header>
      <EvidenceList items={cause.evidence} />
      <div>
        <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Fix</p>
        <FixBlock fix={cause.fix} testId={top ? 'top-fix' : undefined} />
      </div>
    </article>
  );
}

const STEP_TONE: Record<StepResult['status'], Tone> = { pass: 'green', fail: 'red', warn: 'amber', unchecked: 'violet', skipped: 'gray' };
const STEP_LABEL: Record<StepResult['status'], string> = { pass: 'OK', fail: 'Problem', warn: 'Warning', unchecked: 'Not checked', skipped: 'Not applicable' };

/** Each check in the order it ran, with what it found; a check that could not run names the permission it lacked. */
export function StepList({ steps }: { steps: StepResult[] }) {
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="diagnosis-steps">
      {steps.map((s, i) => (
        <li key={s.step} className="py-2" data-testid={`step-${s.step}`}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="w-4 text-xs text-slate-500">{i + 1}.</span>
            <span className="font-medium text-slate-800">{s.title}</span>
            <Badge tone={STEP_TONE[s.status]}>{STEP_LABEL[s.status]}</Badge>
          </div>
          <p className="ml-6 text-slate-700">{s.summary}</p>
          {s.missingPermissions.length > 0 && (
            <p className="ml-6 text-xs text-violet-800">
              Needs: <span className="font-mono">{s.missingPermissions.join(', ')}</span> (grant it to the dashboard&apos;s identity; see the README&apos;s IAM section)
            </p>
          )}
          {s.evidence.length > 0 && (
            <details className="ml-6 mt-1">
              <summary className="cursor-pointer text-xs text-slate-500">Evidence</summary>
              <EvidenceList items={s.evidence} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
