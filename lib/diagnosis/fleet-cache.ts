import 'server-only';
import type { FleetDiagnosis } from '@/lib/contracts/diagnosis';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { getFleetSnapshotCache } from '@/lib/fleet/fleet';
import { diagnoseFleet } from './fleet';

/** Seconds the fleet view of causes is served before a background refresh (DIAGNOSIS_CACHE_TTL_SECONDS, default 300). */
const ttlMs = () => (Number(process.env.DIAGNOSIS_CACHE_TTL_SECONDS) || 300) * 1000;

type Entry = { fleetVersion: string | undefined; value: FleetDiagnosis };
const g = globalThis as unknown as { __fleetDiagnosis?: SwrCache<Entry>; __fleetDiagnosisReread?: boolean };

function cache(): SwrCache<Entry> {
  const c: SwrCache<Entry> = (g.__fleetDiagnosis ??= createSwrCache<Entry>({
    // Stale as soon as the fleet snapshot changed (nodes came, went or changed state): recomputed in the background
    // from the cached facts, which cost no call until they expire.
    ttlMs: () => (c.peek()?.fleetVersion !== getFleetSnapshotCache().peek()?.version ? 0 : ttlMs()),
    // The whole fleet's, for every viewer: no caller pays for its reads or is refused; forced refreshes are coalesced.
    forEveryone: true,
    load: async () => {
      const reread = g.__fleetDiagnosisReread ?? false;
      g.__fleetDiagnosisReread = false;
      const value = await diagnoseFleet({ refresh: reread });
      return { fleetVersion: getFleetSnapshotCache().peek()?.version, value };
    },
    onBackgroundError: (err) => console.error('[diagnosis] background refresh failed:', err),
  }));
  return c;
}

/** The fleet view of causes; `refresh` reads every fact again (coalesced with other viewers' refreshes). */
export async function getFleetDiagnosis(opts: { refresh?: boolean } = {}): Promise<FleetDiagnosis> {
  if (opts.refresh) g.__fleetDiagnosisReread = true;
  return (await cache().get(opts)).value;
}

/** Tests: forget the fleet view. */
export function resetFleetDiagnosis(): void {
  g.__fleetDiagnosis?.clear();
  g.__fleetDiagnosisReread = false;
}
