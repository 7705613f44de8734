import { queryOptions } from '@tanstack/react-query';
import type { HistoryResponse, NodeHistoryResponse } from '@/lib/contracts/history';
import { fetchJson } from '@/lib/query/fetch-json';
import { fleetKeys } from '@/lib/query/keys';

/** The fleet's history for a chart (GET /api/history?days=). */
export const historyQuery = (days: number) =>
  queryOptions({
    queryKey: fleetKeys.history(days),
    queryFn: () => fetchJson<HistoryResponse>(`/api/history?days=${days}`),
    staleTime: 60_000,
  });

/** One node's compliance changes (GET /api/nodes/{id}/history). */
export const nodeHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: fleetKeys.nodeHistory(id),
    queryFn: () => fetchJson<NodeHistoryResponse>(`/api/nodes/${encodeURIComponent(id)}/history`),
    staleTime: 60_000,
  });
