import path from 'node:path';
import { startGroup, stopGroup, waitForUrl } from '../lib/proc';
import { ROOT } from '../lib/build-state';
import { resetClients } from '@/lib/aws/clients';

export type MockStats = { total: number; byOperation: Record<string, number>; chain: number; spanMs: number };

/**
 * The simulated AWS in its own process for a benchmark (MOCK_AWS_LATENCY_MS added to every call), with this process's
 * AWS environment pointed at it. Calls are counted by the simulated AWS itself.
 */
export async function startBenchMock(opts: { size: number; port: number; regions: string[]; latencyMs: number; env?: Record<string, string> }) {
  const url = `http://127.0.0.1:${opts.port}`;
  const proc = startGroup(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT,
    stdio: 'ignore',
    group: true,
    env: { ...process.env, MOCK_AWS_PORT: String(opts.port), DEMO_NODES: String(opts.size), AWS_REGIONS: opts.regions.join(','), MOCK_AWS_LATENCY_MS: String(opts.latencyMs) },
  });
  try {
    await waitForUrl(`${url}/__mock/health`, 60_000, () => proc.exitCode === null);
  } catch (err) {
    stopGroup(proc);
    throw err;
  }
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: url, AWS_REGIONS: opts.regions.join(','), AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true', FLEET_CACHE_TTL_SECONDS: '3600', ...opts.env,
  });
  delete process.env.AWS_PROFILE;
  resetClients();
  return {
    url,
    stats: async (): Promise<MockStats> => (await fetch(`${url}/__mock/stats`)).json() as Promise<MockStats>,
    reset: () => fetch(`${url}/__mock/stats/reset`, { method: 'POST' }),
    stop: () => stopGroup(proc),
  };
}
