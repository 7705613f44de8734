'use client';
import { useMemo } from 'react';
import type { NodeFate, PreviewNode, RunPreview } from '@/lib/contracts/run-preview';
import type { PingStatus } from '@/lib/contracts/node';
import { formatAge, formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { PingBadge } from '@/components/fleet/ping-badge';
import { Badge, type Tone } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';

const DIM: Record<string, string> = { az: 'AZ', environment: 'Environment', asg: 'Auto Scaling group' };
const FATE: Record<NodeFate, { label: string; tone: Tone; rank: number }> = {
  regionDown: { label: 'region could not be read', tone: 'red', rank: -1 },
  unsupported: { label: 'would end Invalid Platform', tone: 'red', rank: 0 },
  offline: { label: 'not Online', tone: 'amber', rank: 1 },
  stopped: { label: 'EC2 not running', tone: 'gray', rank: 2 },
  unmanaged: { label: 'not in SSM', tone: 'violet', rank: 3 },
  send: { label: 'runs', tone: 'green', rank: 4 },
};

function Fig({ label, value, tone = 'text-slate-900', testId }: { label: string; value: React.ReactNode; tone?: string; testId?: string }) {
  return (
    <div className="rounded border border-slate-200 px-3 py-2" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</div>
    </div>
  );
}

const columns: ColumnDef<PreviewNode>[] = [
  { id: 'node', header: 'Node', size: 250, cell: ({ row: { original: n } }) => <span><span className="font-medium">{n.name ?? n.id}</span> <span className="font-mono text-xs text-slate-500">{n.id}</span></span> },
  { id: 'fate', header: 'What happens', size: 200, cell: ({ row: { original: n } }) => <Badge tone={FATE[n.fate].tone}>{n.included ? '' : 'left out: '}{FATE[n.fate].label}</Badge> },
  { id: 'account', header: 'Account', size: 130, cell: ({ row }) => row.original.accountName || row.original.account || '—' },
  { id: 'region', header: 'Region', size: 110, cell: ({ row }) => row.original.region },
  { id: 'ping', header: 'SSM', size: 115, cell: ({ row }) => <PingBadge ping={row.original.ping as PingStatus} /> },
  { id: 'platform', header: 'Platform', size: 170, cell: ({ row }) => row.original.platformName ?? '—' },
  { id: 'env', header: 'Environment', size: 100, cell: ({ row }) => row.original.environment ?? '—' },
  { id: 'note', header: 'Note', size: 170, cell: ({ row }) => <span className="text-xs text-slate-600">{row.original.note ?? ''}</span> },
];

/** Exactly what the run will do, before anything is sent. */
/** Regions that could not be read, with targeted nodes: left out, or kept on an explicit request. */
function FailedRegions({ p, onKeep }: { p: RunPreview; onKeep?: (regions: string[]) => void }) {
  const failed = p.failedRegions ?? [];
  if (!failed.length) return null;
  const kept = failed.filter((f) => f.kept).map((f) => f.region);
  return (
    <div data-testid="preview-failed-regions" role="status" className="space-y-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      <p className="font-semibold">
        {failed.length === 1 ? `${failed[0].region} could not be read` : `${failed.map((f) => f.region).join(', ')} could not be read`}: {kept.length ? 'kept regions are planned from old data' : 'their nodes are left out'}
      </p>
      {failed.map((f) => (
        <label key={f.region} className="flex items-start gap-2 text-xs">
          {onKeep && (
            <input
              type="checkbox" className="mt-0.5" checked={f.kept} data-testid={`keep-region-${f.region}`}
              onChange={(e) => onKeep(e.target.checked ? [...kept, f.region] : kept.filter((r) => r !== f.region))}
            />
          )}
          <span>
            {onKeep ? <>Keep the {f.nodes} node{f.nodes === 1 ? '' : 's'} of <b>{f.region}</b> anyway</> : <><b>{f.region}</b>: {f.nodes} node{f.nodes === 1 ? '' : 's'} {f.kept ? 'kept' : 'left out'}</>}
            {' '}— {f.code}: {f.reason}
          </span>
        </label>
      ))}
    </div>
  );
}

/**
 * Exactly what the run will do, before anything is sent. `onKeepFailedRegions` asks for a new preview that keeps (or
 * again leaves out) the nodes of regions that could not be read; the confirmation then sends what that preview shows.
 */
export function PreviewPanel({ p, onKeepUnsupported, onKeepFailedRegions }: {
  p: RunPreview;
  onKeepUnsupported?: (keep: boolean) => void;
  onKeepFailedRegions?: (regions: string[]) => void;
}) {
  const now = useNow(10_000);
  const nodes = useMemo(() => [...p.nodes].sort((a, b) => FATE[a.fate].rank - FATE[b.fate].rank || Number(b.included) - Number(a.included)), [p.nodes]);
  const explicit = p.commands.every((c) => c.instanceCount !== null);
  return (
    <section data-testid="run-preview" className="space-y-3 text-sm">
      <p className="text-slate-700">
        <b>{p.document.name}</b> v{p.document.version} on <b>{p.targetSummary}</b> · fleet data from {formatAge(p.fleetAsOf, now)}
        {p.retry && <> · retry of <span className="font-mono">{p.retry.runId}</span>{p.retry.comment ? ` (“${p.retry.comment}”)` : ''}</>}
      </p>
      {p.incomplete.length > 0 && (
        <Banner kind="warning" title="The fleet view is incomplete">The last read of {p.incomplete.join(', ')} failed: nodes there may be missing from this preview.</Banner>
      )}
      <FailedRegions p={p} onKeep={onKeepFailedRegions} />
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        <Fig testId="fig-runs" label="Will run it" value={formatNumber(p.counts.send)} />
        <Fig testId="fig-included" label={explicit ? 'Sent to AWS' : 'Matched (AWS resolves)'} value={formatNumber(p.included)} />
        <Fig label="Not Online" value={formatNumber(p.counts.offline)} tone={p.counts.offline ? 'text-amber-700' : 'text-slate-500'} />
        <Fig label="Invalid platform" value={formatNumber(p.counts.unsupported)} tone={p.counts.unsupported ? 'text-red-700' : 'text-slate-500'} />
        <Fig label="At once, at most" value={formatNumber(p.maxAtOnce)} />
        <Fig label="Waves" value={formatNumber(p.waves)} />
      </div>
      {p.accounts.length > 0 && (
        <p data-testid="preview-accounts" className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950">
          <b>Touches {p.accounts.length} AWS account{p.accounts.length === 1 ? '' : 's'}:</b>{' '}
          {p.accounts.map((a) => `${a.name} (${a.id}, ${formatNumber(a.nodes)} nodes)`).join(' · ')}. Sent with each account&apos;s operator role, in your name.
        </p>
      )}
      <div data-testid="preview-regions" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span className="font-medium">SendCommand calls:</span>
        {p.byRegion.map((r) => <span key={`${r.account}/${r.region}`}>{r.account ? `${r.accountName} ` : ''}{r.region}: <b>{formatNumber(r.commands)}</b> command{r.commands === 1 ? '' : 's'} for {formatNumber(r.nodes)} nodes</span>)}
      </div>
      {p.warnings.length > 0 && (
        <ul data-testid="run-warnings" className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {p.warnings.map((w) => <li key={w}>⚠ {w}</li>)}
        </ul>
      )}
      {onKeepUnsupported && explicit && p.counts.unsupported > 0 && (
        <label className="flex items-center gap-2 text-xs text-slate-700">
          <input type="checkbox" checked={p.request.keepUnsupported} onChange={(e) => onKeepUnsupported(e.target.checked)} />
          Send to the {p.counts.unsupported} node{p.counts.unsupported > 1 ? 's' : ''} with an unsupported platform anyway (AWS records them Invalid Platform)
        </label>
      )}
      {p.exposure.length > 0 && (
        <details className="rounded border border-slate-200">
          <summary className="cursor-pointer px-3 py-1.5 font-medium text-slate-700">At the same time, per AZ, environment and Auto Scaling group</summary>
          <table className="w-full text-xs">
            <thead className="bg-slate-50 text-left text-slate-500">
              <tr><th className="px-3 py-1">Group</th><th className="px-3 py-1 text-right">Targeted / in fleet</th><th className="px-3 py-1 text-right">At most at once</th></tr>
            </thead>
            <tbody>
              {p.exposure.slice(0, 100).map((e) => (
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
      <DataTable rows={nodes} columns={columns} getRowId={(n) => n.id} testId="preview-nodes" rowTestId="preview-node" rowAttributes={(n) => ({ 'data-fate': n.fate })} heightClass="h-64" rowHeight={30} empty="No node matches these targets in the fleet view." />
      <p className="text-xs text-slate-500">{formatNumber(p.nodes.length)} nodes in the fleet view match{p.missing.length ? `; ${p.missing.length} named nodes are gone` : ''}.</p>
    </section>
  );
}
