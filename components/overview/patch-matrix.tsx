'use client';
import Link from 'next/link';
import { environmentFilter, nodesHref, PATCH_FILTERS, type NodeView } from '@/lib/contracts/node-view';
import type { OverviewSummary, PatchEnvRow } from '@/lib/contracts/summary';
import { formatNumber, percent } from '@/lib/format';
import type { Caveat } from './caveats';
import { ChartCard, ChartNote } from './chart-card';

type Column = { key: keyof PatchEnvRow & (typeof PATCH_FILTERS)[number]; label: string; short: string; rgb: string; help: string };

/** Columns, worst first: nodes missing at least one patch of a class, then the states. Each cell is its nodes' link. */
const COLUMNS: Column[] = [
  { key: 'critical', label: 'Critical missing', short: 'Critical', rgb: '185,28,28', help: 'nodes missing at least one critical patch' },
  { key: 'security', label: 'Security missing', short: 'Security', rgb: '239,68,68', help: 'nodes missing at least one security patch' },
  { key: 'other', label: 'Other missing', short: 'Other', rgb: '245,158,11', help: 'nodes missing other patches' },
  { key: 'noncompliant', label: 'Noncompliant', short: 'Noncompl.', rgb: '239,68,68', help: 'missing, failed or pending reboot' },
  { key: 'compliant', label: 'Compliant', short: 'Compliant', rgb: '16,185,129', help: 'nothing missing, failed or pending reboot' },
  { key: 'notScanned', label: 'Never scanned', short: 'No scan', rgb: '100,116,139', help: 'no patch state reported' },
];
const MANAGED = ['Online', 'ConnectionLost', 'Inactive'] as const;

function Cell({ row, col, linkable }: { row: PatchEnvRow; col: Column; linkable: boolean }) {
  const n = row[col.key];
  const share = row.managed ? n / row.managed : 0;
  // Dark text on every cell: the strongest tint stays light enough to read it.
  const style = n ? { background: `rgba(${col.rgb},${(0.08 + 0.5 * share).toFixed(2)})` } : undefined;
  const env = row.environment ?? 'untagged';
  const content = <span className="block px-1.5 py-1.5 text-right tabular-nums sm:px-2">{n ? formatNumber(n) : '·'}</span>;
  const view: Partial<NodeView> = { tag: [environmentFilter(row.environment)], patch: [col.key] };
  return (
    <td className="border-l border-white p-0" style={style} title={`${env}: ${formatNumber(n)} ${col.help} (${percent(n, row.managed)} of ${formatNumber(row.managed)})`}>
      {linkable && n > 0 ? (
        <Link href={nodesHref(view)} aria-label={`${env}, ${col.label}: ${formatNumber(n)} nodes`} data-testid={`patch-cell-${env}-${col.key}`} className="block hover:outline hover:outline-2 hover:-outline-offset-2 hover:outline-sky-500 focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600">
          {content}
        </Link>
      ) : content}
    </td>
  );
}

/** Patch compliance as an environment x severity grid: cell colour is the share of the environment's managed nodes. */
export function PatchMatrix({ s, caveats, className }: { s: OverviewSummary; caveats: Caveat[]; className?: string }) {
  const { rows, other } = s.patchByEnvironment;
  const unknown = rows.reduce((n, r) => n + r.unknown, 0) + (other?.unknown ?? 0);
  return (
    <ChartCard title="Patch compliance by environment" subtitle="Managed nodes per Environment tag; a cell's colour is its share of the environment" caveats={caveats} testId="chart-patch-matrix" className={className}>
      <div className="-mx-1 overflow-x-auto px-1">
        <table className="w-full border-collapse text-xs">
          <thead>
            <tr className="text-slate-500">
              <th scope="col" className="sticky left-0 bg-white py-1 pr-2 text-left font-medium">Environment</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="px-1.5 py-1 text-right font-medium sm:px-2" title={c.help}>
                  <span className="hidden sm:inline">{c.label}</span>
                  <span className="sm:hidden">{c.short}</span>
                </th>
              ))}
              <th scope="col" className="px-1.5 py-1 text-right font-medium sm:px-2">Nodes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.environment ?? '(untagged)'} className="border-t border-slate-100">
                <th scope="row" className="sticky left-0 max-w-[9rem] truncate bg-white py-1 pr-2 text-left font-medium text-slate-700">
                  {r.environment ?? <span className="italic text-slate-500">no Environment tag</span>}
                </th>
                {COLUMNS.map((c) => <Cell key={c.key} row={r} col={c} linkable />)}
                <td className="px-2 py-1 text-right tabular-nums">
                  <Link className="text-sky-700 hover:underline" href={nodesHref({ tag: [environmentFilter(r.environment)], ping: [...MANAGED] })}>{formatNumber(r.managed)}</Link>
                </td>
              </tr>
            ))}
            {other && (
              <tr className="border-t border-slate-100 text-slate-500">
                <th scope="row" className="sticky left-0 bg-white py-1 pr-2 text-left font-normal italic">{formatNumber(other.values)} other environments</th>
                {COLUMNS.map((c) => <Cell key={c.key} row={other} col={c} linkable={false} />)}
                <td className="px-2 py-1 text-right tabular-nums">{formatNumber(other.managed)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-500 sm:hidden">Swipe the table sideways for the compliant, never scanned and node totals.</p>
      {other && (
        <ChartNote>
          The {formatNumber(other.values)} smallest environments are summed in the last row ·{' '}
          <Link className="text-sky-700 hover:underline" href={nodesHref({ ping: [...MANAGED], group: 'tag:Environment' })}>see every environment</Link>
        </ChartNote>
      )}
      {unknown > 0 && <ChartNote>{formatNumber(unknown)} managed nodes have an unknown patch state (their source failed) and are in no state column.</ChartNote>}
    </ChartCard>
  );
}
