'use client';
import Link from 'next/link';
import type { ColumnDef } from '@/components/data-table/data-table';
import { opsItemHref, type OpsItemRow } from '@/lib/contracts/ops-items';
import { formatAge, formatDateTime } from '@/lib/format';
import { OpsStatusBadge, SeverityBadge } from '@/components/ops-items/badges';
import { shortArn } from '@/components/ops-items/arn';

const Dash = () => <span className="text-slate-300">—</span>;
const text = (v: string | number | null) => (v === null || v === '' ? <Dash /> : String(v));
/** Nodes named in full; more than this shows "+N". */
const SHOWN_NODES = 1;

function When({ at, by, now }: { at: string | null; by: string | null; now: number }) {
  if (!at) return <Dash />;
  return <span title={`${formatDateTime(at)}${by ? ` by ${shortArn(by)}` : ''}`}>{formatAge(at, now)}</span>;
}

function RelatedNodes({ ids }: { ids: string[] }) {
  if (!ids.length) return <Dash />;
  return (
    <span className="flex items-center gap-1.5">
      {ids.slice(0, SHOWN_NODES).map((id) => (
        <Link key={id} prefetch={false} href={`/nodes/${id}`} className="font-mono text-xs text-sky-700 hover:underline">{id}</Link>
      ))}
      {ids.length > SHOWN_NODES && <span className="text-xs text-slate-500" title={ids.slice(SHOWN_NODES).join('\n')}>+{ids.length - SHOWN_NODES}</span>}
    </span>
  );
}

/** The list's columns. IDs match the view's sort keys (`enableSorting: false` where the API has none). Cells are cheap: only the rows on screen render. */
export function opsColumns(now: number): ColumnDef<OpsItemRow>[] {
  return [
    { id: 'id', header: () => <span className="normal-case">ID</span>, size: 134, enableSorting: false, cell: (c) => <Link prefetch={false} href={opsItemHref(c.row.original.id)} className="font-mono text-xs text-sky-700 hover:underline">{c.row.original.id}</Link> },
    { id: 'title', header: 'Title', size: 270, cell: (c) => <Link prefetch={false} href={opsItemHref(c.row.original.id)} title={c.row.original.title} className="font-medium text-slate-900 hover:text-sky-700 hover:underline">{c.row.original.title}</Link> },
    { id: 'status', header: 'Status', size: 96, cell: (c) => <OpsStatusBadge status={c.row.original.status} /> },
    { id: 'severity', header: 'Severity', size: 96, cell: (c) => <SeverityBadge severity={c.row.original.severity} /> },
    { id: 'priority', header: 'Priority', size: 74, cell: (c) => text(c.row.original.priority) },
    { id: 'category', header: 'Category', size: 100, cell: (c) => text(c.row.original.category) },
    { id: 'source', header: 'Source', size: 118, cell: (c) => <span title={c.row.original.source}>{c.row.original.source}</span> },
    // With many accounts an OpsItem's place is account/region: the region, then the account's last digits (all of it on hover).
    { id: 'region', header: 'Region', size: 112, cell: (c) => {
      const [account, region] = c.row.original.region.includes('/') ? c.row.original.region.split('/') : ['', c.row.original.region];
      return account ? <span title={`account ${account}`}>{region} <span className="font-mono text-xs text-slate-500">…{account.slice(-4)}</span></span> : region;
    } },
    { id: 'nodes', header: () => <span className="normal-case">Related nodes</span>, size: 180, enableSorting: false, cell: (c) => <RelatedNodes ids={c.row.original.nodeIds} /> },
    { id: 'created', header: 'Created', size: 84, cell: (c) => <When at={c.row.original.createdAt} by={null} now={now} /> },
    { id: 'modified', header: 'Modified', size: 96, cell: (c) => <When at={c.row.original.modifiedAt} by={c.row.original.modifiedBy} now={now} /> },
  ];
}
