/** Test helpers for runs: preview and execute through the routes as the dashboard does, then wait on the run. */
import { beforeEach, expect } from 'vitest';
import type { RunPreview } from '@/lib/contracts/run-preview';
import type { RunDetail } from '@/lib/contracts/run';
import type { MockAws } from '@/mocks/node';
import { POST as previewRoute } from '@/app/api/runs/preview/route';
import { POST as runRoute } from '@/app/api/runs/route';
import { sending } from '@/lib/runs/send';
import { getRunDetail, resetRunProgress } from '@/lib/runs/progress';
import { installMockAws } from '@/lib/testing/mock-aws';
import { freshKey, postRequest, useTempDataDir } from '@/lib/testing/actions';

/**
 * The simulated AWS with a frozen clock (tests move it), and before each test an empty database, no run progress in
 * memory, and the dashboard in operator demo mode.
 */
export function installRunTestEnv(): MockAws {
  const mock = installMockAws({ nodes: 300, timeSpeed: 0 });
  beforeEach(() => {
    useTempDataDir();
    resetRunProgress();
    process.env.DEMO_MODE = '1';
    // Demo identity holds only while AWS calls go to a loopback endpoint (the in-process simulated AWS answers any URL).
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
    process.env.DASHBOARD_MODE = 'operator';
  });
  return mock;
}

export async function preview(body: object): Promise<RunPreview> {
  const res = await previewRoute(postRequest('/api/runs/preview', body), undefined);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** Preview, confirm as shown, and wait until every command was sent. */
export async function execute(body: object, key = freshKey()) {
  const p = await preview(body);
  const res = await runRoute(postRequest('/api/runs', { ...body, previewToken: p.previewToken, confirmation: p.confirmationPhrase ?? undefined }, { 'idempotency-key': key }), undefined);
  const json = await res.clone().json();
  if (json.runId) await sending.get(json.runId);
  return { res, body: json, preview: p };
}

/** Advance simulated time until the run ends (offline nodes wait for their delivery timeout). */
export async function waitDone(mock: MockAws, id: string, stepMs = 30_000): Promise<RunDetail> {
  for (let i = 0; i < 120; i++) {
    mock.sim.clock.advance(i < 20 ? stepMs : stepMs * 4);
    const d = await getRunDetail(id, { refresh: true });
    if (d.done) return d;
  }
  throw new Error(`run ${id} did not finish`);
}

export const sendCommands = (mock: MockAws) => mock.stats.snapshot().byOperation['ssm:SendCommand'] ?? 0;

export const script = (commands: string[], over: object = {}) => ({
  document: 'AWS-RunShellScript', parameters: { commands }, maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 600, ...over,
});
