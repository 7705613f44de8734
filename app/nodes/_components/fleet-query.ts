import { queryOptions } from '@tanstack/react-query';
import type { FleetResponse } from '@/lib/contracts/node';
import { decodeCompactFleet, type CompactFleet } from '@/lib/contracts/node-view';
import { fetchJson } from '@/lib/query/fetch-json';
import { fleetKeys } from '@/lib/query/keys';

/**
 * The whole fleet for the nodes page, in its compact form (a quarter of the JSON to unzip and parse at 100,000
 * nodes), decoded to the FleetResponse every other reader of fleetKeys.nodes() gets. `refresh` asks the server to
 * bypass its cache.
 */
export async function fetchCompactFleet(refresh = false): Promise<FleetResponse> {
  const body = await fetchJson<CompactFleet>(`/api/nodes?format=compact${refresh ? '&refresh=1' : ''}`, { headers: { accept: 'application/gzip, application/json' } });
  return decodeCompactFleet(body);
}

export const compactFleetQuery = () => queryOptions({ queryKey: fleetKeys.nodes(), queryFn: () => fetchCompactFleet(), staleTime: 15_000 });
