'use client';
import Link from 'next/link';
import { useState } from 'react';
import { opsItemsHref, type OpsItemDetail, type RelatedResource } from '@/lib/contracts/ops-items';
import { platformLabel } from '@/lib/contracts/columns';
import { Banner } from '@/components/ui/banner';
import { PingBadge } from '@/components/fleet/ping-badge';
import { PatchBadge } from '@/components/fleet/patch-badge';
import { ConfirmChange, type Change } from '@/components/ops-items/confirm-change';
import { Card } from './card';
import { RelateNode } from './relate-node';

/** A node resource with the node as the fleet shows it now. */
function NodeResource({ r, onUnrelate, canAct, refusal }: { r: RelatedResource & { nodeId: string }; onUnrelate: () => void; canAct: boolean; refusal?: string }) {
  const n = r.node;
  return (
    <li data-testid="related-node" data-node-id={r.nodeId} className="py-1.5 text-sm">
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5">
        <Link href={`/nodes/${r.nodeId}`} className="shrink-0 font-mono text-xs text-sky-700 hover:underline">{r.nodeId}</Link>
        {n && <PingBadge ping={n.ping} />}
        <span className="min-w-0 font-medium break-words">{n ? n.name ?? <i className="text-slate-500">(no name)</i> : null}</span>
        <button type="button" disabled={!canAct} title={refusal ?? 'Remove this node from the OpsItem'} onClick={onUnrelate} className="ml-auto shrink-0 rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50">
          Unrelate
        </button>
      </div>
      {n ? (
        <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-500">
          <span>{platformLabel(n) ?? 'platform unknown'} · {n.region}</span>
          <PatchBadge row={n} />
          {n.openOpsItems !== null && (
            <Link href={opsItemsHref({ node: r.nodeId })} className={`hover:underline ${n.openOpsItems > 1 ? 'font-medium text-amber-700' : ''}`}>
              {n.openOpsItems} open OpsItem{n.openOpsItems === 1 ? '' : 's'}
            </Link>
          )}
        </div>
      ) : (
        <p className="mt-0.5 text-xs text-slate-500">Not in the fleet the dashboard reads (terminated, or in another account).</p>
      )}
    </li>
  );
}

/** Related resources: nodes (linked, with their current state) and anything else by type and URI. */
export function RelatedResources({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const it = detail.item;
  const [change, setChange] = useState<Change | null>(null);
  const nodes = detail.related.filter((r): r is RelatedResource & { nodeId: string } => !!r.nodeId);
  const others = detail.related.filter((r) => !r.nodeId);
  const unrelate = (nodeId: string) =>
    setChange({ title: `Unrelate ${nodeId}`, lines: [<>Remove node <code>{nodeId}</code> from {it.id}.</>, <span key="n" className="text-slate-500">The node keeps running; only the link between them goes.</span>], request: { unrelate: [nodeId] }, confirmLabel: 'Unrelate', tone: 'danger' });
  return (
    <Card title={`Related resources (${detail.related.length})`} testId="related-resources">
      {detail.relatedError && <Banner kind="warning" title="Related resources may be incomplete">{detail.relatedError}</Banner>}
      {detail.related.length === 0 && <p className="text-sm text-slate-500">None.</p>}
      {nodes.length > 0 && (
        <ul className="max-h-[32rem] divide-y divide-slate-100 overflow-auto">
          {nodes.map((r) => <NodeResource key={r.nodeId} r={r} canAct={canAct} refusal={refusal} onUnrelate={() => unrelate(r.nodeId)} />)}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {others.map((r) => (
            <li key={r.associationId ?? r.uri} className="min-w-0">
              <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{r.resourceType}</span>
              <code className="text-xs break-all text-slate-700">{r.uri}</code>
            </li>
          ))}
        </ul>
      )}
      <RelateNode detail={detail} canAct={canAct} refusal={refusal} />
      {change && <ConfirmChange id={it.id} region={it.region} change={change} onClose={() => setChange(null)} />}
    </Card>
  );
}
