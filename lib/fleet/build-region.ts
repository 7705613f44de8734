import 'server-only';
import pLimit from 'p-limit';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import type { SourceError } from '@/lib/contracts/node';
import { listInstanceInformation } from '@/lib/aws/ssm/describe-instance-information';
import { describeInstancePatchStates } from '@/lib/aws/ssm/describe-instance-patch-states';
import { listOpenOpsItems } from '@/lib/aws/ssm/describe-ops-items';
import { listManagedInstanceTags } from '@/lib/aws/ssm/list-tags-for-resource';
import { listInstances } from '@/lib/aws/ec2/describe-instances';
import { toAwsError, type AwsError } from '@/lib/aws/errors';
import { toSourceError } from '@/lib/aws/describe-error';
import { managedNodeRow, unmanagedNodeRow, slimInstance, iso, str } from './map-node';
import { opsItemsByNode } from './ops-items';
import { settle, type Settled } from '@/lib/aws/settle';
import type { RegionSnapshot, SsmExtra } from './types';
import type { AwsScope } from '@/lib/aws/scope';

/** Parallel per-node SSM calls per region; SSM throttles aggressive callers, so keep this modest. */
export const SSM_CONCURRENCY = Number(process.env.FLEET_SSM_CONCURRENCY) || 8;

const sourceError = toSourceError;

type Batch = { ids: string[]; result: Promise<Settled<InstancePatchState[]>> };

/**
 * One region's fleet with the fewest calls the APIs allow, pipelined: EC2 (1000 a page) and open OpsItems are
 * listed while SSM's node list is paged (50 a page); each page's 50 IDs go straight to DescribeInstancePatchStates,
 * so the critical path is the SSM listing plus one call.
 */
export async function buildRegion(scope: AwsScope, accountName = ''): Promise<RegionSnapshot> {
  const started = performance.now();
  const { region } = scope;
  const where = { account: scope.account, accountName, region };
  let accountId: string | null = null;
  const ec2 = settle(listInstances(scope, (i, owner) => ((accountId ??= owner ?? null), slimInstance(i))));
  const ops = settle(listOpenOpsItems(scope));
  const limit = pLimit(SSM_CONCURRENCY);
  const infos: InstanceInformation[] = [];
  const batches: Batch[] = [];
  const hybridTags: Promise<[string, Settled<Record<string, string>>]>[] = [];
  let listError: AwsError | undefined;

  try {
    for await (const page of listInstanceInformation(scope)) {
      infos.push(...page);
      const ids = page.map((i) => i.InstanceId).filter((id): id is string => !!id);
      batches.push({ ids, result: settle(limit(() => describeInstancePatchStates(scope, ids))) });
      for (const id of ids.filter((x) => x.startsWith('mi-'))) {
        hybridTags.push(settle(limit(() => listManagedInstanceTags(scope, id))).then((r) => [id, r]));
      }
    }
  } catch (err) {
    listError = toAwsError(err);
  }

  const [ec2Res, opsRes, tagRes] = await Promise.all([ec2, ops, Promise.all(hybridTags)]);
  const errors: SourceError[] = [];
  if (listError) errors.push(sourceError('ssm:DescribeInstanceInformation', listError));
  if (!ec2Res.ok) errors.push(sourceError('ec2:DescribeInstances', ec2Res.error));
  if (!opsRes.ok) errors.push(sourceError('ssm:DescribeOpsItems', opsRes.error));

  // A role that cannot be assumed fails every read of the account the same way: say it once.
  if (errors[0]?.code === 'AssumeRoleFailed') errors.splice(1, errors.length, ...errors.slice(1).filter((e) => e.code !== 'AssumeRoleFailed'));

  const patchById = new Map<string, InstancePatchState>();
  const patchUnknown = new Set<string>();
  let failedBatches = 0;
  let firstPatchError: AwsError | undefined;
  for (const b of batches) {
    const r = await b.result;
    if (r.ok) for (const p of r.value) patchById.set(p.InstanceId ?? '', p);
    else {
      failedBatches++;
      firstPatchError ??= r.error;
      for (const id of b.ids) patchUnknown.add(id);
    }
  }
  if (firstPatchError) {
    errors.push(sourceError('ssm:DescribeInstancePatchStates', firstPatchError, `${failedBatches} of ${batches.length} batches failed`));
  }

  const tagsById = new Map<string, Record<string, string>>();
  const tagFailures = tagRes.filter(([, r]) => !r.ok);
  for (const [id, r] of tagRes) if (r.ok) tagsById.set(id, r.value);
  if (tagFailures.length) {
    const e = (tagFailures[0][1] as { error: AwsError }).error;
    errors.push(sourceError('ssm:ListTagsForResource', e, `tags of ${tagFailures.length} hybrid nodes unavailable`));
  }

  const instances = ec2Res.ok ? ec2Res.value : [];
  const instanceById = new Map(instances.map((i) => [i.InstanceId ?? '', i]));
  const opsByNode = opsRes.ok ? opsItemsByNode(opsRes.value) : new Map();
  const openCount = (id: string) => (opsRes.ok ? (opsByNode.get(id)?.length ?? 0) : null);

  const nodes = infos.map((info) =>
    managedNodeRow({
      ...where,
      info,
      instance: instanceById.get(info.InstanceId ?? ''),
      hybridTags: info.InstanceId?.startsWith('mi-') ? (tagsById.get(info.InstanceId) ?? {}) : undefined,
      patch: patchById.get(info.InstanceId ?? ''),
      patchKnown: !patchUnknown.has(info.InstanceId ?? ''),
      openOpsItems: openCount(info.InstanceId ?? ''),
    }),
  );
  // EC2 instances SSM does not list: running ones are not managed when SSM's list is complete, of unknown SSM state
  // when it failed (still shown: an outage of SSM alone must not empty the region); stopped, stopping, shutting-down
  // and terminated ones are shown as not running, whatever SSM said.
  const managed = new Set(infos.map((i) => i.InstanceId));
  for (const i of instances) {
    if (managed.has(i.InstanceId)) continue;
    nodes.push(unmanagedNodeRow(where, i, openCount(i.InstanceId ?? ''), !listError));
  }

  const extras = new Map<string, SsmExtra>(infos.map((i) => [i.InstanceId ?? '', ssmExtra(i)]));
  return {
    ...where,
    ok: !listError,
    nodes,
    extras,
    opsItems: opsByNode,
    accountId,
    fetchedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    errors,
    ...(listError && ec2Res.ok ? { ec2Only: true } : {}),
  };
}

export function ssmExtra(i: InstanceInformation): SsmExtra {
  return {
    registrationDate: iso(i.RegistrationDate),
    associationStatus: str(i.AssociationStatus),
    lastAssociationAt: iso(i.LastAssociationExecutionDate),
    iamRole: str(i.IamRole),
    activationId: str(i.ActivationId),
    sourceType: str(i.SourceType),
  };
}
