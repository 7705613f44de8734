/**
 * A dashboard process that only creates one OpsItem, for the crash test: `tsx --conditions=react-server
 * lib/testing/ops-item-creator.ts` with OPS_BODY (a creation request) and OPS_KEY (its idempotency key) in the
 * environment, and the AWS endpoint, regions and DATA_DIR as the dashboard reads them. The test kills it mid-call.
 */
import { CreateOpsItemRequestSchema } from '@/lib/contracts/ops-items';
import { runOnce } from '@/lib/actions/idempotency';
import { createOpsItems } from '@/lib/ops-items/create';

const actor = { id: 'crash-test', role: 'operator' as const, source: 'proxy-header' as const, groups: [] };

async function main() {
  const input = CreateOpsItemRequestSchema.parse(JSON.parse(process.env.OPS_BODY ?? '{}'));
  const key = process.env.OPS_KEY ?? '';
  console.log('creating');
  await runOnce(key, actor.id, input, () => createOpsItems(input, actor, key));
  console.log('answered'); // the test kills this process before it gets here
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
