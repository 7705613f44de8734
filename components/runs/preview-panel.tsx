'use client';
import { useState } from 'react';
import type { PatchRunPreview } from '@/lib/contracts/patch-run';
import { formatAge } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { PingBadge } from '@/components/fleet/ping-badge';
import type { PingStatus } from '@/lib/contracts/node';

const DIM: Record<string, string> = { az: 'AZ', environment: 'Environment', asg: 'Auto Scaling group' };

function Fig({ label, value, tone = 'text-slate-900' }: { label: string; value: React.ReactNode; tone?: string }) {
  return (
    <div className="rounded border border-slate-200 px-3 py-2">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</div>
    </div>
  );
}

/** Exactly what the run will do, before anything is sent. */
export function PreviewPanel({ p }: { p: PatchRunPreview }) {
  const [allNodes, setAllNodes] = useState(false);
  const now = useNow(10_000);
  const shown = allNodes ? p.nodes : p.nodes.slice(0, 12);
  return (
    <section data-testid="run-preview" className="space-y-3 text-sm">
      <p className="text-slate-700">
        <b>{p.request.operation}</b> on <b>{p.targetSummary}</b> · fleet data from {formatAge(p.fleetAsOf, now)}
      </p>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        <Fig label="Will be reached" value={p.reachable} />
        <Fig label="Not Online" value={p.unreachable} tone={p.unreachable ? 'text-amber-700' : 'text-slate-400'} />
        <Fig label="Likely reboot" value={p.likelyReboot} tone={p.likelyReboot ? 'text-amber-700' : 'text-slate-400'} />
        <Fig label="At once, at most" value={p.maxAtOnce} />
        <Fig label="Waves" value={p.waves} />
        <Fig label="Commands" value={p.commands.length} />
      </div>
      {p.warnings.length > 0 && (
        <ul data-testid="run-warnings" className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {p.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {p.request.operation === 'Install' && p.exposure.length > 0 && (
        <details className="rounded border border-slate-200">
          <summary className="cursor-pointer px-3 py-1.5 font-medium text-slate-700">Down at once, per AZ, environment and Auto Scaling group</summary>
          <table className="w-full text-xs">
            <thead className="bg-slate-50 text-left text-slate-500">
              <tr><th className="px-3 py-1">Group</th><th className="px-3 py-1 text-right">Targeted / in fleet</th><th className="px-3 py-1 text-right">At most at once</th></tr>
            </thead>
            <tbody>
              {p.exposure.map((e) => (
                <tr key={`${e.dimension}:${e.group}`} className={`border-t border-slate-100 ${e.wholeGroup ? 'bg-red-50 text-red-900' : ''}`}>
                  <td className="px-3 py-1">{DIM[e.dimension]} {e.dimension === 'asg' ? e.group.split('/')[1] : e.group}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{e.targeted} / {e.inFleet}</td>
                  <td className="px-3 py-1 text-right tabular-nums">{e.maxAtOnce}{e.wholeGroup ? ' (whole group)' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <details className="rounded border border-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 font-medium text-slate-700">
          {p.commands.length} SendCommand call{p.commands.length > 1 ? 's' : ''} (AWS-RunPatchBaseline)
        </summary>
        <ul className="px-3 py-1 font-mono text-xs text-slate-700">
          {p.commands.map((c, i) => (
            <li key={i}>
              {c.region}: {c.instanceIds ? `${c.instanceIds.length} instance IDs` : `Targets tag:${c.target!.key}=${c.target!.value} (~${c.expectedNodes} nodes)`} · MaxConcurrency {c.maxConcurrency} · MaxErrors {c.maxErrors}
            </li>
          ))}
        </ul>
      </details>
      <div className="rounded border border-slate-200">
        <table className="w-full text-xs" data-testid="preview-nodes">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr><th className="px-3 py-1">Node</th><th className="px-3 py-1">Status</th><th className="px-3 py-1">Environment</th><th className="px-3 py-1">AZ</th><th className="px-3 py-1 text-right">Missing</th><th className="px-3 py-1">Reboot</th></tr>
          </thead>
          <tbody>
            {shown.map((n) => (
              <tr key={n.id} className={`border-t border-slate-100 ${n.unreachable ? 'text-slate-400' : ''}`}>
                <td className="px-3 py-1"><span className="font-medium">{n.name ?? n.id}</span> <span className="font-mono text-slate-500">{n.id}</span></td>
                <td className="px-3 py-1"><PingBadge ping={n.ping as PingStatus} /></td>
                <td className="px-3 py-1">{n.environment ?? '—'}</td>
                <td className="px-3 py-1">{n.az ?? '—'}</td>
                <td className="px-3 py-1 text-right tabular-nums">{n.missing ?? '—'}</td>
                <td className="px-3 py-1">{n.likelyReboot ? 'likely' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.nodes.length > shown.length && (
          <button type="button" className="w-full py-1 text-xs text-sky-700 hover:bg-slate-50" onClick={() => setAllNodes(true)}>
            Show all {p.nodes.length} nodes
          </button>
        )}
      </div>
    </section>
  );
}
