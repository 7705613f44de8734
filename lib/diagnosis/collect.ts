import 'server-only';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import type { NodeRow } from '@/lib/contracts/node';
import { lookupAmis } from '@/lib/fleet/ami-facts';
import type { AwsScope } from '@/lib/aws/scope';
import { collectInstances, type InstanceBundle } from './collect-instances';
import { collectVpcs } from './collect-network';
import { collectProfiles, collectRoles } from './collect-iam';
import { collectActivations, collectDhmc } from './collect-region';
import type { ActivationFact, Fact, NodeFacts, ProfileFact, VpcFacts } from './facts';
import { mapFact } from './collect-fact';
import { profileArnOf } from './rules-iam';

export interface NodeInput {
  row: NodeRow;
  /** Hybrid nodes: their activation (SSM's instance information). */
  activationId: string | null;
}

export interface CollectOptions {
  refresh?: boolean;
  /** Per region, an instance profile Online instances use (suggested in fixes). */
  suggestedProfiles?: Map<string, string | null>;
}

export interface Collected {
  facts: NodeFacts[];
  /** Nodes whose facts could not be gathered at all (an unexpected failure of their region's collection). */
  failed: { row: NodeRow; error: string }[];
}

const unique = <T>(xs: (T | null | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== null && x !== undefined))];
const profileName = (arn: string) => arn.split('/').pop() ?? arn;

/**
 * The facts for a set of nodes: per region, EC2's instance facts in batches, then, in parallel, the network facts of
 * their VPCs, their profiles and roles, DHMC when an instance has no profile, activations when there are hybrid
 * nodes, and AMI names for the never registered. Every part is cached (see collect-*.ts), so a second diagnosis in
 * the next minutes asks AWS for little or nothing.
 */
export async function collectFacts(inputs: NodeInput[], opts: CollectOptions = {}): Promise<Collected> {
  const byRegion = new Map<string, NodeInput[]>();
  for (const i of inputs) byRegion.set(scopeKey(i.row), [...(byRegion.get(scopeKey(i.row)) ?? []), i]);
  const parts = await Promise.all(
    [...byRegion].map(([key, xs]) =>
      collectRegion(parseScopeKey(key), xs, opts).then(
        (facts): Collected => ({ facts, failed: [] }),
        (err: unknown): Collected => ({ facts: [], failed: xs.map((x) => ({ row: x.row, error: err instanceof Error ? err.message : String(err) })) }),
      ),
    ),
  );
  return { facts: parts.flatMap((p) => p.facts), failed: parts.flatMap((p) => p.failed) };
}

async function collectRegion(scope: AwsScope, inputs: NodeInput[], opts: CollectOptions): Promise<NodeFacts[]> {
  const ec2 = inputs.filter((i) => i.row.id.startsWith('i-'));
  const instances = ec2.length ? await collectInstances(scope, ec2.map((i) => i.row.id), opts) : new Map<string, InstanceBundle>();
  const arns = ec2.map((i) => profileArnOf({ instance: instances.get(i.row.id)?.instance ?? null, association: instances.get(i.row.id)?.association ?? null }));
  const vpcIds = unique(ec2.map((i) => { const b = instances.get(i.row.id); return (b?.instance.ok ? b.instance.value?.vpcId : null) ?? i.row.vpcId; }));
  const imageIds = unique(ec2.filter((i) => !i.row.managed).map((i) => i.row.imageId));
  const [vpcs, iam, dhmc, activations, amis] = await Promise.all([
    vpcIds.length ? collectVpcs(scope, vpcIds, opts) : new Map<string, VpcFacts>(),
    collectIam(scope, unique(arns).map(profileName), opts),
    arns.some((a) => a === null || a === undefined) ? collectDhmcWithRole(scope, opts) : null,
    inputs.some((i) => i.row.id.startsWith('mi-')) ? collectActivations(scope, opts) : null,
    imageIds.length ? lookupAmis(scope, imageIds).then((r) => r.facts, () => new Map()) : new Map<string, null>(),
  ]);
  return inputs.map((i) => assemble(i, { instances, vpcs, iam, dhmc, activations, amis }, opts));
}

type Shared = {
  instances: Map<string, InstanceBundle>;
  vpcs: Map<string, VpcFacts>;
  iam: Awaited<ReturnType<typeof collectIam>>;
  dhmc: Awaited<ReturnType<typeof collectDhmcWithRole>> | null;
  activations: Fact<ActivationFact[]> | null;
  amis: Map<string, { name: string | null } | null>;
};

/** One node's facts, picked from what was read for its region. */
function assemble(i: NodeInput, s: Shared, opts: CollectOptions): NodeFacts {
  const b = s.instances.get(i.row.id);
  const inst = b?.instance.ok ? b.instance.value : null;
  const arn = i.row.id.startsWith('i-') ? profileArnOf({ instance: b?.instance ?? null, association: b?.association ?? null }) : null;
  const profile = arn ? (s.iam.profiles.get(profileName(arn)) ?? null) : null;
  const roleName = profile?.ok ? profile.value?.role?.name : undefined;
  const vpc = s.vpcs.get(inst?.vpcId ?? i.row.vpcId ?? '') ?? null;
  const activation = s.activations && i.activationId ? mapFact(s.activations, (xs) => xs.find((a) => a.id === i.activationId) ?? null) : null;
  const imageId = inst?.imageId ?? i.row.imageId;
  return {
    row: i.row,
    activationId: i.activationId,
    instance: b?.instance ?? null,
    status: b?.status ?? null,
    association: b?.association ?? null,
    profile,
    role: roleName ? (s.iam.roles.get(roleName) ?? null) : null,
    dhmc: s.dhmc?.setting ?? null,
    dhmcRole: s.dhmc?.role ?? null,
    vpc,
    activation,
    amiName: (imageId && s.amis.get(imageId)?.name) || null,
    suggestedProfile: opts.suggestedProfiles?.get(scopeKey(i.row)) ?? null,
    fetchedAt: Math.min(b?.fetchedAt ?? Date.now(), vpc?.fetchedAt ?? Date.now()),
  };
}

async function collectIam(scope: AwsScope, names: string[], opts: CollectOptions) {
  const profiles: Map<string, Fact<ProfileFact | null>> = names.length ? await collectProfiles(scope, names, opts) : new Map();
  const roleNames = unique([...profiles.values()].map((p) => (p.ok ? p.value?.role?.name : null)));
  const roles = roleNames.length ? await collectRoles(scope, roleNames, opts) : new Map();
  return { profiles, roles };
}

/** The region's DHMC setting and, when it names a role, that role's policies. */
async function collectDhmcWithRole(scope: AwsScope, opts: CollectOptions) {
  const setting = await collectDhmc(scope, opts);
  const name = setting.ok ? setting.value.roleName : null;
  return { setting, role: name ? ((await collectRoles(scope, [name], opts)).get(name) ?? null) : null };
}

/** Per scope (account and region), the instance profile most Online EC2 instances use: it demonstrably works there. */
export function suggestedProfiles(rows: NodeRow[]): Map<string, string | null> {
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.ping !== 'Online' || !r.id.startsWith('i-') || !r.instanceProfile) continue;
    const m = counts.get(scopeKey(r)) ?? new Map<string, number>();
    m.set(r.instanceProfile, (m.get(r.instanceProfile) ?? 0) + 1);
    counts.set(scopeKey(r), m);
  }
  return new Map([...counts].map(([region, m]) => [region, [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null]));
}
