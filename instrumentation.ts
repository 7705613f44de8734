/**
 * At server start: finish what a crashed or restarted process left in flight (runs being sent, idempotency keys
 * being processed), from AWS's own record. In the background: the dashboard serves while it runs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { reconcileOnStart } = await import('@/lib/runs/reconcile');
  const { reconcileOpsItemsOnStart } = await import('@/lib/ops-items/reconcile');
  // OpsItem actions first: the runs' pass releases every key it does not know.
  reconcileOpsItemsOnStart()
    .then((n) => n && console.log(`[ops-items] settled ${n} OpsItem action(s) left in flight by an earlier process`))
    .catch((err) => console.error('[ops-items] reconciliation at start failed:', err))
    .then(() => reconcileOnStart())
    .then(
    (r) => (r.runs || r.keys) && console.log(`[runs] reconciled ${r.runs} run(s) and ${r.keys} idempotency key(s) left in flight by an earlier process`),
    (err) => console.error('[runs] reconciliation at start failed (it is retried when such a run is read):', err),
  );
}
