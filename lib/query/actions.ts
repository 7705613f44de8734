import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ComplianceSummary, NodePatches, RegionPatchConfig } from '@/lib/contracts/patching';
import type { ExecuteRunRequest, RunRequestInput } from '@/lib/contracts/run-request';
import type { RunPreview } from '@/lib/contracts/run-preview';
import type { InvocationOutput, RunSummary } from '@/lib/contracts/run';
import type { DocumentDetail, DocumentsResponse } from '@/lib/contracts/documents';
import type { CommandsResponse } from '@/lib/contracts/commands';
import type { AuditPage } from '@/lib/contracts/audit';
import { fetchJson } from './fetch-json';
import { auditKeys, commandKeys, documentKeys, fleetKeys, meKey, patchingKeys, runKeys } from './keys';

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

export const runOutputQuery = (id: string, node: string) =>
  queryOptions({
    queryKey: runKeys.output(id, node),
    queryFn: () => fetchJson<InvocationOutput>(`/api/runs/${encodeURIComponent(id)}/output?node=${encodeURIComponent(node)}`),
  });

/** The audit log page by page (newest first): each page asks for the records older than the last one shown. */
export const auditQuery = (query: string) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams(query);
      if (pageParam) p.set('cursor', pageParam);
      const qs = p.toString();
      return fetchJson<AuditPage>(`/api/audit${qs ? `?${qs}` : ''}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const documentsQuery = (query: string) =>
  queryOptions({ queryKey: documentKeys.list(query), queryFn: () => fetchJson<DocumentsResponse>(`/api/documents${query ? `?${query}` : ''}`), staleTime: 5 * 60_000 });

export const documentQuery = (name: string, version = '$DEFAULT') =>
  queryOptions({
    queryKey: documentKeys.detail(name, version),
    queryFn: () => fetchJson<DocumentDetail>(`/api/documents/${encodeURIComponent(name)}${version === '$DEFAULT' ? '' : `?version=${encodeURIComponent(version)}`}`),
    staleTime: 5 * 60_000,
  });

export const commandsQuery = (query: string) =>
  queryOptions({ queryKey: commandKeys.list(query), queryFn: () => fetchJson<CommandsResponse>(`/api/commands${query ? `?${query}` : ''}`) });

export const nodeCommandsQuery = (id: string) =>
  queryOptions({ queryKey: fleetKeys.nodeCommands(id), queryFn: () => fetchJson<CommandsResponse>(`/api/nodes/${encodeURIComponent(id)}/commands`) });

const postJson = <T>(url: string, body: unknown, idempotencyKey?: string) =>
  fetchJson<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });

export const previewRun = (req: RunRequestInput) => postJson<RunPreview>('/api/runs/preview', req);

/** The key is made once per confirmation dialog: a double click or a retry of the same submission sends one run. */
export const executeRun = (req: RunRequestInput & Pick<ExecuteRunRequest, 'previewToken' | 'confirmation'>, idempotencyKey: string) =>
  postJson<{ runId: string; commands: number; outcome: string }>('/api/runs', req, idempotencyKey);

/** Cancel the whole run, or only `nodeIds` (their invocations). */
export const cancelRun = (id: string, idempotencyKey: string, nodeIds?: string[]) =>
  postJson<{ cancelled: string[]; failed: unknown[] }>(`/api/runs/${encodeURIComponent(id)}/cancel`, nodeIds ? { nodeIds } : {}, idempotencyKey);
