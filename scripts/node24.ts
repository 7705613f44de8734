/**
 * The unit, contract and integration tests on Node 24 (see scripts/lib/node24.ts), e.g. `npm run test:node24 -- nodes`.
 * `--setup` only installs Node 24 and better-sqlite3 for it (CI does that as an install step).
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { ROOT } from './lib/build-state';
import { ensureNode24, vitestOnNode24 } from './lib/node24';
import { part, vitestCounts } from './lib/test-counts';

async function main() {
  const args = process.argv.slice(2);
  const t0 = Date.now();
  const node = await ensureNode24();
  console.log(`[node24] Node ${node.version} (ABI ${node.abi}) at ${path.relative(ROOT, node.bin)}; better-sqlite3 ${node.addonFrom === 'source' ? 'built from source' : 'prebuilt'} (${Math.round((Date.now() - t0) / 1000)} s)`);
  if (args.includes('--setup')) return;
  const out = path.join(ROOT, '.test-reports');
  mkdirSync(out, { recursive: true });
  const json = path.join(out, 'vitest-node24.json');
  const code = await vitestOnNode24(node, args, json);
  const v = vitestCounts(json);
  const failed = v.unit.failed + v.contract.failed + v.integration.failed;
  const ok = code === 0 && failed === 0;
  console.log(`\nSummary: ${ok ? 'PASS' : 'FAIL'} on Node ${node.version} — ${part('unit', v.unit)}; ${part('contract', v.contract)}; ${part('integration', v.integration)} (${Math.round((Date.now() - t0) / 1000)} s)`);
  process.exit(ok ? 0 : 1);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
