'use client';
import Link from 'next/link';
import { AccountGrid } from '@/components/fleet/account-grid';
import { Suspense } from 'react';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { overviewQuery } from '@/lib/query/fleet';
import { fetchJson } from '@/lib/query/fetch-json';
import { fleetKeys } from '@/lib/query/keys';
import type { OverviewSummary } from '@/lib/contracts/summary';
import { nodesHref } from '@/lib/contracts/node-view';
import { formatNumber, percent, formatAge } from '@/lib/format';
import { Stat } from '@/components/ui/stat';
import { Banner } from '@/components/ui/banner';
import { RegionAlerts } from '@/components/fleet/region-alerts';
import { DataAge } from '@/components/fleet/data-age';
import { SetupHelp, setupProblem } from '@/components/fleet/setup-help';
import { useAutoRefresh, fleetRefetchInterval } from '@/components/fleet/use-auto-refresh';
import { useNow } from '@/components/use-now';
import { caveatsFor, type Caveat } from '@/components/overview/caveats';
import { IncompleteNote } from '@/components/overview/chart-card';
import { PingChart } from '@/components/overview/ping-chart';
import { AgentChart, OsChart, PlatformChart } from '@/components/overview/node-charts';
import { PatchMatrix } from '@/components/overview/patch-matrix';
import { OpsOpenChart, OpsPerDayChart, OpsStatusChart } from '@/components/overview/ops-charts';
import { AmiAgeChart, AmiTopChart } from '@/components/overview/ami-charts';
import { HistoryTrends } from '@/components/overview/history-trends';

/** While the server is still reading AMIs or the OpsItem history for the first time, ask again soon. */
const PENDING_REFETCH_MS = 3_000;

export function OverviewView() {
  const qc = useQueryClient();
  const [auto, setAuto] = useAutoRefresh();
  const q = useQuery({ ...overviewQuery(), refetchInterval: (query) => (query.state.data?.pending ? PENDING_REFETCH_MS : fleetRefetchInterval(auto, query.state.data?.regions)) });
  const refresh = useMutation({
    mutationFn: () => fetchJson<OverviewSummary>('/api/overview?refresh=1'),
    onSuccess: (data) => {
      qc.setQueryData(fleetKeys.overview(), data);
      void qc.invalidateQueries({ queryKey: fleetKeys.nodes() });
    },
  });
  const now = useNow(10_000);

  if (q.isPending) return <p className="text-sm text-slate-500">Loading the fleet…</p>;
  if (q.isError) return <Banner kind="error" title="Could not load the fleet">{q.error.message}</Banner>;
  const s = q.data;
  const problem = setupProblem(s.regions);
  if (problem) return <SetupHelp {...problem} />;
  const cav = (id: Parameters<typeof caveatsFor>[1]) => caveatsFor(s, id, now);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold">Fleet overview</h1>
          <p className="text-sm text-slate-600">
            {formatNumber(s.managed)} managed nodes in {placesOf(s.regions)}
          </p>
        </div>
        <AgeIsland>
          <DataAge generatedAt={s.generatedAt} refreshing={refresh.isPending} onRefresh={() => refresh.mutate()} auto={auto} onAutoChange={setAuto} />
        </AgeIsland>
      </div>
      {refresh.isError && <Banner kind="error" title="Refresh failed">{refresh.error.message}</Banner>}
      <AgeIsland>
        <RegionAlerts regions={s.regions} />
      </AgeIsland>
      {/* Many accounts: where each account and region stands comes first. */}
      {s.regions.some((r) => r.account) && <Regions s={s} />}
      <Connectivity s={s} caveats={cav('ping')} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <PingChart s={s} caveats={cav('ping')} />
        <PlatformChart s={s} caveats={cav('nodes')} />
        <OsChart s={s} caveats={cav('nodes')} />
      </div>
      <Patching s={s} caveats={cav('patch')} />
      <Section title="SSM Agents and AMIs">
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          <AgentChart s={s} caveats={cav('nodes')} />
          <AmiAgeChart s={s} caveats={cav('ami')} />
          <AmiTopChart s={s} caveats={cav('ami')} />
        </div>
      </Section>
      <Section title="OpsItems">
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <OpsOpenChart s={s} caveats={cav('opsOpen')} />
          <OpsStatusChart s={s} caveats={cav('opsHistory')} />
          <div className="min-w-0 md:col-span-2">
            <OpsPerDayChart s={s} caveats={cav('opsHistory')} />
          </div>
        </div>
      </Section>
      <HistoryTrends />
      {!s.regions.some((r) => r.account) && <Regions s={s} />}
    </div>
  );
}

/**
 * Around parts that print an age ("Updated 12s ago"): the browser hydrates a second or two after the server rendered, so
 * the text differs, and React then renders again in the browser up to the nearest Suspense boundary. Without one, that
 * is the whole page: its DOM is replaced after it showed (work thrown away, and elements already found are detached).
 */
function AgeIsland({ children }: { children: React.ReactNode }) {
  return <Suspense>{children}</Suspense>;
}

function Section({ title, caveats = [], children }: { title: string; caveats?: Caveat[]; children: React.ReactNode }) {
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{title}</h2>
      <IncompleteNote caveats={caveats} />
      {children}
    </section>
  );
}

const MANAGED = ['Online', 'ConnectionLost', 'Inactive'] as const;

function Connectivity({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  return (
    <Section title="Connectivity" caveats={caveats}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <Stat testId="stat-managed" label="Managed nodes" value={formatNumber(s.managed)} href={nodesHref({ ping: [...MANAGED] })} />
        <Stat testId="stat-online" label="Online" accent="green" value={formatNumber(s.byPing.Online)} hint={percent(s.byPing.Online, s.managed)} href={nodesHref({ ping: ['Online'] })} />
        <Stat testId="stat-connection-lost" label="Connection lost" accent={s.byPing.ConnectionLost ? 'amber' : 'none'} value={formatNumber(s.byPing.ConnectionLost)} hint="agent stopped answering" href={nodesHref({ ping: ['ConnectionLost'], sort: 'lastPing', dir: 'desc' })} />
        <Stat testId="stat-inactive" label="Inactive" accent={s.byPing.Inactive ? 'gray' : 'none'} value={formatNumber(s.byPing.Inactive)} href={nodesHref({ ping: ['Inactive'] })} />
        <Stat testId="stat-not-managed" label="EC2 not in SSM" accent={s.byPing.NotManaged ? 'violet' : 'none'} value={formatNumber(s.byPing.NotManaged)} hint="running, never registered" href={nodesHref({ ping: ['NotManaged'] })} />
        <Stat testId="stat-not-running" label="EC2 not running" accent="none" value={formatNumber(s.byPing.NotRunning)} hint="stopped or terminated" href={nodesHref({ ping: ['NotRunning'] })} />
        <Stat testId="stat-outdated-agents" label="Outdated SSM agents" accent={s.agents.outdated ? 'amber' : 'none'} value={formatNumber(s.agents.outdated)} hint={`${percent(s.agents.outdated, s.managed)} of nodes`} href={nodesHref({ agent: ['outdated'], sort: 'agent' })} />
      </div>
    </Section>
  );
}

function Patching({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const p = s.patch;
  const scanned = p.compliant + p.noncompliant;
  const total = scanned + p.notScanned + p.unknown;
  const seg = (n: number, color: string, label: string) =>
    n > 0 && <div className={color} style={{ width: `${(n / Math.max(total, 1)) * 100}%` }} title={`${label}: ${n}`} />;
  return (
    <Section title="Patch compliance" caveats={caveats}>
      <div className="grid gap-3 lg:grid-cols-[minmax(260px,1fr)_3fr]">
        <Link href={nodesHref({ patch: ['noncompliant'] })} data-testid="stat-compliance" className="block rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-sky-400">
          <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Compliant</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums">{percent(p.compliant, scanned)}</div>
          <div className="text-xs text-slate-500">
            {formatNumber(p.compliant)} of {formatNumber(scanned)} scanned nodes · {formatNumber(p.noncompliant)} noncompliant
          </div>
          <div className="mt-2 flex h-2.5 overflow-hidden rounded bg-slate-100">
            {seg(p.compliant, 'bg-emerald-500', 'Compliant')}
            {seg(p.noncompliant, 'bg-red-500', 'Noncompliant')}
            {seg(p.notScanned, 'bg-slate-400', 'Not scanned')}
            {seg(p.unknown, 'bg-slate-200', 'Unknown')}
          </div>
        </Link>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Stat testId="stat-missing" label="Missing patches" accent={p.missing ? 'amber' : 'none'} value={formatNumber(p.missing)} hint="nodes" href={nodesHref({ patch: ['missing'], sort: 'patch', dir: 'desc' })} />
          <Stat testId="stat-critical" label="Critical missing" accent={p.criticalNodes ? 'red' : 'none'} value={formatNumber(p.criticalNodes)} hint="nodes" href={nodesHref({ patch: ['critical'], sort: 'critical', dir: 'desc', cols: undefined })} />
          <Stat testId="stat-failed" label="Failed installs" accent={p.failed ? 'red' : 'none'} value={formatNumber(p.failed)} hint="nodes" href={nodesHref({ patch: ['failed'] })} />
          <Stat testId="stat-pending-reboot" label="Pending reboot" accent={p.pendingReboot ? 'amber' : 'none'} value={formatNumber(p.pendingReboot)} hint="nodes" href={nodesHref({ patch: ['pendingReboot'] })} />
          <Stat testId="stat-not-scanned" label="Never scanned" accent={p.notScanned ? 'gray' : 'none'} value={formatNumber(p.notScanned)} hint="nodes" href={nodesHref({ patch: ['notScanned'] })} />
          <Stat testId="stat-stale-scan" label="Scan > 7 days old" accent={p.staleScan ? 'amber' : 'none'} value={formatNumber(p.staleScan)} hint="nodes" href={nodesHref({ patch: ['staleScan'], sort: 'scannedAt' })} />
        </div>
      </div>
      {/* The section's note above covers the matrix too. */}
      <PatchMatrix s={s} caveats={[]} className="mt-3" />
    </Section>
  );
}

function Regions({ s }: { s: OverviewSummary }) {
  const now = useNow(10_000);
  if (s.regions.some((r) => r.account)) {
    return (
      <Section title="Accounts and regions">
        <AccountGrid statuses={s.regions} now={now} />
      </Section>
    );
  }
  return (
    <Section title="Regions">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Region</th>
              <th className="px-3 py-2 text-right">Nodes</th>
              <th className="px-3 py-2 text-right">Online</th>
              <th className="px-3 py-2 text-right">Not in SSM</th>
              <th className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {s.regions.map((r) => (
              <tr key={`${r.account}/${r.region}`} className="border-t border-slate-100">
                <td className="px-3 py-1.5">
                  <Link className="text-sky-700 hover:underline" href={nodesHref({ region: [r.region] })}>{r.region}</Link>
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.nodes - r.notManaged)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.online)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.notManaged)}</td>
                <td className="px-3 py-1.5 text-xs">
                  {!r.ok ? (
                    <span className="font-medium text-red-700" suppressHydrationWarning>
                      {r.ec2Only ? 'SSM unreachable · EC2 only' : r.errors[0]?.code === 'NotReadYet' ? 'reading…' : `unreachable · data ${formatAge(r.fetchedAt, now)}`}
                    </span>
                  ) : r.restored ? (
                    <span className="font-medium text-sky-700" suppressHydrationWarning>{`saved copy · read ${formatAge(r.fetchedAt, now)} · refreshing`}</span>
                  ) : r.errors.length ? (
                    <span className="font-medium text-amber-700">partial ({r.errors.length} source{r.errors.length > 1 ? 's' : ''} failed)</span>
                  ) : (
                    <span className="text-emerald-700">OK · {r.durationMs} ms</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** "3 regions", or with many accounts "4 accounts and 5 regions". */
function placesOf(statuses: OverviewSummary['regions']): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const regions = new Set(statuses.map((r) => r.region)).size;
  const accounts = new Set(statuses.filter((r) => r.account).map((r) => r.account)).size;
  return accounts ? `${n(accounts, 'account')} and ${n(regions, 'region')}` : n(regions, 'region');
}
