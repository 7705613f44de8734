'use client';
import Link from 'next/link';
import { LaunchButton } from '@/components/runs/launch-button';
import { updateAgentSpec } from '@/components/runs/presets';
import { nodesHref } from '@/lib/contracts/node-view';
import type { Folded, OverviewSummary } from '@/lib/contracts/summary';
import { formatNumber, percent } from '@/lib/format';
import { BarList, type Segment } from './bar-list';
import type { Caveat } from './caveats';
import { ChartCard, ChartNote } from './chart-card';
import { C } from './colors';

/** Links to managed nodes only: SSM reports platform and agent for them; EC2's PlatformDetails of unmanaged ones differ. */
const MANAGED = ['Online', 'ConnectionLost', 'Inactive'] as const;
const shortName = (name: string) => name.replace(/^Microsoft /, '');

/** "+ 3 more (41 nodes) · all, grouped": what a top-N list left out, never silently. */
export function FoldedNote({ other, what, href }: { other: Folded | null; what: string; href: string }) {
  if (!other) return null;
  return (
    <ChartNote>
      + {formatNumber(other.values)} more {what} ({formatNumber(other.count)} nodes) not shown ·{' '}
      <Link className="text-sky-700 hover:underline" href={href}>see all, grouped</Link>
    </ChartNote>
  );
}

export function PlatformChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.byPlatform.map((p) => ({
    key: p.name, label: shortName(p.name), value: p.count, color: C.info, hint: percent(p.count, s.managed),
    href: nodesHref({ platform: [p.name], ping: [...MANAGED] }),
  }));
  return (
    <ChartCard title="Managed nodes by platform" subtitle={`${formatNumber(s.managed)} managed nodes`} caveats={caveats} testId="chart-platform">
      <BarList segments={segments} testId="platforms" />
    </ChartCard>
  );
}

export function OsChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.byOs.items.map((o) => ({
    key: o.os, label: shortName(o.os), value: o.count, color: '#6366f1', hint: percent(o.count, s.managed),
    href: nodesHref({ os: [o.os], ping: [...MANAGED] }),
  }));
  return (
    <ChartCard title="Managed nodes by OS version" subtitle="Platform name and version as SSM reports them" caveats={caveats} testId="chart-os">
      <BarList segments={segments} />
      <FoldedNote other={s.byOs.other} what="OS versions" href={nodesHref({ ping: [...MANAGED], group: 'platform' })} />
      {s.byOs.unknown > 0 && <ChartNote>{formatNumber(s.byOs.unknown)} managed nodes report no platform.</ChartNote>}
    </ChartCard>
  );
}

export function AgentChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const { items, other, unknown } = s.agentVersions;
  const segments: Segment[] = items.map((v) => ({
    key: v.version,
    label: `${v.version}${v.latest ? ' (latest)' : v.latest === false ? '' : ' (not reported)'}`,
    value: v.count,
    color: v.latest ? C.good : v.latest === false ? C.warn : C.neutral,
    hint: percent(v.count, s.managed),
    href: nodesHref({ agentv: [v.version], ping: [...MANAGED] }),
  }));
  const outdated = s.agents.outdated;
  return (
    <ChartCard
      title="SSM Agent versions"
      subtitle={
        <>
          <Link href={nodesHref({ agent: ['outdated'], sort: 'agent' })} className="font-medium text-amber-800 hover:underline" data-testid="agent-outdated-share">
            {formatNumber(outdated)} outdated ({percent(outdated, s.managed)} of managed nodes)
          </Link>
          {' · '}green: latest, amber: outdated
        </>
      }
      caveats={caveats}
      testId="chart-agent"
      actions={
        outdated > 0 && (
          <LaunchButton testId="update-agents" spec={() => updateAgentSpec(`Update the SSM Agent on ${formatNumber(outdated)} nodes`, { mode: 'view', query: 'agent=outdated' })} className="rounded border border-amber-400 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-100">
            Update SSM Agent…
          </LaunchButton>
        )
      }
    >
      <BarList segments={segments} />
      <FoldedNote other={other} what="versions" href={nodesHref({ ping: [...MANAGED], group: 'agent', sort: 'agent' })} />
      {unknown > 0 && <ChartNote>{formatNumber(unknown)} managed nodes report no agent version.</ChartNote>}
    </ChartCard>
  );
}
