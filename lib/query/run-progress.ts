import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { RunDetail, RunNode } from '@/lib/contracts/run';
import { fetchJson } from './fetch-json';
import { runKeys } from './keys';

/**
 * A run page's state: the latest answer's summary, and every node kept by ID. Each poll sends the cursor of the last
 * answer and gets only the nodes that changed; unchanged node objects keep their identity, so the table re-renders
 * only the rows that moved.
 */
export interface RunProgress {
  detail: Omit<RunDetail, 'nodes'>;
  byId: Map<string, RunNode>;
  /** All nodes, a new array only when some node changed. */
  nodes: RunNode[];
}

export function mergeProgress(prev: RunProgress | undefined, d: RunDetail): RunProgress {
  const { nodes: changed, ...detail } = d;
  if (!prev || d.full) {
    const byId = new Map(changed.map((n) => [n.nodeId, n]));
    return { detail, byId, nodes: [...byId.values()] };
  }
  if (changed.length === 0) return { ...prev, detail };
  const byId = new Map(prev.byId);
  for (const n of changed) byId.set(n.nodeId, n);
  return { detail, byId, nodes: [...byId.values()] };
}

export const runProgressQuery = (id: string, qc: QueryClient) =>
  queryOptions({
    queryKey: runKeys.run(id),
    queryFn: async () => {
      const prev = qc.getQueryData<RunProgress>(runKeys.run(id));
      const cursor = prev ? `?cursor=${encodeURIComponent(prev.detail.cursor)}` : '';
      return mergeProgress(prev, await fetchJson<RunDetail>(`/api/runs/${encodeURIComponent(id)}${cursor}`));
    },
    // The merge keeps identities itself; a deep compare of 10,000 nodes on every poll would cost what it saves.
    structuralSharing: false,
  });
