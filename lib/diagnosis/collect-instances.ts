import 'server-only';
import { describeInstancesByFilter, type Instance } from '@/lib/aws/ec2/describe-instances-by-filter';
import { describeInstanceStatus, type InstanceStatus } from '@/lib/aws/ec2/describe-instance-status';
import { describeIamInstanceProfileAssociations, type IamInstanceProfileAssociation } from '@/lib/aws/ec2/describe-iam-instance-profile-associations';
import { scopeKey, type AwsScope } from '@/lib/aws/scope';
import { createBatchCache, getScoped } from './batch-cache';
import { factOf, globalCache, instanceTtlMs, mapFact } from './collect-fact';
import type { AssociationFact, Fact, InstanceFact, StatusFact } from './facts';

/** EC2's facts about one instance: three batched calls serve every instance of a region (100-200 IDs a call). */
export interface InstanceBundle {
  instance: Fact<InstanceFact | null>;
  status: Fact<StatusFact | null>;
  association: Fact<AssociationFact | null>;
  fetchedAt: number;
}

const cache = () => globalCache('instances', () => createBatchCache<InstanceBundle>({
  ttlMs: instanceTtlMs,
  maxKeys: 50_000,
  keep: (b) => b.instance.ok && b.status.ok && b.association.ok,
}));

export function toInstanceFact(i: Instance): InstanceFact {
  return {
    id: i.InstanceId ?? '',
    state: i.State?.Name ?? null,
    stateReason: i.StateTransitionReason || null,
    vpcId: i.VpcId ?? null,
    subnetId: i.SubnetId ?? null,
    privateIp: i.PrivateIpAddress ?? null,
    publicIp: i.PublicIpAddress ?? null,
    securityGroupIds: (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
    imageId: i.ImageId ?? null,
    platform: i.Platform ?? null,
    platformDetails: i.PlatformDetails ?? null,
    profileArn: i.IamInstanceProfile?.Arn ?? null,
  };
}

function failedChecks(s: InstanceStatus): string[] {
  return [
    ...(s.SystemStatus?.Details ?? []).map((d) => ({ kind: 'system', d })),
    ...(s.InstanceStatus?.Details ?? []).map((d) => ({ kind: 'instance', d })),
  ]
    .filter(({ d }) => d.Status === 'failed')
    .map(({ kind, d }) => `${kind} ${d.Name ?? 'check'} failed${d.ImpairedSince ? ` since ${d.ImpairedSince.toISOString()}` : ''}`);
}

export function toStatusFact(s: InstanceStatus): StatusFact {
  return { state: s.InstanceState?.Name ?? null, instanceStatus: s.InstanceStatus?.Status ?? null, systemStatus: s.SystemStatus?.Status ?? null, failedChecks: failedChecks(s) };
}

/** The association that counts: an associated (or associating) one over a leftover disassociated one. */
function toAssociation(list: IamInstanceProfileAssociation[]): AssociationFact | null {
  const rank = (a: IamInstanceProfileAssociation) => ['associated', 'associating', 'disassociating', 'disassociated'].indexOf(a.State ?? '');
  const best = [...list].filter((a) => a.IamInstanceProfile?.Arn).sort((a, b) => rank(a) - rank(b))[0];
  return best ? { profileArn: best.IamInstanceProfile!.Arn!, state: best.State ?? 'associated' } : null;
}

async function load(scope: AwsScope, ids: string[]): Promise<Map<string, InstanceBundle>> {
  const [instances, statuses, associations] = await Promise.all([
    factOf('ec2:DescribeInstances', describeInstancesByFilter(scope, ids)),
    factOf('ec2:DescribeInstanceStatus', describeInstanceStatus(scope, ids)),
    factOf('ec2:DescribeIamInstanceProfileAssociations', describeIamInstanceProfileAssociations(scope, ids)),
  ]);
  const fetchedAt = Date.now();
  return new Map(ids.map((id) => [id, {
    instance: mapFact(instances, (xs) => { const i = xs.find((x) => x.InstanceId === id); return i ? toInstanceFact(i) : null; }),
    status: mapFact(statuses, (xs) => { const s = xs.find((x) => x.InstanceId === id); return s ? toStatusFact(s) : null; }),
    association: mapFact(associations, (xs) => toAssociation(xs.filter((a) => a.InstanceId === id))),
    fetchedAt,
  }]));
}

/** EC2's facts for a region's instances, cached per instance (a minute by default), the missing ones read in one batch. */
export async function collectInstances(scope: AwsScope, ids: string[], opts: { refresh?: boolean } = {}): Promise<Map<string, InstanceBundle>> {
  return getScoped(cache(), scopeKey(scope), ids, (missing) => load(scope, missing), opts);
}

export function resetInstanceCache(): void {
  cache().clear();
}
