'use client';
import { OUTCOMES } from '@/lib/contracts/command-status';
import type { TriageGroup } from '@/lib/contracts/run';
import { formatNumber } from '@/lib/format';
import { LaunchButton } from '@/components/runs/launch-button';
import type { LaunchSpec } from '@/components/runs/run-launcher';
import { CreateOpsItemButton } from '@/components/ops-items/create-button';
import { triagePreset } from './triage-ops-item';

/** Failed nodes grouped by how they failed: one glance shows "37 nodes failed the same way"; each group can be retried alone, or become an OpsItem. */
export function TriagePanel({ run, groups, pending, active, onShow, retrySpec, canAct }: {
  run: { id: string; document: string }; groups: TriageGroup[]; pending: number; active: string | null; onShow: (key: string | null) => void; retrySpec: (g: TriageGroup) => LaunchSpec; canAct: boolean;
}) {
  if (!groups.length && !pending) return null;
  return (
    <section className="rounded-lg border border-red-200 bg-white shadow-sm" data-testid="triage">
      <h2 className="border-b border-red-100 px-4 py-2 text-sm font-semibold text-red-900">
        Failures by cause: {formatNumber(groups.reduce((a, g) => a + g.count, 0))} nodes in {groups.length} group{groups.length === 1 ? '' : 's'}
        {pending > 0 && <span className="ml-2 font-normal text-slate-500">({formatNumber(pending)} still being read)</span>}
      </h2>
      <ul className="max-h-80 divide-y divide-slate-100 overflow-auto">
        {groups.map((g) => (
          <li key={g.key} data-testid="triage-group" data-group={g.key} className={`grid grid-cols-[5rem_1fr_auto] items-start gap-3 px-4 py-2 text-sm ${active === g.key ? 'bg-sky-50' : ''}`}>
            <div className="text-right">
              <div className="text-lg font-semibold tabular-nums text-red-800" data-testid="triage-count">{formatNumber(g.count)}</div>
              <div className="text-xs text-slate-500">node{g.count === 1 ? '' : 's'}</div>
            </div>
            <div className="min-w-0">
              <div className="font-medium text-slate-800">{OUTCOMES[g.outcome].label}{g.exitCode !== null && g.outcome === 'failed' ? ` with exit code ${g.exitCode}` : ''} <span className="text-xs font-normal text-slate-500">· {g.regions.join(', ')}</span></div>
              <div className="truncate font-mono text-xs text-slate-600" title={g.signature}>{g.signature}</div>
              {g.sample && (
                <details className="text-xs">
                  <summary className="cursor-pointer text-sky-700">Sample from {g.sample.nodeId}</summary>
                  <pre tabIndex={0} className="fixed-palette mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-red-950 p-2 text-red-100">{g.sample.text}</pre>
                </details>
              )}
            </div>
            <div className="flex flex-col items-end gap-1">
              <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => onShow(active === g.key ? null : g.key)}>{active === g.key ? 'Show all nodes' : 'Show these nodes'}</button>
              <div className="flex flex-wrap justify-end gap-1">
                <CreateOpsItemButton testId="triage-create-ops-item" preset={() => triagePreset(run, g)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50">Create OpsItem…</CreateOpsItemButton>
                {OUTCOMES[g.outcome].retryable ? <LaunchButton testId="retry-group" disabled={!canAct} spec={() => retrySpec(g)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">Retry these {formatNumber(g.count)}…</LaunchButton> : <span className="px-1 text-xs text-slate-500" title="The document does not support their platform: a retry would fail the same way">not retryable</span>}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
