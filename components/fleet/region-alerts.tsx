'use client';
import type { RegionStatus } from '@/lib/contracts/node';
import { Banner } from '@/components/ui/banner';
import { formatAge } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { scopeLabel } from '@/lib/contracts/scope-label';

/** What failed, region by region; everything else on the page keeps showing what still works. */
export function RegionAlerts({ regions }: { regions: RegionStatus[] }) {
  const now = useNow(10_000);
  const bad = regions.filter((r) => r.errors.length > 0 && !(r.restored && r.errors[0]?.code === 'NotReadYet'));
  const restored = regions.filter((r) => r.restored && r.ok);
  const notYet = regions.filter((r) => r.restored && r.errors[0]?.code === 'NotReadYet');
  if (!bad.length && !restored.length && !notYet.length) return null;
  const oldest = restored.map((r) => r.fetchedAt).filter((t): t is string => !!t).sort()[0] ?? null;
  return (
    <div className="space-y-2" data-testid="region-alerts">
      {(restored.length > 0 || notYet.length > 0) && (
        <div data-testid="restored-banner" suppressHydrationWarning>
          <Banner kind="info" title={`Showing the fleet as saved before the dashboard restarted${oldest ? `, read ${formatAge(oldest, now)}` : ''}: refreshing from AWS now`}>
            {restored.length > 0 && <>Saved: {restored.map((r) => `${scopeLabel(r)} (${r.nodes} nodes)`).join(', ')}. </>}
            {notYet.length > 0 && <>Not saved, reading now: {notYet.map(scopeLabel).join(', ')}. </>}
            Actions wait for the fresh read.
          </Banner>
        </div>
      )}
      {bad.map((r) => (
        <Banner
          key={`${r.account}/${r.region}`}
          kind={r.ok ? 'warning' : 'error'}
          title={
            r.ok
              ? `${scopeLabel(r)}: some data is unavailable`
              : r.ec2Only
                ? `${scopeLabel(r)}: Systems Manager could not be read — showing its ${r.nodes} EC2 instances with SSM status unknown`
                : r.nodes > 0
                  ? `${scopeLabel(r)}: could not refresh — showing ${r.nodes} nodes from ${formatAge(r.fetchedAt, now)}${r.restored ? ' (saved before the restart)' : ''}`
                  : `${scopeLabel(r)}: could not list nodes`
          }
        >
          <ul className="list-disc pl-5">
            {r.errors.map((e) => (
              <li key={e.source}>
                <span className="font-mono text-xs">{e.source}</span> failed: <span className="font-medium">{e.code}</span> — {e.message}
              </li>
            ))}
          </ul>
        </Banner>
      ))}
    </div>
  );
}
