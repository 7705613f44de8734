'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { meQuery } from '@/lib/query/actions';
import { fleetKeys } from '@/lib/query/keys';
import { opsItemKeys } from '@/lib/query/ops-items';

/** Whether the signed-in user may change OpsItems, and if not, why (read-only mode, viewer role). */
export function useCanAct(): { canAct: boolean; refusal: string | undefined; loading: boolean } {
  const me = useQuery(meQuery());
  const canAct = me.data?.canAct ?? false;
  return { canAct, refusal: canAct ? undefined : me.data?.refusal?.message ?? (me.isPending ? 'Checking your permissions…' : 'You cannot change OpsItems.'), loading: me.isPending };
}

/** After a change: every OpsItem read, and the fleet (node pages and the nodes table count open OpsItems). */
export function useInvalidateOps() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: opsItemKeys.all }), qc.invalidateQueries({ queryKey: fleetKeys.all })]);
}
