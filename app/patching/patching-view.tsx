'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { complianceQuery, patchConfigQuery } from '@/lib/query/actions';
import type { ComplianceSummary, GroupCompliance } from '@/lib/contracts/patching';
import type { RunTargets } from '@/lib/contracts/run-request';
import { formatNumber, percent } from '@/lib/format';
import { nodesHref } from '@/lib/contracts/node-view';
import { Stat } from '@/components/ui/stat';
import { Banner } from '@/components/ui/banner';
import { useAutoRefresh, fleetRefetchInterval } from '@/components/fleet/use-auto-refresh';
import { RunLauncher } from '@/components/runs/run-launcher';
import { IncompleteBanner } from '@/components/fleet/incomplete-banner';
import { PATCH_SOURCES } from '@/components/fleet/incomplete';
import { patchSpec } from '@/components/runs/presets';
import { PatchConfigSections } from './patch-config-sections';

export function PatchingView() {
  const [auto] = useAutoRefresh();
  const q = useQuery({ ...complianceQuery(), refetchInterval: (query) => fleetRefetchInterval(auto, query.state.data?.regions) });
  const [dialog, setDialog] = useState<{ targets: RunTargets; title: string } | null>(null);
  const config = useQuery(patchConfigQuery());
  const names = new Map((config.data?.regions ?? []).flatMap((r) => r.baselines.map((b) => [b.id, b.name] as const)));
  const baselineName = (id: string | null | undefined) => (id ? (names.get(id) ?? id.split('/').pop()!) : '—');
  if (q.isPending) return <p className="text-sm text-slate-500">Loading compliance…</p>;
  if (q.isError) return <Banner kind="error" title="Could not load compliance">{q.error.message}</Banner>;
  const s = q.data;
  const patchGroup = (g: string) => setDialog({ targets: { mode: 'patchGroup', patchGroup: g }, title: `Patch group ${g}` });
  const account = (id: string) => setDialog({ targets: { mode: 'view', query: `acct=${id}` }, title: `account ${s.byAccount.find((a) => a.key === id)?.label ?? id}` });
  const env = (e: string) => setDialog({ targets: { mode: 'tags', tags: [{ key: 'Environment', values: [e] }] }, title: `Environment=${e}` });
  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <div>
        <h1 className="text-lg font-semibold">Patch compliance</h1>
        <p className="text-sm text-slate-600">{formatNumber(s.managed)} managed nodes · every figure opens the matching nodes</p>
      </div>
      <IncompleteBanner regions={s.regions} sources={PATCH_SOURCES} what="Patch figures" />
      <Summary s={s} />
      {s.byAccount.length > 0 && (
        <GroupTable title="By account" rows={s.byAccount} label={(k) => s.byAccount.find((a) => a.key === k)?.label ?? k} link={(k) => nodesHref({ acct: [k] })} onPatch={account} />
      )}
      <div className="grid gap-5 xl:grid-cols-[3fr_2fr]">
        <GroupTable title="By patch group" rows={s.byPatchGroup} link={(k) => nodesHref({ pgroup: [k] })} onPatch={patchGroup} baselineName={baselineName} />
        <GroupTable title="By environment" rows={s.byEnvironment} link={(k) => nodesHref({ tag: [{ key: 'Environment', value: k, negate: false }] })} onPatch={env} />
      </div>
      <PatchConfigSections />
      {dialog && <RunLauncher spec={patchSpec(`Patch run: ${dialog.title}`, dialog.targets)} onClose={() => setDialog(null)} />}
    </div>
  );
}

const patches = (n: number) => `${formatNumber(n)} patch${n === 1 ? '' : 'es'}`;

function Summary({ s }: { s: ComplianceSummary }) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        <Stat testId="pc-compliant" label="Compliant" accent="green" value={percent(s.compliant, s.scanned)} hint={`${formatNumber(s.compliant)} of ${formatNumber(s.scanned)} scanned`} href={nodesHref({ patch: ['compliant'] })} />
        <Stat testId="pc-noncompliant" label="Noncompliant" accent={s.noncompliant ? 'red' : 'none'} value={formatNumber(s.noncompliant)} hint="nodes" href={nodesHref({ patch: ['noncompliant'], sort: 'patch', dir: 'desc' })} />
        <Stat testId="pc-missing" label="Missing" accent={s.reasons.missing.nodes ? 'amber' : 'none'} value={formatNumber(s.reasons.missing.nodes)} hint={patches(s.reasons.missing.patches)} href={nodesHref({ patch: ['missing'], sort: 'patch', dir: 'desc' })} />
        <Stat testId="pc-failed" label="Failed" accent={s.reasons.failed.nodes ? 'red' : 'none'} value={formatNumber(s.reasons.failed.nodes)} hint={patches(s.reasons.failed.patches)} href={nodesHref({ patch: ['failed'] })} />
        <Stat testId="pc-pending-reboot" label="Installed, pending reboot" accent={s.reasons.pendingReboot.nodes ? 'amber' : 'none'} value={formatNumber(s.reasons.pendingReboot.nodes)} hint={patches(s.reasons.pendingReboot.patches)} href={nodesHref({ patch: ['pendingReboot'] })} />
        <Stat testId="pc-rejected" label="Rejected, installed" accent={s.reasons.rejected.nodes ? 'amber' : 'none'} value={formatNumber(s.reasons.rejected.nodes)} hint={patches(s.reasons.rejected.patches)} href={nodesHref({ patch: ['rejected'] })} />
        <Stat testId="pc-stale" label="Scan > 7 days old" accent={s.scanAge.older ? 'amber' : 'none'} value={formatNumber(s.scanAge.older)} hint={`${formatNumber(s.scanAge.lastDay)} scanned in 24 h`} href={nodesHref({ patch: ['staleScan'], sort: 'scannedAt' })} />
        <Stat testId="pc-never" label="Never scanned" accent={s.scanAge.never ? 'gray' : 'none'} value={formatNumber(s.scanAge.never)} hint="nodes" href={nodesHref({ patch: ['notScanned'] })} />
      </div>
      <div className="grid grid-cols-3 gap-3">
        <Stat testId="pc-critical" label="Critical missing" accent={s.severity.critical.nodes ? 'red' : 'none'} value={formatNumber(s.severity.critical.nodes)} hint={`nodes · ${formatNumber(s.severity.critical.patches)} patches`} href={nodesHref({ patch: ['critical'], sort: 'critical', dir: 'desc' })} />
        <Stat testId="pc-security" label="Security missing" accent={s.severity.security.nodes ? 'amber' : 'none'} value={formatNumber(s.severity.security.nodes)} hint={`nodes · ${formatNumber(s.severity.security.patches)} patches`} href={nodesHref({ patch: ['security'] })} />
        <Stat testId="pc-other" label="Other missing" value={formatNumber(s.severity.other.nodes)} hint={`nodes · ${formatNumber(s.severity.other.patches)} patches`} href={nodesHref({ patch: ['other'] })} />
      </div>
    </>
  );
}

function GroupTable({ title, rows, link, onPatch, baselineName, label = (k) => k }: { title: string; rows: GroupCompliance[]; link: (k: string) => string; onPatch: (k: string) => void; baselineName?: (id: string | null | undefined) => string; label?: (k: string) => string }) {
  const showBaseline = !!baselineName;
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{title}</h2>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid={`group-table-${title}`}>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="px-3 py-2">Group</th><th className="px-3 py-2">Compliance</th><th className="px-3 py-2 text-right">Noncompliant</th><th className="px-3 py-2 text-right">Not scanned</th>{showBaseline && <th className="px-3 py-2">Baseline</th>}<th /></tr>
        </thead>
        <tbody>
          {rows.map((g) => {
            const scanned = g.compliant + g.noncompliant;
            return (
              <tr key={g.key} className="border-t border-slate-100">
                <td className="px-3 py-1.5 whitespace-nowrap"><Link className="text-sky-700 hover:underline" href={link(g.key)}>{label(g.key)}</Link> <span className="text-xs text-slate-500">{g.nodes}</span></td>
                <td className="px-3 py-1.5">
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-24 overflow-hidden rounded bg-red-400"><div className="h-2 bg-emerald-500" style={{ width: `${scanned ? (g.compliant / scanned) * 100 : 0}%` }} /></div>
                    <span className="tabular-nums text-xs">{percent(g.compliant, scanned)}</span>
                  </div>
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{g.noncompliant}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{g.notScanned}</td>
                {baselineName && <td className="px-3 py-1.5 text-xs text-slate-600" title={g.baselineId ?? undefined}>{baselineName(g.baselineId)}</td>}
                <td className="px-3 py-1.5 text-right">
                  {g.key !== '(none)' && <button type="button" onClick={() => onPatch(g.key)} className="text-xs text-sky-700 hover:underline">Patch…</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
