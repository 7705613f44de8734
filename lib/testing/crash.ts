/**
 * Test helper for crash tests: a simulated AWS over real HTTP (a second process must reach it), this process pointed
 * at it with a fresh data directory, and a dashboard script run in its own process that the test kills (SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createMockAwsServer, type MockAwsServer } from '@/mocks/create-server';
import { useTempDataDir as freshDataDir } from './actions';
import { setAwsTestEnv, TEST_REGIONS } from './mock-aws';
import { resetClients } from '@/lib/aws/clients';
import { resetFleetCache } from '@/lib/fleet/fleet';

const children = new Set<ChildProcess>();

export function installCrashMock(): { mock: () => MockAwsServer; begin: () => string } {
  let mock: MockAwsServer;
  let endpoint = '';
  beforeAll(async () => {
    mock = createMockAwsServer({ port: 0, nodes: 300, seed: 42, timeSpeed: 0, regions: TEST_REGIONS });
    endpoint = await mock.listen();
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await mock.close();
  });
  return {
    mock: () => mock,
    /** A fresh data directory and caches, AWS calls to the simulated endpoint; returns the data directory. */
    begin: () => {
      const dataDir = freshDataDir();
      setAwsTestEnv();
      process.env.AWS_ENDPOINT_URL = endpoint;
      resetClients();
      resetFleetCache();
      return dataDir;
    },
  };
}

export const until = async (what: string, ok: () => boolean, ms = 60_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (ok()) return;
  throw new Error(`timed out waiting for ${what}`);
};

/** Run a script of lib/testing as a dashboard process (operator mode, this process's AWS environment). */
export function spawnDashboardScript(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string; kill: () => Promise<void> } {
  let out = '';
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', `lib/testing/${script}`], {
    env: { ...process.env, DEMO_MODE: '', DASHBOARD_MODE: 'operator', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b) => (out += String(b)));
  child.stderr!.on('data', (b) => (out += String(b)));
  children.add(child);
  return {
    child,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}
