'use client';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'next/navigation';
import { DEFAULT_OPS_VIEW, OpsItemsViewSchema, opsViewInput, opsViewToSearchParams, type OpsItemsView } from '@/lib/contracts/ops-items';

/**
 * The view is the URL (as on the nodes page): parsed with the shared schema, a broken key dropped rather than the
 * whole link; written back with the History API. Discrete changes push (Back undoes them), typing replaces.
 */
export function useOpsView() {
  const params = useSearchParams();
  const view = useMemo<OpsItemsView>(() => {
    const input = opsViewInput(new URLSearchParams(params.toString()));
    const r = OpsItemsViewSchema.safeParse(input);
    if (r.success) return r.data;
    const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
    const again = OpsItemsViewSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k))));
    return again.success ? again.data : DEFAULT_OPS_VIEW;
  }, [params]);

  const setView = useCallback(
    (patch: Partial<OpsItemsView>, mode: 'push' | 'replace' = 'push') => {
      const qs = opsViewToSearchParams({ ...view, ...patch }).toString();
      const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [view],
  );
  return { view, setView };
}

/** The filters of a view as the API's query (sorting happens in the browser, so it is left out of the key). */
export const viewQuery = (view: OpsItemsView) => opsViewToSearchParams({ ...view, sort: undefined, dir: undefined }).toString();
