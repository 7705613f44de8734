import { queryOptions } from '@tanstack/react-query';
import type { CatalogResponse, NodeInventoryPage, SoftwareSearchResponse } from '@/lib/contracts/inventory';
import { fetchJson } from './fetch-json';

/** Query keys of inventory reads: every input of a fetcher appears in its key. */
export const inventoryKeys = {
  catalog: (query: string) => ['inventory', 'catalog', query] as const,
  search: (query: string) => ['inventory', 'search', query] as const,
  node: (id: string, type: string) => ['inventory', 'node', id, type] as const,
};

/** The software catalog for a query string of node view filters (no `name`). */
export const catalogQuery = (query: string) =>
  queryOptions({
    queryKey: inventoryKeys.catalog(query),
    queryFn: () => fetchJson<CatalogResponse>(`/api/inventory/software${query ? `?${query}` : ''}`),
    staleTime: 60_000,
  });

/** A software search: `name`, `match`, `version` plus node view filters. */
export const softwareSearchQuery = (query: string) =>
  queryOptions({
    queryKey: inventoryKeys.search(query),
    queryFn: () => fetchJson<SoftwareSearchResponse>(`/api/inventory/software?${query}`),
    staleTime: 60_000,
  });

export function nodeInventoryUrl(id: string, type: string, next: string | null): string {
  const p = new URLSearchParams({ type });
  if (next) p.set('next', next);
  return `/api/nodes/${encodeURIComponent(id)}/inventory?${p}`;
}

export const fetchNodeInventoryPage = (id: string, type: string, next: string | null) => fetchJson<NodeInventoryPage>(nodeInventoryUrl(id, type, next));
