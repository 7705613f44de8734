/**
 * The simulated AWS as a local endpoint: `npx tsx mocks/server.ts`
 * Point any AWS client at it with AWS_ENDPOINT_URL=http://127.0.0.1:4566 (fake credentials
 * and a region still required; the region is read from the request signature).
 *
 * Env: MOCK_AWS_PORT (4566), DEMO_NODES (300 in all, max 200000), DEMO_SEED (42),
 * DEMO_ACCOUNTS (3: the demo organization, nodes split 50/30/20 %; 1: one account as before, any credentials),
 * DEMO_ACCOUNT_REGIONS (same: every account in AWS_REGIONS, nodes split evenly), DEMO_BROKEN_ACCOUNT (1: add an
 * account AssumeRole cannot reach), AWS_REGIONS (us-east-1,eu-west-1,ap-southeast-2), MOCK_AWS_LATENCY_MS,
 * MOCK_AWS_THROTTLE_RATE, MOCK_AWS_FAIL_REGIONS, MOCK_AWS_DENY (comma lists),
 * MOCK_AWS_TIME_SPEED (1: simulated time runs this many times faster than real time),
 * MOCK_OPSITEM_DEDUP (return-existing | already-exists), MOCK_OPSITEM_OPEN_LIMIT (10000 open OpsItems per region).
 */
import { createMockAwsServer } from './create-server';
import { parseServerEnv } from './server-env';

async function main(): Promise<void> {
  const parsed = parseServerEnv(process.env);
  if (!parsed.ok) {
    console.error(`[mock-aws] ${parsed.error}`);
    process.exit(1);
  }
  const { options } = parsed;
  const started = performance.now();
  const mock = createMockAwsServer(options);
  const generatedMs = Math.round(performance.now() - started);
  const url = await mock.listen();
  const faults = JSON.stringify(mock.scenario);
  console.log(
    `[mock-aws] simulated AWS on ${url}: ${mock.org.totalNodes()} nodes (seed ${mock.sim.seed}, generated in ${generatedMs} ms) in ${mock.sim.regions.join(', ')}; time x${mock.sim.clock.speed}; OpsItem dedup ${mock.sim.opsCenter.dedup}, open limit ${mock.sim.opsCenter.openLimit}; scenario ${faults}; control at ${url}/__mock/health`,
  );
  if (mock.org.organization) {
    for (const a of mock.accounts) {
      const what = a.status !== 'ACTIVE' ? a.status : `${a.nodes} nodes in ${a.regions.join(', ')}${a.assumable ? '' : ', not assumable'}`;
      console.log(`[mock-aws]   account ${a.id} ${a.name}${a.management ? ' (management: long-term keys)' : ''}: ${what}`);
    }
  }
  const stop = (signal: string) => {
    console.log(`[mock-aws] ${signal}, stopping`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('[mock-aws] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
