'use client';
import { useQuery } from '@tanstack/react-query';
import { patchConfigQuery } from '@/lib/query/actions';
import { formatDateTime, formatUntil } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { Badge } from '@/components/ui/badge';
import type { BaselineDto, RegionPatchConfig } from '@/lib/contracts/patching';

type SharedBaseline = BaselineDto & { key: string; regions: string[] };

/** The same baseline (name and OS) usually exists in every region: show it once, with its regions. */
function dedupe(regions: RegionPatchConfig[]): SharedBaseline[] {
  const by = new Map<string, SharedBaseline>();
  for (const r of regions) {
    for (const b of r.baselines) {
      const key = `${b.name}|${b.operatingSystem}`;
      const seen = by.get(key);
      if (seen) {
        seen.regions.push(r.region);
        seen.patchGroups = [...new Set([...seen.patchGroups, ...b.patchGroups])];
        seen.isDefault ||= b.isDefault;
      } else by.set(key, { ...b, key, regions: [r.region] });
    }
  }
  return [...by.values()].sort((a, b) => Number(b.patchGroups.length > 0) - Number(a.patchGroups.length > 0) || a.name.localeCompare(b.name));
}

function BaselineCard({ b }: { b: SharedBaseline }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <header className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{b.name}</span>
        <Badge tone={b.owner === 'AWS' ? 'gray' : 'blue'}>{b.owner === 'AWS' ? 'AWS predefined' : 'custom'}</Badge>
        {b.isDefault && <Badge tone="green">default for {b.operatingSystem}</Badge>}
        <span className="ml-auto text-xs text-slate-500">{b.operatingSystem} · {b.regions.join(', ')}</span>
      </header>
      {b.description && <p className="mt-0.5 text-xs text-slate-600">{b.description}</p>}
      {b.patchGroups.length > 0 && <p className="mt-1 flex flex-wrap gap-1 text-xs">Patch groups: {b.patchGroups.map((g) => <Badge key={g} tone="violet">{g}</Badge>)}</p>}
      {b.rules && (
        <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
          {b.rules.map((rule, i) => (
            <li key={i}>
              {rule.filters || 'all patches'} → {rule.approveUntilDate ? `approved until ${rule.approveUntilDate}` : `approved after ${rule.approveAfterDays ?? 0} days`}
              {rule.complianceLevel && rule.complianceLevel !== 'UNSPECIFIED' ? `, compliance ${rule.complianceLevel}` : ''}
            </li>
          ))}
          {b.rules.length === 0 && <li>no approval rules</li>}
        </ul>
      )}
      {b.rules && <p className="mt-1 text-xs text-slate-500">{b.approvedPatches} explicitly approved · {b.rejectedPatches} rejected ({b.rejectedPatchesAction === 'BLOCK' ? 'blocked' : 'allowed as dependency'})</p>}
    </article>
  );
}

/** Baselines with their approval rules, which patch group uses which, and the maintenance windows coming up. */
export function PatchConfigSections() {
  const q = useQuery(patchConfigQuery());
  const now = useNow(60_000);
  if (q.isPending) return <p className="text-sm text-slate-500">Loading baselines and maintenance windows…</p>;
  if (q.isError) return <Banner kind="error" title="Baselines unavailable">{q.error.message}</Banner>;
  const regions = q.data.regions;
  const windows = regions
    .flatMap((r) => r.windows.map((w) => ({ ...w, region: r.region })))
    .sort((a, b) => Number(b.enabled) - Number(a.enabled) || (a.nextExecutionTime ?? '~').localeCompare(b.nextExecutionTime ?? '~'));
  const baselines = dedupe(regions);
  const own = baselines.filter((b) => b.owner === 'Self');
  const predefined = baselines.filter((b) => b.owner === 'AWS');
  return (
    <>
      {regions.flatMap((r) => r.errors.map((e) => (
        <Banner key={`${r.region}${e.source}`} kind="warning" title={`${r.region}: ${e.source} failed`}>{e.code}: {e.message}</Banner>
      )))}
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Maintenance windows</h2>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm" data-testid="maintenance-windows">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">Window</th><th className="px-3 py-2">Region</th><th className="px-3 py-2">Schedule</th><th className="px-3 py-2">Duration / cutoff</th><th className="px-3 py-2">Next run</th></tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.id} className={`border-t border-slate-100 ${w.enabled ? '' : 'text-slate-500'}`}>
                <td className="px-3 py-1.5"><span className="font-medium">{w.name}</span> {!w.enabled && <Badge tone="gray">disabled</Badge>}<div className="font-mono text-xs text-slate-500">{w.id}</div></td>
                <td className="px-3 py-1.5">{w.region}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{w.schedule}{w.timezone ? ` (${w.timezone})` : ''}</td>
                <td className="px-3 py-1.5">{w.durationHours ?? '—'} h / {w.cutoffHours ?? '—'} h</td>
                <td className="px-3 py-1.5">{w.enabled && w.nextExecutionTime ? <span title={w.nextExecutionTime}>{formatDateTime(w.nextExecutionTime)} <span className="text-xs text-slate-500">({formatUntil(w.nextExecutionTime, now)})</span></span> : '—'}</td>
              </tr>
            ))}
            {windows.length === 0 && <tr><td colSpan={5} className="px-3 py-4 text-center text-slate-500">No maintenance windows.</td></tr>}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Patch baselines</h2>
        <div className="grid gap-3 lg:grid-cols-2" data-testid="baselines">
          {own.map((b) => <BaselineCard key={b.key} b={b} />)}
        </div>
        {predefined.length > 0 && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm text-slate-700">AWS predefined baselines in use or set as default ({predefined.length})</summary>
            <div className="mt-2 grid gap-3 lg:grid-cols-2">{predefined.map((b) => <BaselineCard key={b.key} b={b} />)}</div>
          </details>
        )}
      </section>
    </>
  );
}
