/**
 * A real crash: a dashboard process is killed (SIGKILL) after AWS created its OpsItem but before the answer came
 * back. The next process finds the OpsItem by its dedup string, completes the audit record and the idempotency key,
 * and neither a repeat of the submission nor a new one makes a second OpsItem.
 */
import { expect, it } from 'vitest';
import { freshKey } from '@/lib/testing/actions';
import { installCrashMock, spawnDashboardScript, until } from '@/lib/testing/crash';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { queryAudit } from '@/lib/actions/audit';
import { runOnce } from '@/lib/actions/idempotency';
import { CreateOpsItemRequestSchema, parseOpsItemsView } from '@/lib/contracts/ops-items';
import { createOpsItems } from './create';
import { listOpsItemsView } from './list';
import { reconcileOpsItemsOnStart } from './reconcile';

const crash = installCrashMock();

it('a process killed between CreateOpsItem and its answer loses no record, and no retry makes a second OpsItem', async () => {
  const mock = crash.mock();
  const dataDir = crash.begin();
  const node = (await getFleetSnapshot()).nodes.find((n) => n.managed && n.region === 'eu-west-1')!;
  const body = { title: 'Crash-test OpsItem', description: 'created by a process that dies', from: { kind: 'node', nodeId: node.id } };
  const key = freshKey();
  // Counted in AWS's store, not in call statistics (a call is counted when its answer has gone back).
  const inAws = () => mock.sim.opsItems('eu-west-1', { filters: [{ Key: 'Title', Operator: 'Equal', Values: ['Crash-test OpsItem'] }] }).items.length;
  mock.scenario.slowAnswers = { 'ssm:CreateOpsItem': 30_000 };
  const creator = spawnDashboardScript('ops-item-creator.ts', { DATA_DIR: dataDir, OPS_BODY: JSON.stringify(body), OPS_KEY: key });
  await until('AWS to accept the creation', () => inAws() === 1, 20_000).catch((err) => { throw new Error(`${err.message}; the process said: ${creator.output()}`); });
  await creator.kill();
  mock.scenario.slowAnswers = {};
  expect(creator.output()).not.toMatch(/answered/);
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
