/**
 * The simulated AWS as a local endpoint: `npx tsx mocks/server.ts`
 * Point any AWS client at it with AWS_ENDPOINT_URL=http://127.0.0.1:4566 (fake credentials
 * and a region still required; the region is read from the request signature).
 *
 * Env: MOCK_AWS_PORT (4566), DEMO_NODES (300, max 50000), DEMO_SEED (42),
 * AWS_REGIONS (us-east-1,eu-west-1,ap-southeast-2), MOCK_AWS_LATENCY_MS,
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
    `[mock-aws] simulated AWS on ${url}: ${mock.sim.nodeCount} nodes (seed ${mock.sim.seed}, generated in ${generatedMs} ms) in ${mock.sim.regions.join(', ')}; time x${mock.sim.clock.speed}; OpsItem dedup ${mock.sim.opsCenter.dedup}, open limit ${mock.sim.opsCenter.openLimit}; scenario ${faults}; control at ${url}/__mock/health`,
  );
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
