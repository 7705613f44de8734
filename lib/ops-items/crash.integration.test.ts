/**
 * A real crash: a dashboard process is killed (SIGKILL) after AWS created its OpsItem but before the answer came
 * back. The next process finds the OpsItem by its dedup string, completes the audit record and the idempotency key,
 * and neither a repeat of the submission nor a new one makes a second OpsItem.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockAwsServer, type MockAwsServer } from '@/mocks/create-server';
import { freshKey, useTempDataDir } from '@/lib/testing/actions';
import { setAwsTestEnv, TEST_REGIONS } from '@/lib/testing/mock-aws';
import { resetClients } from '@/lib/aws/clients';
import { resetFleetCache, getFleetSnapshot } from '@/lib/fleet/fleet';
import { queryAudit } from '@/lib/actions/audit';
import { runOnce } from '@/lib/actions/idempotency';
import { CreateOpsItemRequestSchema } from '@/lib/contracts/ops-items';
import { createOpsItems } from './create';
import { listOpsItemsView } from './list';
import { reconcileOpsItemsOnStart } from './reconcile';
import { parseOpsItemsView } from '@/lib/contracts/ops-items';

let mock: MockAwsServer;
let endpoint = '';
let child: ChildProcess | undefined;

beforeAll(async () => {
  mock = createMockAwsServer({ port: 0, nodes: 300, seed: 42, timeSpeed: 0, regions: TEST_REGIONS });
  endpoint = await mock.listen();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await mock.close();
});

const until = async (what: string, ok: () => boolean, ms = 60_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (ok()) return;
  throw new Error(`timed out waiting for ${what}`);
};

it('a process killed between CreateOpsItem and its answer loses no record, and no retry makes a second OpsItem', async () => {
  const dataDir = useTempDataDir();
  setAwsTestEnv();
  process.env.AWS_ENDPOINT_URL = endpoint;
  resetClients();
  resetFleetCache();
  const node = (await getFleetSnapshot()).nodes.find((n) => n.managed && n.region === 'eu-west-1')!;
  const body = { title: 'Crash-test OpsItem', description: 'created by a process that dies', from: { kind: 'node', nodeId: node.id } };
  const key = freshKey();
  // Counted in AWS's store, not in call statistics (a call is counted when its answer has gone back).
  const inAws = () => mock.sim.opsItems('eu-west-1', { filters: [{ Key: 'Title', Operator: 'Equal', Values: ['Crash-test OpsItem'] }] }).items.length;
  mock.scenario.slowAnswers = { 'ssm:CreateOpsItem': 30_000 };
  let out = '';
  child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'lib/testing/ops-item-creator.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, OPS_BODY: JSON.stringify(body), OPS_KEY: key, DEMO_MODE: '', DASHBOARD_MODE: 'operator' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b) => (out += String(b)));
  child.stderr!.on('data', (b) => (out += String(b)));
  await until('AWS to accept the creation', () => inAws() === 1, 20_000).catch((err) => { throw new Error(`${err.message}; the process said: ${out}`); });
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));
  mock.scenario.slowAnswers = {};
  expect(out).not.toMatch(/answered/);
  const view = parseOpsItemsView(new URLSearchParams(`node=${node.id}&title=Crash-test`)).data!;
  const made = (await listOpsItemsView(view, { refresh: true })).items;
  expect(made).toHaveLength(1); // AWS did create it

  // What the dead process left: the intent, on disk, before AWS was called.
  const before = queryAudit({ limit: 5, format: 'json', action: 'opsitem:create' }).records[0];
  expect(before).toMatchObject({ status: 'requested', actor: 'crash-test', targets: [node.id] });

  // The next process (this one: another boot ID) settles it from AWS at start.
  expect(await reconcileOpsItemsOnStart()).toBe(1);
  const after = queryAudit({ limit: 5, format: 'json', action: 'opsitem:create' }).records[0];
  expect(after).toMatchObject({ id: before.id, status: 'succeeded', commandIds: [made[0].id], outcome: 'reconciled' });

  // The same submission replays the answer; a new one meets AWS's dedup. Still one OpsItem, one CreateOpsItem call.
  const input = CreateOpsItemRequestSchema.parse(body);
  const actor = { id: 'crash-test', role: 'operator' as const, source: 'proxy-header' as const, groups: [] };
  const replay = await runOnce(key, actor.id, input, () => createOpsItems(input, actor, key));
  expect(replay.headers.get('idempotent-replay')).toBe('true');
  expect((await replay.json()).created[0].id).toBe(made[0].id);
  const fresh = freshKey();
  const again = await (await runOnce(fresh, actor.id, input, () => createOpsItems(input, actor, fresh))).json();
  expect(again.created[0]).toMatchObject({ id: made[0].id, deduplicated: true });
  expect(inAws()).toBe(1);
  expect((await listOpsItemsView(view, { refresh: true })).items).toHaveLength(1);
});
