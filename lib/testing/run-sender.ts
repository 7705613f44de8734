/**
 * A dashboard process that only sends one run, for the crash test: `tsx --conditions=react-server lib/testing/run-sender.ts`
 * with RUN_BODY (a run request) and RUN_KEY (its idempotency key) in the environment, and the AWS endpoint, regions and
 * DATA_DIR as the dashboard reads them. It records the run, prints "recorded <runId>", sends, and is killed meanwhile.
 */
import { RunRequestSchema } from '@/lib/contracts/run-request';
import { runOnce } from '@/lib/actions/idempotency';
import { previewRun } from '@/lib/runs/preview-run';
import { executeRun } from '@/lib/runs/execute';

const actor = { id: 'crash-test', role: 'operator' as const, source: 'proxy-header' as const, groups: [] };

async function main() {
  const req = RunRequestSchema.parse(JSON.parse(process.env.RUN_BODY ?? '{}'));
  const key = process.env.RUN_KEY ?? '';
  const p = await previewRun(req);
  const input = { ...req, previewToken: p.previewToken, confirmation: p.confirmationPhrase ?? undefined };
  const res = await runOnce(key, actor.id, input, () => executeRun(input, actor, key));
  console.log(`recorded ${(await res.json()).runId}`);
  await new Promise(() => undefined); // sending goes on in the background until the test kills this process
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
