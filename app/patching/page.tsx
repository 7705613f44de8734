import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { getQueryClient } from '@/lib/query/query-client';
import { patchingKeys } from '@/lib/query/keys';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { fleetCompliance } from '@/lib/patching/compliance';
import { PatchingView } from './patching-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Patching' };

export default async function PatchingPage() {
  const qc = getQueryClient();
  await qc.prefetchQuery({
    queryKey: patchingKeys.summary(),
    queryFn: async () => fleetCompliance(await getFleetSnapshot()),
  });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PatchingView />
    </HydrationBoundary>
  );
}
