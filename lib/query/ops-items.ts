import { queryOptions } from '@tanstack/react-query';
import type {
  BulkOpsItemsRequest, BulkOpsItemsResponse, CreateOpsItemRequest, CreateOpsItemResponse, OpsItemDetail, OpsItemsResponse,
  UpdateOpsItemRequest,
} from '@/lib/contracts/ops-items';
import { fetchJson } from './fetch-json';

/** Query keys of OpsCenter reads: every input of a fetcher appears in its key. */
export const opsItemKeys = {
  all: ['ops-items'] as const,
  list: (query: string) => ['ops-items', 'list', query] as const,
  detail: (id: string) => ['ops-items', 'detail', id] as const,
};

/** The OpsItems list for a canonical view query string (see opsViewToSearchParams). */
export const opsItemsQuery = (query: string) =>
  queryOptions({
    queryKey: opsItemKeys.list(query),
    queryFn: () => fetchJson<OpsItemsResponse>(`/api/ops-items${query ? `?${query}` : ''}`),
    staleTime: 30_000,
  });

export const opsItemQuery = (id: string) =>
  queryOptions({
    queryKey: opsItemKeys.detail(id),
    queryFn: () => fetchJson<OpsItemDetail>(`/api/ops-items/${encodeURIComponent(id)}`),
  });

const sendJson = <T>(method: 'POST' | 'PATCH', url: string, body: unknown, idempotencyKey: string) =>
  fetchJson<T>(url, {
    method,
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });

/** Actions: one idempotency key per confirmed submission, so a retry or double click changes nothing twice. */
export const createOpsItem = (req: CreateOpsItemRequest, idempotencyKey: string) =>
  sendJson<CreateOpsItemResponse>('POST', '/api/ops-items', req, idempotencyKey);

export const updateOpsItem = (id: string, req: UpdateOpsItemRequest, idempotencyKey: string) =>
  sendJson<OpsItemDetail>('PATCH', `/api/ops-items/${encodeURIComponent(id)}`, req, idempotencyKey);

export const bulkUpdateOpsItems = (req: BulkOpsItemsRequest, idempotencyKey: string) =>
  sendJson<BulkOpsItemsResponse>('POST', '/api/ops-items/bulk', req, idempotencyKey);
