import Link from 'next/link';
import { opsItemHref, type CreateOpsItemResponse } from '@/lib/contracts/ops-items';
import { formatNumber } from '@/lib/format';

/** After creation: each OpsItem made (one per region), or the open one AWS found with the same deduplication string. */
export function CreatedResult({ result, onClose }: { result: CreateOpsItemResponse; onClose: () => void }) {
  return (
    <div className="space-y-3 text-sm" data-testid="create-result">
      <ul className="space-y-1">
        {result.created.map((c) => (
          <li key={c.id} data-testid="created-ops-item" className="flex flex-wrap items-baseline gap-x-2">
            <span className={c.deduplicated ? 'font-medium text-amber-800' : 'font-medium text-emerald-800'}>{c.deduplicated ? 'Already open:' : 'Created'}</span>
            <Link href={opsItemHref(c.id)} className="font-mono text-sky-700 hover:underline">{c.id}</Link>
            <span className="text-slate-600">
              in {c.region}, {formatNumber(c.nodeIds.length)} node{c.nodeIds.length === 1 ? '' : 's'} related
              {c.deduplicated && ' (an OpsItem for the same problem is still open; nothing new was created)'}
            </span>
          </li>
        ))}
      </ul>
      {result.omittedNodes > 0 && (
        <p className="text-amber-800">{formatNumber(result.omittedNodes)} more nodes were not related (at most 100 per OpsItem); the run still lists them.</p>
      )}
      <p className="text-xs text-slate-500">Recorded in the audit log as #{result.auditId}.</p>
      <button type="button" onClick={onClose} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50">Close</button>
    </div>
  );
}
