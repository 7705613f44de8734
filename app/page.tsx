import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { getQueryClient } from '@/lib/query/query-client';
import { fleetKeys } from '@/lib/query/keys';
import { getFleetSummary } from '@/lib/fleet/fleet';
import { OverviewView } from './_components/overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const qc = getQueryClient();
  // Same key as the browser's overviewQuery(); on the server we call the domain layer directly.
  await qc.prefetchQuery({ queryKey: fleetKeys.overview(), queryFn: () => getFleetSummary() });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <OverviewView />
    </HydrationBoundary>
  );
}
