/** MaxConcurrency and MaxErrors are held to AWS's own rules (pattern and 1-7 characters) before anything is written. */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshKey, postRequest } from '@/lib/testing/actions';
import { installRunTestEnv, script, sendCommands } from '@/app/api/runs/test-helpers';
import { POST as previewRoute } from '@/app/api/runs/preview/route';
import { POST as runRoute } from '@/app/api/runs/route';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { queryAudit } from '@/lib/actions/audit';
import { listRuns } from '@/lib/runs/store';

const mock = installRunTestEnv();
const HUGE = '1000000000000000000000';

// An operator named by the authenticating proxy's header (demo identity depends on where AWS calls go).
beforeEach(() => {
  delete process.env.DEMO_MODE;
  process.env.AUTH_USER_HEADER = 'x-test-user';
  process.env.OPERATOR_USERS = 'alice';
});

async function body() {
  const node = (await getFleetSnapshot()).nodes.find((r) => r.managed && r.ping === 'Online' && r.platformType === 'Linux' && r.tags.Environment !== 'prod')!;
  return script(['uptime'], { targets: { mode: 'nodes', nodeIds: [node.id] } });
}

describe('rate control as AWS allows it', () => {
  it.each([
    ['maxConcurrency', HUGE, /maxConcurrency: MaxConcurrency: at most 7 characters/],
    ['maxErrors', HUGE, /maxErrors: MaxErrors: at most 7 characters/],
    ['maxConcurrency', '10000000', /at most 7 characters/],
    ['maxConcurrency', '0', /maxConcurrency: MaxConcurrency must be a number/],
  ])('a preview with %s %s is refused with a 400 naming the rule', async (field, value, message) => {
    const res = await previewRoute(postRequest('/api/runs/preview', { ...(await body()), [field]: value }), undefined);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(message) });
  });

  it('accepts the largest values AWS accepts', async () => {
    for (const [maxConcurrency, maxErrors] of [['9999999', '9999999'], ['100%', '100%'], ['1', '0']]) {
      const res = await previewRoute(postRequest('/api/runs/preview', { ...(await body()), maxConcurrency, maxErrors }), undefined);
      expect(res.status, `${maxConcurrency} / ${maxErrors}`).toBe(200);
    }
  });

  it('a run with a huge MaxConcurrency is refused before any audit or run record is written, and nothing is sent', async () => {
    const audits = queryAudit({ limit: 100, format: 'json' }).records.length;
    const res = await runRoute(
      postRequest('/api/runs', { ...(await body()), maxConcurrency: HUGE, maxErrors: HUGE, previewToken: 'x'.repeat(32) }, { 'idempotency-key': freshKey(), 'x-test-user': 'alice' }),
      undefined,
    );
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.message).toMatch(/MaxConcurrency: at most 7 characters/);
    expect(err.message).toMatch(/MaxErrors: at most 7 characters/);
    expect(queryAudit({ limit: 100, format: 'json' }).records).toHaveLength(audits);
    expect(listRuns()).toHaveLength(0);
    expect(sendCommands(mock)).toBe(0);
  });
});
