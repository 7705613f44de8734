'use client';
import Link from 'next/link';
import { PING_STATUSES, type PingStatus } from '@/lib/contracts/node';
import { nodesHref } from '@/lib/contracts/node-view';
import type { OverviewSummary } from '@/lib/contracts/summary';
import { formatNumber, percent } from '@/lib/format';
import type { Caveat } from './caveats';
import { ChartCard } from './chart-card';
import { PING_COLOR, PING_TEXT } from './colors';
import { DonutSkeleton, LazyPlot } from './lazy-plot';

const hrefOf = (p: PingStatus) => nodesHref(p === 'ConnectionLost' ? { ping: [p], sort: 'lastPing', dir: 'desc' } : { ping: [p] });

export type PingDatum = { key: PingStatus; name: string; value: number; href: string; color: string };

/**
 * Every node by SSM ping status (plus EC2 instances SSM does not list): a donut, and a legend whose entries are the links.
 * The legend and the total show at once; the donut's code loads after the page.
 */
export function PingChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  // "SSM unknown" exists only while a region's SSM cannot be read: not listed at zero.
  const data: PingDatum[] = PING_STATUSES.filter((p) => p !== 'Unknown' || s.byPing.Unknown > 0).map((p) => ({ key: p, name: PING_TEXT[p].label, value: s.byPing[p], href: hrefOf(p), color: PING_COLOR[p] }));
  const total = data.reduce((n, d) => n + d.value, 0);
  return (
    <ChartCard title="Nodes by status" subtitle="SSM ping status of every node, and EC2 instances SSM does not list" caveats={caveats} testId="chart-ping">
      <div className="flex flex-col items-center gap-3 sm:flex-row lg:flex-col xl:flex-row">
        <div className="relative h-36 w-36 shrink-0">
          <LazyPlot skeleton={<DonutSkeleton />} render={(p) => <p.PingDonut data={data} />} />
          <div className="pointer-events-none absolute inset-0 grid place-items-center text-center">
            <div>
              <div className="text-lg font-semibold tabular-nums">{formatNumber(total)}</div>
              <div className="text-[11px] text-slate-500">nodes</div>
            </div>
          </div>
        </div>
        <ul className="w-full min-w-0 space-y-0.5 text-sm">
          {data.map((d) => (
            <li key={d.key}>
              <Link href={d.href} data-testid={`ping-segment-${d.key}`} className="group flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
                <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: d.color }} />
                <span className="min-w-0 flex-1 truncate text-slate-700 group-hover:text-sky-700" title={PING_TEXT[d.key].hint}>{d.name}</span>
                <span data-testid="segment-count" className="tabular-nums font-medium">{formatNumber(d.value)}</span>
                <span className="w-12 text-right text-xs tabular-nums text-slate-500">{percent(d.value, total)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}
