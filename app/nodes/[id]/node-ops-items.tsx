'use client';
import Link from 'next/link';
import type { NodeDetail } from '@/lib/contracts/node';
import { opsItemHref, opsItemsHref, statusLabel } from '@/lib/contracts/ops-items';
import { formatDateTime } from '@/lib/format';
import { SeverityBadge } from '@/components/ops-items/badges';
import { CreateOpsItemButton } from '@/components/ops-items/create-button';
import { scopeKey } from '@/lib/aws/scope';

/** The node's open OpsItems (each a link to its page), all of its OpsItems, and "Create OpsItem" for this node. */
export function NodeOpsItems({ detail }: { detail: NodeDetail }) {
  const n = detail.node;
  const preset = () => ({
    dialogTitle: `Create OpsItem for ${n.name ?? n.id}`,
    title: `Investigate ${n.name ?? n.id}`,
    description: `Node ${n.id}${n.name ? ` (${n.name})` : ''} in ${n.region}.\n\nWhat is wrong:\n`,
    regions: [scopeKey(n)],
    region: scopeKey(n),
    regionFixed: true,
    from: { kind: 'node' as const, nodeId: n.id },
    sourceNote: <>Relates this node, <span className="font-mono text-xs">{n.id}</span>, and records its name and platform in the OpsItem.</>,
  });
  return (
    <section data-testid="node-ops-items" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Open OpsItems ({detail.opsItems.length})</h2>
        <CreateOpsItemButton testId="node-create-ops-item" preset={preset} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">
          Create OpsItem…
        </CreateOpsItemButton>
      </div>
      {n.openOpsItems === null ? (
        <p className="text-sm text-amber-700">OpsItems could not be read for this region.</p>
      ) : detail.opsItems.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul className="max-h-80 divide-y divide-slate-100 overflow-auto text-sm">
          {detail.opsItems.map((o) => (
            <li key={o.id} data-testid="node-ops-item" className="py-1.5">
              <div className="flex items-center gap-2">
                <SeverityBadge severity={o.severity} />
                <Link href={opsItemHref(o.id)} className="min-w-0 truncate font-medium text-sky-800 hover:underline" title={o.title}>{o.title}</Link>
              </div>
              <div className="text-xs text-slate-500">
                <span className="font-mono">{o.id}</span> · {statusLabel(o.status)} · {o.source ?? '—'} · {formatDateTime(o.createdAt)}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link href={opsItemsHref({ node: n.id, status: ['all'] })} className="mt-2 inline-block text-xs text-sky-700 hover:underline">All OpsItems of this node</Link>
    </section>
  );
}
