import { queryOptions } from '@tanstack/react-query';
import type { ComplianceSummary, NodePatches, RegionPatchConfig } from '@/lib/contracts/patching';
import type { PatchRunPreview, PatchRunRequest, ExecuteRunRequest } from '@/lib/contracts/patch-run';
import type { InvocationOutput, RunDetail, RunSummary } from '@/lib/contracts/run';
import type { AuditRecord } from '@/lib/contracts/audit';
import { fetchJson } from './fetch-json';
import { auditKeys, fleetKeys, meKey, patchingKeys, runKeys } from './keys';

export interface Me {
  actor: { id: string; role: 'viewer' | 'operator'; source: string };
  canAct: boolean;
  refusal: { code: string; message: string } | null;
}

export const meQuery = () => queryOptions({ queryKey: meKey, queryFn: () => fetchJson<Me>('/api/me'), staleTime: 60_000 });

export const complianceQuery = () =>
  queryOptions({ queryKey: patchingKeys.summary(), queryFn: () => fetchJson<ComplianceSummary>('/api/patching') });

export const patchConfigQuery = () =>
  queryOptions({ queryKey: patchingKeys.config(), queryFn: () => fetchJson<{ regions: RegionPatchConfig[] }>('/api/patching/config'), staleTime: 60_000 });

export const nodePatchesQuery = (id: string) =>
  queryOptions({ queryKey: fleetKeys.nodePatches(id), queryFn: () => fetchJson<NodePatches>(`/api/nodes/${encodeURIComponent(id)}/patches`) });

export const runsQuery = () => queryOptions({ queryKey: runKeys.list(), queryFn: () => fetchJson<{ runs: RunSummary[] }>('/api/runs') });

export const runQuery = (id: string) =>
  queryOptions({ queryKey: runKeys.run(id), queryFn: () => fetchJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}`) });

export const runOutputQuery = (id: string, node: string) =>
  queryOptions({
    queryKey: runKeys.output(id, node),
    queryFn: () => fetchJson<InvocationOutput>(`/api/runs/${encodeURIComponent(id)}/output?node=${encodeURIComponent(node)}`),
  });

export const auditQuery = (query: string) =>
  queryOptions({ queryKey: auditKeys.list(query), queryFn: () => fetchJson<{ records: AuditRecord[]; total: number }>(`/api/audit${query ? `?${query}` : ''}`) });

const postJson = <T>(url: string, body: unknown, idempotencyKey?: string) =>
  fetchJson<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });

export const previewRun = (req: PatchRunRequest) => postJson<PatchRunPreview>('/api/runs/preview', req);

/** The key is made once per confirmation dialog: a double click or a retry of the same submission sends one run. */
export const executeRun = (req: ExecuteRunRequest, idempotencyKey: string) =>
  postJson<{ runId: string; outcome: string }>('/api/runs', req, idempotencyKey);

export const cancelRun = (id: string, idempotencyKey: string) =>
  postJson<{ cancelled: string[]; failed: unknown[] }>(`/api/runs/${encodeURIComponent(id)}/cancel`, {}, idempotencyKey);
