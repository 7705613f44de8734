'use client';
import type { RegionStatus } from '@/lib/contracts/node';
import { Banner } from '@/components/ui/banner';
import { formatAge } from '@/lib/format';
import { useNow } from '@/components/use-now';

/** What failed, region by region; everything else on the page keeps showing what still works. */
export function RegionAlerts({ regions }: { regions: RegionStatus[] }) {
  const now = useNow(10_000);
  const bad = regions.filter((r) => r.errors.length > 0);
  if (!bad.length) return null;
  return (
    <div className="space-y-2" data-testid="region-alerts">
      {bad.map((r) => (
        <Banner
          key={r.region}
          kind={r.ok ? 'warning' : 'error'}
          title={
            r.ok
              ? `${r.region}: some data is unavailable`
              : r.nodes > 0
                ? `${r.region}: could not refresh — showing ${r.nodes} nodes from ${formatAge(r.fetchedAt, now)}`
                : `${r.region}: could not list nodes`
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
