import { queryOptions } from '@tanstack/react-query';
import type { FleetDiagnosis, NodeDiagnosis } from '@/lib/contracts/diagnosis';
import { fetchJson } from './fetch-json';

/** Query keys of diagnosis reads: every input of a fetcher appears in its key. */
export const diagnosisKeys = {
  all: ['diagnosis'] as const,
  node: (id: string) => ['diagnosis', 'node', id] as const,
  fleet: () => ['diagnosis', 'fleet'] as const,
};

export const nodeDiagnosisQuery = (id: string) =>
  queryOptions({
    queryKey: diagnosisKeys.node(id),
    queryFn: () => fetchJson<NodeDiagnosis>(`/api/nodes/${encodeURIComponent(id)}/diagnosis`),
    staleTime: 60_000,
  });

export const fleetDiagnosisQuery = () =>
  queryOptions({
    queryKey: diagnosisKeys.fleet(),
    queryFn: () => fetchJson<FleetDiagnosis>('/api/diagnosis'),
    staleTime: 60_000,
  });

/** Read again from AWS (the Re-check button). */
export const recheckNode = (id: string) => fetchJson<NodeDiagnosis>(`/api/nodes/${encodeURIComponent(id)}/diagnosis?refresh=1`);
export const recheckFleet = () => fetchJson<FleetDiagnosis>('/api/diagnosis?refresh=1');
