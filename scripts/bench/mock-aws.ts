import path from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startGroup, stopGroup, waitForUrl } from '../lib/proc';
import { ROOT } from '../lib/build-state';
import { resetClients } from '@/lib/aws/clients';
import type { AwsScope } from '@/lib/aws/scope';

export type MockStats = {
  total: number; byOperation: Record<string, number>; byAccount?: Record<string, number>; chain: number; spanMs: number;
  /** The simulated AWS's main-thread busy time since the last reset. */
  server?: { busyMs: number; busyPerCallMs: number };
};

/** An account of the simulated AWS as GET /__mock/accounts lists it. */
interface MockAccount { id: string; name: string; regions: string[]; nodes: number; status: string; assumable: boolean }

/** The dashboard's roles in every account of the simulated organization (mocks/accounts/types.ts: DASHBOARD_ROLES). */
const READ_ROLE = 'SsmFleetDashboardReadOnly';
const OPERATOR_ROLE = 'SsmFleetDashboardOperator';

/**
 * The simulated AWS in its own process for a benchmark (MOCK_AWS_LATENCY_MS added to every call), with this process's
 * AWS environment pointed at it. Calls are counted by the simulated AWS itself.
 *
 * `accounts` 1 (default): one account answering any credentials, as before accounts existed (no accounts file).
 * 2 or more: the demo organization with every account in `regions` and the nodes split evenly between accounts
 * (DEMO_ACCOUNT_REGIONS=same), and an accounts file listing them (ACCOUNTS_FILE, written to a temp directory), so
 * the dashboard assumes each account's read-only role as it would in production.
 */
export async function startBenchMock(opts: { size: number; port: number; regions: string[]; latencyMs: number; accounts?: number; env?: Record<string, string> }) {
  const url = `http://127.0.0.1:${opts.port}`;
  const accounts = opts.accounts ?? 1;
  const proc = startGroup(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT,
    stdio: 'ignore',
    group: true,
    env: {
      ...process.env, MOCK_AWS_PORT: String(opts.port), DEMO_NODES: String(opts.size), AWS_REGIONS: opts.regions.join(','), MOCK_AWS_LATENCY_MS: String(opts.latencyMs),
      // Without DEMO_ACCOUNTS the simulated AWS serves a 3-account organization and long-term keys read only the
      // management account's share of DEMO_NODES.
      DEMO_ACCOUNTS: String(accounts), ...(accounts > 1 ? { DEMO_ACCOUNT_REGIONS: 'same' } : {}),
    },
  });
  let dir: string | undefined;
  try {
    await waitForUrl(`${url}/__mock/health`, 120_000, () => proc.exitCode === null);
    let scopes: AwsScope[] = opts.regions.map((region) => ({ account: '', region }));
    let accountsFile: string | undefined;
    let accountList: { id: string; name: string; nodes: number }[] = [];
    if (accounts > 1) {
      const listed = ((await (await fetch(`${url}/__mock/accounts`)).json()) as MockAccount[]).filter((a) => a.status === 'ACTIVE' && a.assumable && a.nodes > 0);
      dir = mkdtempSync(path.join(tmpdir(), 'bench-accounts-'));
      accountsFile = path.join(dir, 'accounts.json');
      const file = {
        accounts: listed.map((a) => ({
          id: a.id, name: a.name, roleArn: `arn:aws:iam::${a.id}:role/${READ_ROLE}`, operatorRoleArn: `arn:aws:iam::${a.id}:role/${OPERATOR_ROLE}`, regions: a.regions,
        })),
      };
      writeFileSync(accountsFile, JSON.stringify(file, null, 2));
      scopes = listed.flatMap((a) => a.regions.map((region) => ({ account: a.id, region })));
      accountList = listed.map((a) => ({ id: a.id, name: a.name, nodes: a.nodes }));
    }
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: url, AWS_REGIONS: opts.regions.join(','), AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_EC2_METADATA_DISABLED: 'true', FLEET_CACHE_TTL_SECONDS: '3600', ...opts.env,
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    if (accountsFile) process.env.ACCOUNTS_FILE = accountsFile;
    else delete process.env.ACCOUNTS_FILE;
    resetClients();
    return {
      url,
      /** Every (account, region) the dashboard reads; account '' without an accounts file. */
      scopes,
      accounts: accountList,
      accountsFile,
      stats: async (): Promise<MockStats> => (await fetch(`${url}/__mock/stats`)).json() as Promise<MockStats>,
      reset: () => fetch(`${url}/__mock/stats/reset`, { method: 'POST' }),
      stop: () => {
        stopGroup(proc);
        if (dir) rmSync(dir, { recursive: true, force: true });
        delete process.env.ACCOUNTS_FILE;
      },
    };
  } catch (err) {
    stopGroup(proc);
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
