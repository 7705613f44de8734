'use client';
import type { RegionStatus } from '@/lib/contracts/node';
import { useNow } from '@/components/use-now';
import { regionCaveats } from './incomplete';

/** Above a page's figures: they are incomplete, and why (failed regions, denied permissions). Nothing when complete. */
export function IncompleteBanner({ regions, sources, what = 'These figures' }: { regions: RegionStatus[]; sources: readonly string[]; what?: string }) {
  const now = useNow(10_000);
  const caveats = regionCaveats(regions, sources, now);
  if (!caveats.length) return null;
  const failed = [...new Set(caveats.map((c) => c.region))];
  return (
    <div role="status" data-testid="incomplete-banner" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-semibold">{what} are incomplete: {failed.join(', ')} could not be read in full</p>
      <ul className="mt-0.5 list-disc pl-5">
        {caveats.map((c) => (
          // Texts may hold an age ("from 5s ago"), a little older in the browser than on the server.
          <li key={c.text} suppressHydrationWarning>
            {c.text}{c.detail ? <span className="text-amber-800"> — {c.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
