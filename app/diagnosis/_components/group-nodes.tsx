'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import type { NodeRow } from '@/lib/contracts/node';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';
import { PingBadge } from '@/components/fleet/ping-badge';

/** A node the fleet view names, with what the fleet knows of it (null: gone from the fleet since). */
export interface NamedNode {
  id: string;
  row: NodeRow | null;
  note?: string;
}

const Dash = () => <span className="text-slate-400">—</span>;

const COLUMNS: ColumnDef<NamedNode>[] = [
  {
    id: 'id', header: 'Node', size: 190,
    cell: ({ row: { original: n } }) => <Link prefetch={false} href={`/nodes/${n.id}`} className="font-mono text-xs text-sky-700 hover:underline">{n.id}</Link>,
  },
  { id: 'name', header: 'Name', size: 200, cell: ({ row: { original: n } }) => n.row?.name ?? <Dash /> },
  { id: 'ping', header: 'Status', size: 140, cell: ({ row: { original: n } }) => (n.row ? <PingBadge ping={n.row.ping} /> : <Dash />) },
  { id: 'region', header: 'Region', size: 120, cell: ({ row: { original: n } }) => n.row?.region ?? <Dash /> },
  { id: 'vpc', header: 'VPC', size: 190, cell: ({ row: { original: n } }) => <span className="font-mono text-xs">{n.row?.vpcId ?? '—'}</span> },
  { id: 'profile', header: 'Instance profile', size: 200, cell: ({ row: { original: n } }) => n.row?.instanceProfile ?? <Dash /> },
  { id: 'note', header: 'Note', size: 320, cell: ({ row: { original: n } }) => (n.note ? <span className="text-xs text-slate-700">{n.note}</span> : <Dash />) },
];

/** The nodes of a group, virtualized: a group may hold thousands. */
export function GroupNodes({ nodes, testId, withNote = false }: { nodes: NamedNode[]; testId: string; withNote?: boolean }) {
  const columns = useMemo(() => (withNote ? COLUMNS : COLUMNS.filter((c) => c.id !== 'note')), [withNote]);
  return (
    <DataTable
      rows={nodes}
      columns={columns}
      getRowId={(n) => n.id}
      testId={testId}
      rowTestId="diagnosis-node"
      heightClass={nodes.length > 8 ? 'h-72' : 'max-h-72'}
      empty="No nodes."
    />
  );
}
