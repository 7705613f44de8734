'use client';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CauseGroup, FleetDiagnosis } from '@/lib/contracts/diagnosis';
import { STEP_TITLES } from '@/lib/contracts/diagnosis';
import type { NodeRow } from '@/lib/contracts/node';
import { diagnosisKeys, fleetDiagnosisQuery, recheckFleet } from '@/lib/query/diagnosis';
import { fleetQuery } from '@/lib/query/fleet';
import { Banner } from '@/components/ui/banner';
import { Badge } from '@/components/ui/badge';
import { FixBlock } from '@/components/diagnosis/cause-view';
import { useNow } from '@/components/use-now';
import { formatAge, formatNumber } from '@/lib/format';
import { GroupNodes, type NamedNode } from './group-nodes';

const BUTTON = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';

/** The unmanaged and disconnected nodes by top cause: one line per cause and VPC (or region), with its fix. */
export function DiagnosisView() {
  const qc = useQueryClient();
  const q = useQuery(fleetDiagnosisQuery());
  const fleet = useQuery(fleetQuery());
  const recheck = useMutation({ mutationFn: recheckFleet, onSuccess: (d) => qc.setQueryData(diagnosisKeys.fleet(), d) });
  const now = useNow(10_000);
  const byId = useMemo(() => new Map((fleet.data?.nodes ?? []).map((n) => [n.id, n])), [fleet.data]);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Why are these nodes not managed?</h1>
          <p className="text-sm text-slate-600">
            Every node that is not Online (not in SSM, connection lost, inactive, stopped), checked read-only: EC2 state, instance profile and role, network path to
            Systems Manager, agent, hybrid activation. Grouped by the likeliest cause.
          </p>
        </div>
        <div className="flex items-center gap-2 text-xs text-slate-600">
          {q.data && <span suppressHydrationWarning>checked {formatAge(q.data.checkedAt, now)} · {formatNumber(q.data.calls.total)} AWS calls · {formatNumber(q.data.durationMs)} ms</span>}
          <button type="button" className={BUTTON} disabled={recheck.isPending} onClick={() => recheck.mutate()}>{recheck.isPending ? 'Checking…' : 'Re-check'}</button>
        </div>
      </header>
      {q.isPending && <p className="text-sm text-slate-500">Diagnosing every node that is not Online…</p>}
      {q.isError && <Banner kind="error" title="The diagnosis could not run">{q.error.message}</Banner>}
      {recheck.isError && <Banner kind="error" title="The re-check failed">{recheck.error.message}</Banner>}
      {q.data && <Body d={q.data} byId={byId} />}
    </div>
  );
}

function Body({ d, byId }: { d: FleetDiagnosis; byId: Map<string, NodeRow> }) {
  const named = (ids: string[], note?: (id: string) => string | undefined): NamedNode[] => ids.map((id) => ({ id, row: byId.get(id) ?? null, note: note?.(id) }));
  const grouped = d.groups.reduce((n, g) => n + g.count, 0);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="diagnosis-summary">
        <Figure label="Not Online" value={d.considered} />
        <Figure label="Explained" value={grouped} tone="text-red-700" />
        <Figure label="No cause found" value={d.noCause.count} />
        <Figure label="Checks incomplete" value={d.incomplete.length} tone={d.incomplete.length ? 'text-violet-700' : undefined} />
        <Figure label="Not diagnosed" value={d.notDiagnosed.length} tone={d.notDiagnosed.length ? 'text-amber-700' : undefined} />
      </dl>
      {d.missingPermissions.length > 0 && (
        <Banner kind="warning" title="Some checks could not run: the dashboard lacks permissions">
          Missing: <span className="font-mono">{d.missingPermissions.join(', ')}</span>. Nodes whose checks could not all run are listed below; an unchecked step is never
          counted as a cause. Grant these read permissions (README, IAM section) and re-check.
        </Banner>
      )}
      {d.notDiagnosed.length > 0 && (
        <Banner kind="warning" title={`${formatNumber(d.notDiagnosed.length)} nodes not diagnosed: Systems Manager could not be read in their region`}>
          {[...new Set(d.notDiagnosed.map((n) => n.region))].join(', ')}: whether they are managed is not known until SSM answers.
        </Banner>
      )}
      {d.considered === 0 && <Banner kind="info" title="Every node is Online">Nothing to diagnose.</Banner>}
      <section className="space-y-2" aria-label="Causes">
        {d.groups.map((g) => <GroupCard key={g.key} g={g} nodes={named(g.nodeIds)} />)}
      </section>
      {d.noCause.count > 0 && (
        <Collapsible title={`No cause found for ${formatNumber(d.noCause.count)} node${d.noCause.count === 1 ? '' : 's'}`} testId="no-cause">
          <p className="mb-2 text-sm text-slate-600">Every check passed for these; open a node to see what was checked, or re-check later.</p>
          <GroupNodes nodes={named(d.noCause.nodeIds)} testId="no-cause-nodes" />
        </Collapsible>
      )}
      {d.incomplete.length > 0 && (
        <Collapsible title={`Checks incomplete for ${formatNumber(d.incomplete.length)} node${d.incomplete.length === 1 ? '' : 's'}`} testId="incomplete">
          <GroupNodes
            withNote
            testId="incomplete-nodes"
            nodes={d.incomplete.map((n) => ({
              id: n.nodeId,
              row: byId.get(n.nodeId) ?? null,
              note: n.error ?? `not checked: ${n.unchecked.map((s) => STEP_TITLES[s]).join(', ')}${n.missingPermissions.length ? ` (needs ${n.missingPermissions.join(', ')})` : ''}`,
            }))}
          />
        </Collapsible>
      )}
    </>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-2xl font-semibold tabular-nums ${tone ?? 'text-slate-900'}`}>{formatNumber(value)}</dd>
    </div>
  );
}

function GroupCard({ g, nodes }: { g: CauseGroup; nodes: NamedNode[] }) {
  const [open, setOpen] = useState(false);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="cause-group" data-code={g.code}>
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone="red">{g.label}</Badge>
        <h2 className="min-w-0 flex-1 font-semibold text-slate-900">{g.sentence}</h2>
        <span className="text-xs text-slate-500">{STEP_TITLES[g.step]}</span>
      </header>
      <div className="mt-2">
        <FixBlock fix={g.fix} />
      </div>
      <button type="button" className="mt-2 text-sm text-sky-700 hover:underline" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide' : 'Show'} the {formatNumber(g.count)} node{g.count === 1 ? '' : 's'}
      </button>
      {open && (
        <div className="mt-2">
          <GroupNodes nodes={nodes} testId={`group-nodes-${g.key}`} />
        </div>
      )}
    </article>
  );
}

function Collapsible({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId}>
      <summary className="cursor-pointer font-medium text-slate-800">{title}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
