'use client';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { nodePatchesQuery } from '@/lib/query/actions';
import { formatDateTime } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { Badge, type Tone } from '@/components/ui/badge';

const STATE_TONE: Record<string, Tone> = {
  Missing: 'amber', Failed: 'red', InstalledPendingReboot: 'amber', InstalledRejected: 'violet', Installed: 'green', InstalledOther: 'green', NotApplicable: 'gray',
};
const STATE_ORDER = ['Failed', 'Missing', 'InstalledPendingReboot', 'InstalledRejected', 'Installed', 'InstalledOther', 'NotApplicable'];

/** The node's patches (DescribeInstancePatches), filterable by state and severity; problems first. */
export function NodePatchesTable({ nodeId }: { nodeId: string }) {
  const q = useQuery(nodePatchesQuery(nodeId));
  const [states, setStates] = useState<string[]>(['Failed', 'Missing', 'InstalledPendingReboot']);
  const [severity, setSeverity] = useState<string>('');
  const all = useMemo(() => q.data?.patches ?? [], [q.data]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const p of all) c.set(p.state, (c.get(p.state) ?? 0) + 1);
    return c;
  }, [all]);
  const severities = [...new Set(all.map((p) => p.severity).filter(Boolean))] as string[];
  const rows = all
    .filter((p) => (states.length ? states.includes(p.state) : true) && (!severity || p.severity === severity))
    .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.title.localeCompare(b.title));
  const toggle = (s: string) => setStates(states.includes(s) ? states.filter((x) => x !== s) : [...states, s]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">Patch list</h2>
      {q.isPending && <p className="text-sm text-slate-500">Loading patches…</p>}
      {q.isError && <Banner kind="error" title="Patches unavailable">{q.error.message}</Banner>}
      {q.data && (
        <>
          <div className="mb-2 flex flex-wrap items-center gap-1.5 text-xs">
            {STATE_ORDER.filter((s) => counts.get(s)).map((s) => (
              <button key={s} type="button" aria-pressed={states.includes(s)} onClick={() => toggle(s)} className={`rounded-full border px-2 py-0.5 ${states.includes(s) ? 'border-sky-500 bg-sky-50 text-sky-900' : 'border-slate-300 text-slate-600'}`}>
                {s} <b>{counts.get(s)}</b>
              </button>
            ))}
            <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value)} className="ml-2 rounded border border-slate-300 px-1.5 py-0.5">
              <option value="">Any severity</option>
              {severities.map((s) => <option key={s}>{s}</option>)}
            </select>
            <span className="ml-auto text-slate-500">{rows.length} of {all.length}</span>
          </div>
          <div className="max-h-96 overflow-auto">
            <table className="w-full text-xs" data-testid="node-patches">
              <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
                <tr><th className="px-2 py-1">Patch</th><th className="px-2 py-1">KB / advisory</th><th className="px-2 py-1">CVEs</th><th className="px-2 py-1">Classification</th><th className="px-2 py-1">Severity</th><th className="px-2 py-1">State</th><th className="px-2 py-1">Installed</th></tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={`${p.kbId}${p.title}`} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1">{p.title}</td>
                    <td className="px-2 py-1 font-mono">{p.kbId}</td>
                    <td className="px-2 py-1 font-mono">{p.cveIds.slice(0, 3).join(' ')}{p.cveIds.length > 3 ? ` +${p.cveIds.length - 3}` : ''}</td>
                    <td className="px-2 py-1">{p.classification ?? '—'}</td>
                    <td className="px-2 py-1">{p.severity ?? '—'}</td>
                    <td className="px-2 py-1"><Badge tone={STATE_TONE[p.state] ?? 'gray'}>{p.state}</Badge></td>
                    <td className="px-2 py-1 whitespace-nowrap">{p.installedTime ? formatDateTime(p.installedTime) : '—'}</td>
                  </tr>
                ))}
                {rows.length === 0 && <tr><td colSpan={7} className="px-2 py-4 text-center text-slate-500">{all.length ? 'No patch matches these filters.' : 'No patch data: the node has not reported a scan.'}</td></tr>}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
