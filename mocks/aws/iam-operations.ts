/**
 * IAM operations -> the simulated account's roles and instance profiles. IAM sends policy documents URL-encoded
 * (RFC 3986), as here: clients decode them (`decodeURIComponent`) before parsing the JSON.
 */
import type {
  GetInstanceProfileRequest, GetInstanceProfileResponse, GetRolePolicyRequest, GetRolePolicyResponse, GetRoleRequest, GetRoleResponse,
  ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse, ListRolePoliciesRequest, ListRolePoliciesResponse, Role,
} from '@aws-sdk/client-iam';
import type { Simulation } from '../fleet-sim';
import { IamError, instanceProfileByName, pageIam, roleByName } from '../fleet-sim/network/query';
import type { SimRole } from '../fleet-sim/network/types';

export type IamOperation = (sim: Simulation, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, input: I) => O): IamOperation => fn as unknown as IamOperation;

const urlEncoded = (document: string) => encodeURIComponent(document);

/** A role as GetInstanceProfile lists it (no description, session duration or last use), or in full as GetRole sends it. */
function toRole(role: SimRole, full: boolean): Role {
  const base: Role = {
    Path: role.path, RoleName: role.name, RoleId: role.id, Arn: role.arn, CreateDate: new Date(role.createdTime),
    AssumeRolePolicyDocument: urlEncoded(role.assumeRolePolicy),
  };
  if (!full) return base;
  return {
    ...base,
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    RoleLastUsed: role.lastUsed ? { LastUsedDate: new Date(role.lastUsed.time), Region: role.lastUsed.region } : {},
  };
}

function getInstanceProfile(sim: Simulation, input: GetInstanceProfileRequest): GetInstanceProfileResponse {
  const { iam } = sim.store.network;
  const p = instanceProfileByName(iam, input.InstanceProfileName as string);
  return {
    InstanceProfile: {
      Path: p.path, InstanceProfileName: p.name, InstanceProfileId: p.id, Arn: p.arn, CreateDate: new Date(p.createdTime),
      Roles: p.roleNames.flatMap((name) => {
        const role = iam.roles.get(name);
        return role ? [toRole(role, false)] : [];
      }),
    },
  };
}

function getRole(sim: Simulation, input: GetRoleRequest): GetRoleResponse {
  return { Role: toRole(roleByName(sim.store.network.iam, input.RoleName as string), true) };
}

/** The path of a managed policy ARN (`arn:aws:iam::aws:policy/service-role/X` -> `/service-role/`). */
const policyPath = (arn: string) => {
  const rest = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  return rest.slice(0, rest.lastIndexOf('/') + 1);
};

function listAttachedRolePolicies(sim: Simulation, input: ListAttachedRolePoliciesRequest): ListAttachedRolePoliciesResponse {
  const { iam } = sim.store.network;
  const role = roleByName(iam, input.RoleName as string);
  const prefix = input.PathPrefix ?? '/';
  const arns = role.attachedPolicies.filter((arn) => policyPath(arn).startsWith(prefix));
  const page = pageIam(sim.store, `ListAttachedRolePolicies/${role.name}/${prefix}`, arns, input.Marker, input.MaxItems);
  return {
    AttachedPolicies: page.items.map((arn) => ({ PolicyName: iam.policies.get(arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn })),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  };
}

function listRolePolicies(sim: Simulation, input: ListRolePoliciesRequest): ListRolePoliciesResponse {
  const role = roleByName(sim.store.network.iam, input.RoleName as string);
  const page = pageIam(sim.store, `ListRolePolicies/${role.name}`, [...role.inlinePolicies.keys()], input.Marker, input.MaxItems);
  return { PolicyNames: page.items, IsTruncated: page.isTruncated, Marker: page.marker };
}

function getRolePolicy(sim: Simulation, input: GetRolePolicyRequest): GetRolePolicyResponse {
  const role = roleByName(sim.store.network.iam, input.RoleName as string);
  const name = input.PolicyName as string;
  const document = role.inlinePolicies.get(name);
  if (document === undefined) throw new IamError('NoSuchEntity', `The role policy with name ${name} cannot be found.`);
  return { RoleName: role.name, PolicyName: name, PolicyDocument: urlEncoded(document) };
}

export const IAM_OPERATIONS: Record<string, IamOperation> = {
  GetInstanceProfile: operation(getInstanceProfile),
  GetRole: operation(getRole),
  ListAttachedRolePolicies: operation(listAttachedRolePolicies),
  ListRolePolicies: operation(listRolePolicies),
  GetRolePolicy: operation(getRolePolicy),
};

/** The resource an IAM call names (for AccessDenied messages). */
export function iamResource(accountId: string, action: string, params: URLSearchParams): string {
  const profile = params.get('InstanceProfileName');
  if (action === 'GetInstanceProfile' && profile) return `arn:aws:iam::${accountId}:instance-profile/${profile}`;
  const role = params.get('RoleName');
  if (role) return `arn:aws:iam::${accountId}:role/${role}`;
  return `arn:aws:iam::${accountId}:*`;
}
