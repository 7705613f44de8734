'use client';
import Link from 'next/link';
import type { RunNode } from '@/lib/contracts/run';
import { RunStatusBadge } from '@/components/runs/run-status-badge';

const PRIORITY = ['InProgress', 'Failed', 'TimedOut', 'Undeliverable', 'Cancelling', 'Delayed', 'Pending', 'Cancelled', 'NotSent', 'Success'];
const rank = (s: string) => (PRIORITY.indexOf(s) + 1 || PRIORITY.length + 1);

/** Each node's status as AWS reports it, what needs attention first; click a row for its output. */
export function NodeStatusTable({ nodes, onOutput, selected }: { nodes: RunNode[]; onOutput: (id: string) => void; selected: string | null }) {
  const sorted = [...nodes].sort((a, b) => rank(a.status) - rank(b.status) || (a.name ?? a.nodeId).localeCompare(b.name ?? b.nodeId, 'en', { numeric: true }));
  return (
    <div className="max-h-[65vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="run-nodes">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="px-3 py-2">Node</th><th className="px-3 py-2">Region</th><th className="px-3 py-2">Status</th><th className="px-3 py-2">Details</th><th className="px-3 py-2">Output</th></tr>
        </thead>
        <tbody>
          {sorted.map((n) => (
            <tr key={`${n.commandId}/${n.nodeId}`} data-testid="run-node" data-status={n.status} className={`border-t border-slate-100 ${selected === n.nodeId ? 'bg-sky-50' : ''}`}>
              <td className="px-3 py-1.5"><Link prefetch={false} className="font-medium text-sky-700 hover:underline" href={`/nodes/${n.nodeId}`}>{n.name ?? n.nodeId}</Link> <span className="font-mono text-xs text-slate-500">{n.nodeId}</span></td>
              <td className="px-3 py-1.5">{n.region}</td>
              <td className="px-3 py-1.5"><RunStatusBadge status={n.status} /></td>
              <td className="px-3 py-1.5 text-xs text-slate-600">{n.statusDetails && n.statusDetails !== n.status ? n.statusDetails : ''}</td>
              <td className="px-3 py-1.5">
                {n.status !== 'NotSent' && n.status !== 'Pending' && (
                  <button type="button" onClick={() => onOutput(n.nodeId)} className="text-xs text-sky-700 hover:underline">View output</button>
                )}
              </td>
            </tr>
          ))}
          {nodes.length === 0 && <tr><td colSpan={5} className="px-3 py-6 text-center text-slate-500">AWS has not reported any node yet.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
