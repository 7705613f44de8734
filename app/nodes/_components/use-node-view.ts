'use client';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { DEFAULT_VIEW, NodeViewSchema, searchParamsToInput, viewToSearchParams, type NodeView } from '@/lib/contracts/node-view';

/** The view in a URL query; what is valid in a broken link is kept (the offending keys are dropped). */
function viewOf(params: URLSearchParams): NodeView {
  const input = searchParamsToInput(params);
  const r = NodeViewSchema.safeParse(input);
  if (r.success) return r.data;
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k)));
  const again = NodeViewSchema.safeParse(cleaned);
  return again.success ? again.data : DEFAULT_VIEW;
}

/**
 * The view is the URL: read from the search params with the shared schema, written back with the History API
 * (Next.js keeps useSearchParams in sync without a server round trip). Discrete changes push a history entry so
 * Back undoes them; typing replaces. `setView` reads the URL when called, so it is the same function for the page's
 * whole life (handlers built on it do not change with every keystroke's URL update).
 */
export function useNodeView() {
  const params = useSearchParams();
  const view = useMemo<NodeView>(() => viewOf(new URLSearchParams(params.toString())), [params]);

  const setView = useCallback((patch: Partial<NodeView>, mode: 'push' | 'replace' = 'push') => {
    const next = { ...viewOf(new URLSearchParams(window.location.search)), ...patch };
    const qs = viewToSearchParams(next).toString();
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  return { view, setView };
}
