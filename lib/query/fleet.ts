import { queryOptions } from '@tanstack/react-query';
import type { FleetResponse, NodeDetail } from '@/lib/contracts/node';
import type { OverviewSummary } from '@/lib/contracts/summary';
import { fetchJson } from './fetch-json';
import { fleetKeys } from './keys';

/**
 * The whole fleet, once: the nodes page filters, sorts and groups it in the browser (instant for 10,000 rows),
 * with the same functions the API uses. `refresh` asks the server to bypass its cache.
 */
export const fetchFleet = (refresh = false) =>
  fetchJson<FleetResponse>(`/api/nodes${refresh ? '?refresh=1' : ''}`, { headers: { accept: 'application/gzip, application/json' } });

export const fleetQuery = () =>
  queryOptions({ queryKey: fleetKeys.nodes(), queryFn: () => fetchFleet(), staleTime: 15_000 });

export const overviewQuery = () =>
  queryOptions({
    queryKey: fleetKeys.overview(),
    queryFn: () => fetchJson<OverviewSummary>('/api/overview'),
    staleTime: 15_000,
  });

export const nodeQuery = (id: string) =>
  queryOptions({
    queryKey: fleetKeys.node(id),
    queryFn: () => fetchJson<NodeDetail>(`/api/nodes/${encodeURIComponent(id)}`),
    staleTime: 15_000,
  });
