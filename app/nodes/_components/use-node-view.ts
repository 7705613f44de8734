'use client';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { DEFAULT_VIEW, NodeViewSchema, searchParamsToInput, viewToSearchParams, type NodeView } from '@/lib/contracts/node-view';

/**
 * The view is the URL: read from the search params with the shared schema, written back with the History API
 * (Next.js keeps useSearchParams in sync without a server round trip). Discrete changes push a history entry so
 * Back undoes them; typing replaces.
 */
export function useNodeView() {
  const params = useSearchParams();
  const view = useMemo<NodeView>(() => {
    const input = searchParamsToInput(new URLSearchParams(params.toString()));
    const r = NodeViewSchema.safeParse(input);
    if (r.success) return r.data;
    // Keep what is valid in a broken link: drop the offending keys one by one.
    const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
    const cleaned = Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k)));
    const again = NodeViewSchema.safeParse(cleaned);
    return again.success ? again.data : DEFAULT_VIEW;
  }, [params]);

  const setView = useCallback(
    (patch: Partial<NodeView>, mode: 'push' | 'replace' = 'push') => {
      const next = { ...view, ...patch };
      const qs = viewToSearchParams(next).toString();
      const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [view],
  );

  return { view, setView };
}
