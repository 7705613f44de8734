/**
 * At server start: refuse to run, saying why, with settings that must not be run with (DEMO_MODE, which makes every
 * caller an operator, while AWS calls could reach anything but a simulated AWS on this machine). Then finish what a
 * crashed or restarted process left in flight (runs being sent, idempotency keys being processed), from AWS's own
 * record. In the background: the dashboard serves while it runs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // TRACE and methods Next.js cannot turn into a Request fail before any route runs: answer them on Node's server.
  const { installMethodGuard } = await import('@/lib/api/method-guard');
  await installMethodGuard();
  const { startupProblem } = await import('@/lib/actions/settings');
  // The accounts file is checked at start: a typo names its line here rather than blanking the fleet later.
  const { accountsFileProblem } = await import('@/lib/aws/config');
  const problem = startupProblem() ?? accountsFileProblem();
  if (problem) {
    console.error(`[startup] refusing to start: ${problem}`);
    process.exit(1);
  }
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
