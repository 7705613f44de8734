'use client';
import Link from 'next/link';
import type { ColumnDef as TableColumnDef } from '@tanstack/react-table';
import type { NodeRow } from '@/lib/contracts/node';
import { columnDef, platformLabel } from '@/lib/contracts/columns';
import { groupValue } from '@/lib/contracts/node-view';
import { opsItemsHref } from '@/lib/contracts/ops-items';
import { formatAge, formatDateTime } from '@/lib/format';
import { PingBadge } from '@/components/fleet/ping-badge';
import { PatchBadge } from '@/components/fleet/patch-badge';

type Cell = (r: NodeRow, now: number) => React.ReactNode;

const mono = (v: string | null) => (v ? <span className="font-mono text-xs">{v}</span> : <Dash />);
const Dash = () => <span className="text-slate-300">—</span>;
const text = (v: string | null | number) => (v === null || v === '' ? <Dash /> : String(v));

const CELLS: Record<string, Cell> = {
  name: (r) => (
    <Link prefetch={false} href={`/nodes/${r.id}`} className="font-medium text-sky-700 hover:underline" title={r.name ?? r.id}>
      {r.name ?? <span className="italic text-slate-500">(no name)</span>}
    </Link>
  ),
  id: (r) => (
    <Link prefetch={false} href={`/nodes/${r.id}`} className="font-mono text-xs text-slate-700 hover:text-sky-700 hover:underline">
      {r.id}
    </Link>
  ),
  ping: (r) => <PingBadge ping={r.ping} />,
  lastPing: (r, now) =>
    r.lastPingAt ? (
      <span title={formatDateTime(r.lastPingAt)} className={r.ping === 'Online' ? '' : 'font-medium text-amber-700'}>
        {formatAge(r.lastPingAt, now)}
      </span>
    ) : (
      <Dash />
    ),
  platform: (r) => text(platformLabel(r)),
  agent: (r) =>
    r.agentVersion ? (
      <span className={r.agentLatest === false ? 'text-amber-700' : ''} title={r.agentLatest === false ? 'A newer SSM Agent is available' : 'Latest'}>
        {r.agentVersion}
        {r.agentLatest === false && <span aria-label="outdated"> ↓</span>}
      </span>
    ) : (
      <Dash />
    ),
  ip: (r) => mono(r.ip),
  publicIp: (r) => mono(r.publicIp),
  imageId: (r) => mono(r.imageId),
  vpcId: (r) => mono(r.vpcId),
  patch: (r) => <PatchBadge row={r} />,
  ops: (r) =>
    r.openOpsItems === null ? (
      <Dash />
    ) : (
      <Link prefetch={false} href={opsItemsHref({ node: r.id })} title={`Open OpsItems of ${r.name ?? r.id}`} className={r.openOpsItems > 0 ? 'font-semibold text-amber-700 hover:underline' : 'text-slate-400 hover:underline'}>
        {r.openOpsItems}
      </Link>
    ),
  scannedAt: (r, now) => (r.patchScannedAt ? <span title={formatDateTime(r.patchScannedAt)}>{formatAge(r.patchScannedAt, now)}</span> : <Dash />),
  launchTime: (r, now) => (r.launchTime ? <span title={formatDateTime(r.launchTime)}>{formatAge(r.launchTime, now)}</span> : <Dash />),
  critical: (r) => (r.patchCritical ? <span className="font-semibold text-red-700">{r.patchCritical}</span> : text(r.patchCritical)),
};

/** Table columns for the chosen IDs (fixed columns and tag:<Key> columns), with the group column if any. */
export function tableColumns(ids: string[], group: string | undefined, now: number): TableColumnDef<NodeRow>[] {
  const all = group && !ids.includes(group) ? [...ids, group] : ids;
  return all.flatMap((id) => {
    const def = columnDef(id);
    if (!def) return [];
    const cell = CELLS[id];
    return [
      {
        id,
        header: def.label,
        size: def.width,
        accessorFn: (r: NodeRow) => def.value(r),
        getGroupingValue: (r: NodeRow) => groupValue(r, id),
        cell: (c) => (cell ? cell(c.row.original, now) : text(def.value(c.row.original))),
      } satisfies TableColumnDef<NodeRow>,
    ];
  });
}
