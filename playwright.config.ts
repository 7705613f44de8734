import { defineConfig } from '@playwright/test';
import { rmSync } from 'node:fs';

// Every end-to-end run starts with empty run history and audit logs. Only in the runner: each worker loads this file
// too, and must not delete what the running servers wrote (their databases, the accounts file).
if (!process.env.TEST_WORKER_INDEX) rmSync('.e2e-data', { recursive: true, force: true });

const PORT = Number(process.env.E2E_PORT || 3100);
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT || 4610);
/** Three simulated accounts read through an accounts file, one of which cannot be assumed. */
export const ACCOUNTS_PORT = PORT + 3;
/** A second dashboard whose simulated AWS refuses every call, as for credentials without permissions. */
export const DENIED_PORT = PORT + 1;

const demo = (port: number, mockPort: number, extra: Record<string, string> = {}) => ({
  command: 'node_modules/.bin/tsx scripts/demo.ts --no-build',
  url: `http://127.0.0.1:${port}/api/overview`,
  timeout: 180_000,
  reuseExistingServer: false,
  // SIGTERM lets the demo runner stop the simulated AWS and the dashboard it started.
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(port),
    MOCK_AWS_PORT: String(mockPort),
    DEMO_NODES: '300',
    DEMO_SEED: '42',
    // One account (the dashboard's own): the specs written for it count its 300 nodes. The accounts spec has its own.
    DEMO_ACCOUNTS: '1',
    AWS_REGIONS: 'us-east-1,eu-west-1,ap-southeast-2',
    DATA_DIR: `.e2e-data/${port}`,
    DASHBOARD_MODE: 'operator',
    // The tests change the simulated AWS and press Refresh at once: no spacing of forced refreshes (tested elsewhere).
    FORCED_REFRESH_MIN_SECONDS: '0',
    ...extra,
  },
});

/**
 * End-to-end tests against the production build in demo mode (simulated AWS), in Debian's Chromium:
 * Playwright cannot download its own browsers here. `npm test` builds first when needed.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    demo(PORT, MOCK_PORT),
    demo(DENIED_PORT, MOCK_PORT + 1, { MOCK_AWS_DENY: '*' }),
    // Read-only: actions are refused.
    demo(PORT + 2, MOCK_PORT + 2, { DASHBOARD_MODE: 'read-only' }),
    demo(ACCOUNTS_PORT, MOCK_PORT + 3, { DEMO_ACCOUNTS: '3', DEMO_BROKEN_ACCOUNT: '1', DEMO_NODES: '600' }),
  ],
});
