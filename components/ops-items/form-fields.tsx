'use client';
import { useId } from 'react';
import { OPS_CATEGORIES, OPS_PRIORITIES, OPS_SEVERITIES, SEVERITY_LABEL } from '@/lib/contracts/ops-items';

export const INPUT = 'block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-sky-500 focus:outline-none disabled:bg-slate-50';
export const SELECT = 'block h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm disabled:bg-slate-50';

/** A labelled control with its validation message (role=alert, so the e2e and screen readers find it). */
export function Field({ label, error, hint, children, className }: { label: string; error?: string; hint?: React.ReactNode; children: (id: string) => React.ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600">{label}</label>
      {children(id)}
      {hint && !error && <p className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      {error && <p role="alert" className="mt-0.5 text-xs text-red-700">{error}</p>}
    </div>
  );
}

type SelectProps = { id?: string; value: string; onChange: (v: string) => void; disabled?: boolean; label?: string; notSet?: string };

export function SeveritySelect({ id, value, onChange, disabled, label, notSet = 'Not set' }: SelectProps) {
  return (
    <select id={id} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={SELECT}>
      <option value="">{notSet}</option>
      {OPS_SEVERITIES.map((s) => <option key={s} value={s}>{s} · {SEVERITY_LABEL[s]}</option>)}
    </select>
  );
}

export function PrioritySelect({ id, value, onChange, disabled, label, notSet = 'Not set' }: SelectProps) {
  return (
    <select id={id} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={SELECT}>
      <option value="">{notSet}</option>
      {OPS_PRIORITIES.map((p) => <option key={p} value={String(p)}>{p}{p === 1 ? ' (highest)' : p === 5 ? ' (lowest)' : ''}</option>)}
    </select>
  );
}

export function CategorySelect({ id, value, onChange, disabled, label, notSet = 'Not set' }: SelectProps) {
  return (
    <select id={id} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={SELECT}>
      <option value="">{notSet}</option>
      {OPS_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );
}

/** Zod issues by field path ("title", "operationalData.0.key"); the first message of each. */
export function issuesByPath(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join('.') || 'form'] ??= i.message;
  return out;
}
