/**
 * npm run demo: the dashboard in demo mode against the simulated AWS, no account needed.
 * Builds the app if the build is missing or older than the sources, starts the simulated AWS endpoint
 * (MOCK_AWS_PORT, default 4566) and the dashboard (PORT, default 3000). Ctrl-C stops both.
 * Flags: --no-build (use the existing build), --dev (next dev instead of a production build).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { needsBuild, ROOT } from './lib/build-state';
import { run, startGroup, stopGroup, waitForUrl } from './lib/proc';

const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT || 3000);
const mockPort = Number(process.env.MOCK_AWS_PORT || 4566);
const regions = process.env.AWS_REGIONS || 'us-east-1,eu-west-1,ap-southeast-2';
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

async function main() {
  const dev = args.has('--dev');
  if (!dev && !args.has('--no-build') && needsBuild()) {
    console.log('[demo] building the dashboard (first run, or sources changed)…');
    const code = await run(bin('next'), ['build'], { cwd: ROOT });
    if (code !== 0) process.exit(code);
  }

  // The demo never reads a real account: fake credentials, the simulated endpoint, no instance metadata lookups.
  const awsEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_REGIONS: regions,
    AWS_ENDPOINT_URL: `http://127.0.0.1:${mockPort}`,
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    DEMO_MODE: '1',
    // The demo acts as a built-in demo operator so patch runs can be tried; DASHBOARD_MODE=read-only to see the refusal.
    DASHBOARD_MODE: process.env.DASHBOARD_MODE || 'operator',
    DATA_DIR: process.env.DATA_DIR || path.join(ROOT, '.demo-data'),
  };

  const mock = startGroup(bin('tsx'), [path.join(ROOT, 'mocks', 'server.ts')], {
    cwd: ROOT,
    env: { ...awsEnv, MOCK_AWS_PORT: String(mockPort) },
  });
  const procs: { app?: ReturnType<typeof startGroup> } = {};
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    stopGroup(procs.app);
    stopGroup(mock);
    setTimeout(() => process.exit(code), 300).unref();
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  mock.on('exit', (c) => !stopping && (console.error(`[demo] simulated AWS exited (${c})`), stop(1)));

  await waitForUrl(`http://127.0.0.1:${mockPort}/__mock/health`, 30_000, () => mock.exitCode === null);
  const accountsFile = await writeDemoAccounts(awsEnv.DATA_DIR!);
  if (accountsFile) awsEnv.ACCOUNTS_FILE = accountsFile;
  const app = (procs.app = startGroup(bin('next'), [dev ? 'dev' : 'start', '-p', String(port)], { cwd: ROOT, env: awsEnv }));
  app.on('exit', (c) => !stopping && (console.error(`[demo] dashboard exited (${c})`), stop(1)));
  await waitForUrl(`http://127.0.0.1:${port}/api/overview`, 120_000, () => app.exitCode === null);
  console.log(`\n[demo] SSM Fleet dashboard (demo mode) → http://localhost:${port}   (simulated AWS on :${mockPort}; Ctrl-C stops both)\n`);
}

/**
 * With several simulated accounts (DEMO_ACCOUNTS, default 3), the dashboard reads them all through an accounts file
 * written here: each account's read-only role, its operator role for actions, its regions. DEMO_ORGANIZATION=1 writes
 * the Organizations mode instead (the accounts are listed by ListAccounts). ACCOUNTS_FILE set by the user wins.
 */
async function writeDemoAccounts(dataDir: string): Promise<string | undefined> {
  if (process.env.ACCOUNTS_FILE) return process.env.ACCOUNTS_FILE;
  type Account = { id: string; name: string; regions: string[]; status: string };
  const accounts = (await (await fetch(`http://127.0.0.1:${mockPort}/__mock/accounts`)).json()) as Account[];
  const active = accounts.filter((a) => a.status === 'ACTIVE');
  if (active.length < 2) return undefined;
  const role = (id: string, name: string) => `arn:aws:iam::${id}:role/${name}`;
  const config = process.env.DEMO_ORGANIZATION === '1'
    ? { organization: { roleName: 'SsmFleetDashboardReadOnly', operatorRoleName: 'SsmFleetDashboardOperator', regions: [...new Set(active.flatMap((a) => a.regions))] } }
    : {
        accounts: active.map((a) => ({
          id: a.id, name: a.name, roleArn: role(a.id, 'SsmFleetDashboardReadOnly'), operatorRoleArn: role(a.id, 'SsmFleetDashboardOperator'), regions: a.regions,
        })),
      };
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'accounts.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`[demo] ${active.length} simulated accounts (${active.map((a) => a.name).join(', ')}): accounts file ${file}`);
  return file;
}

main().catch((err) => {
  console.error('[demo]', err.message);
  process.exit(1);
});
