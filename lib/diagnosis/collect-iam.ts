import 'server-only';
import pLimit from 'p-limit';
import { getInstanceProfile } from '@/lib/aws/iam/get-instance-profile';
import { listAttachedRolePolicies } from '@/lib/aws/iam/list-attached-role-policies';
import { listRolePolicies } from '@/lib/aws/iam/list-role-policies';
import { getRolePolicy } from '@/lib/aws/iam/get-role-policy';
import type { AwsScope } from '@/lib/aws/scope';
import { createBatchCache, getScoped } from './batch-cache';
import { factOf, factsTtlMs, globalCache } from './collect-fact';
import type { Fact, ProfileFact, RoleFact } from './facts';

/**
 * Instance profiles and their roles, cached per profile and per role for 5 minutes (IAM is global: one entry serves
 * every region). IAM has no batch read: one GetInstanceProfile per profile, and per role one ListAttachedRolePolicies,
 * one ListRolePolicies and one GetRolePolicy per inline policy, 8 at a time. A fleet has few distinct profiles.
 */
/** IAM is global per account: one cache scope per account (a role named alike in two accounts is two roles). */
const iamScope = (scope: AwsScope) => `iam|${scope.account}`;
const limit = pLimit(8);
/** Inline policy documents have their own limit: sharing the outer one could wait on itself. */
const docLimit = pLimit(8);

const profiles = () => globalCache('profiles', () => createBatchCache<Fact<ProfileFact | null>>({ ttlMs: factsTtlMs, maxKeys: 5_000, keep: (f) => f.ok }));
const roles = () => globalCache('roles', () => createBatchCache<Fact<RoleFact>>({
  ttlMs: factsTtlMs,
  maxKeys: 5_000,
  // A role whose inline policies could not be read for lack of permission is asked again next time.
  keep: (f) => f.ok && (f.value.inline.ok || !f.value.inline.denied),
}));

async function loadProfile(scope: AwsScope, name: string): Promise<Fact<ProfileFact | null>> {
  return factOf('iam:GetInstanceProfile', getInstanceProfile(scope, name).then((p) => {
    if (!p) return null;
    const role = p.Roles?.[0];
    return { name, arn: p.Arn ?? null, role: role?.RoleName ? { name: role.RoleName, arn: role.Arn ?? null } : null };
  }));
}

async function loadInline(scope: AwsScope, roleName: string): Promise<RoleFact['inline']> {
  const names = await factOf('iam:ListRolePolicies', listRolePolicies(scope, roleName));
  if (!names.ok) return names;
  const docs = await Promise.all(names.value.map((n) => factOf('iam:GetRolePolicy', docLimit(() => getRolePolicy(scope, roleName, n)))));
  const failed = docs.find((d) => !d.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, value: names.value.map((name, i) => ({ name, document: docs[i].ok ? (docs[i] as { value: string | null }).value : null })) };
}

async function loadRole(scope: AwsScope, name: string): Promise<Fact<RoleFact>> {
  const [attached, inline] = await Promise.all([
    factOf('iam:ListAttachedRolePolicies', listAttachedRolePolicies(scope, name)),
    loadInline(scope, name),
  ]);
  if (!attached.ok) return attached;
  return { ok: true, value: { name, attached: attached.value.map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })), inline } };
}

const each = <V>(scope: AwsScope, names: string[], fn: (scope: AwsScope, name: string) => Promise<V>) =>
  Promise.all(names.map(async (n) => [n, await limit(() => fn(scope, n))] as const)).then((xs) => new Map(xs));

export function collectProfiles(scope: AwsScope, names: string[], opts: { refresh?: boolean } = {}): Promise<Map<string, Fact<ProfileFact | null>>> {
  return getScoped(profiles(), iamScope(scope), names, (missing) => each(scope, missing, loadProfile), opts);
}

export function collectRoles(scope: AwsScope, names: string[], opts: { refresh?: boolean } = {}): Promise<Map<string, Fact<RoleFact>>> {
  return getScoped(roles(), iamScope(scope), names, (missing) => each(scope, missing, loadRole), opts);
}

export function resetIamCaches(): void {
  profiles().clear();
  roles().clear();
}
