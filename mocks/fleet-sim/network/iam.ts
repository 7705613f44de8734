/**
 * The account's IAM side of SSM: AWS managed policies, the roles instances and hybrid activations use, the instance
 * profiles around them, and what a role grants (is it enough for SSM Agent to register and stay Online?).
 */
import { DAY } from '../clock';
import type { Rng } from '../prng';
import type { AccountIam, SimInstanceProfile, SimManagedPolicy, SimRole } from './types';

const aws = (path: string, name: string) => `arn:aws:iam::aws:policy/${path}${name}`;

/** AWS managed policies the simulation attaches (the ARNs AWS publishes). */
export const MANAGED_POLICIES: readonly SimManagedPolicy[] = [
  { name: 'AmazonSSMManagedInstanceCore', arn: aws('', 'AmazonSSMManagedInstanceCore'), grantsSsmCore: true },
  { name: 'AmazonSSMManagedEC2InstanceDefaultPolicy', arn: aws('', 'AmazonSSMManagedEC2InstanceDefaultPolicy'), grantsSsmCore: true },
  // Deprecated (AWS asks to move to AmazonSSMManagedInstanceCore) but still works.
  { name: 'AmazonEC2RoleforSSM', arn: aws('service-role/', 'AmazonEC2RoleforSSM'), grantsSsmCore: true },
  { name: 'CloudWatchAgentServerPolicy', arn: aws('', 'CloudWatchAgentServerPolicy'), grantsSsmCore: false },
  { name: 'AmazonS3ReadOnlyAccess', arn: aws('', 'AmazonS3ReadOnlyAccess'), grantsSsmCore: false },
  { name: 'AmazonSQSFullAccess', arn: aws('', 'AmazonSQSFullAccess'), grantsSsmCore: false },
  { name: 'AmazonSSMPatchAssociation', arn: aws('', 'AmazonSSMPatchAssociation'), grantsSsmCore: false },
  { name: 'AWSXrayWriteOnlyAccess', arn: aws('', 'AWSXrayWriteOnlyAccess'), grantsSsmCore: false },
];

export const CORE_POLICY_ARN = aws('', 'AmazonSSMManagedInstanceCore');

/** The actions SSM Agent needs (AmazonSSMManagedInstanceCore's minimum for registering, Run Command and Session Manager). */
export const SSM_MINIMUM_ACTIONS = [
  'ssm:UpdateInstanceInformation',
  'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel',
  'ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage', 'ec2messages:GetEndpoint',
  'ec2messages:GetMessages', 'ec2messages:SendReply',
] as const;

/** The Default Host Management Configuration role, as the setting names it (path included). */
export const DHMC_ROLE_NAME = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';
export const DHMC_SETTING_VALUE = `service-role/${DHMC_ROLE_NAME}`;
/** DHMC needs SSM Agent 3.2.582.0 or later (and IMDSv2, which the simulation does not model). */
export const DHMC_MIN_AGENT = '3.2.582.0';

/** The instance profiles the generator hands out, by what they are for. */
export const PROFILES = {
  standard: 'SSMManagedInstanceProfile',
  appServer: 'app-server-profile',
  dataTier: 'data-tier-profile',
  legacySsm: 'ec2-legacy-ssm-profile',
  /** No SSM permissions at all (role-missing-core-policy). */
  legacyApp: 'legacy-app-profile',
  /** Inline policy for S3/SQS only (role-missing-core-policy). */
  batchJobs: 'batch-jobs-profile',
} as const;

export const HYBRID_ROLE = 'SSMServiceRole';

const trust = (service: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

const doc = (statements: Array<{ Sid?: string; Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: string | string[] }>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

interface RoleSpec {
  name: string;
  path?: string;
  description: string;
  service: string;
  attached: string[];
  inline?: Record<string, string>;
  ageDays: [number, number];
  used: boolean;
}

const ROLES: readonly RoleSpec[] = [
  { name: 'SSMManagedInstanceRole', description: 'Default role for EC2 instances managed by Systems Manager', service: 'ec2.amazonaws.com', attached: ['AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy'], ageDays: [600, 900], used: true },
  {
    name: 'app-server-role', description: 'Application servers (api, worker, auth, payments)', service: 'ec2.amazonaws.com', attached: ['AmazonS3ReadOnlyAccess', 'AWSXrayWriteOnlyAccess'],
    inline: {
      'ssm-agent-minimum': doc([
        { Sid: 'SsmAgent', Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssm:ListInstanceAssociations', 'ssm:DescribeAssociation', 'ssm:GetDocument', 'ssm:PutInventory', 'ssm:UpdateInstanceAssociationStatus'], Resource: '*' },
        { Sid: 'SessionManager', Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' },
        { Sid: 'RunCommand', Effect: 'Allow', Action: 'ec2messages:*', Resource: '*' },
      ]),
      'app-secrets-read': doc([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: 'arn:aws:secretsmanager:*:*:secret:app/*' }]),
    },
    ageDays: [300, 500], used: true,
  },
  { name: 'data-tier-role', description: 'Databases, caches and ETL hosts', service: 'ec2.amazonaws.com', attached: ['AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy', 'AmazonS3ReadOnlyAccess', 'AmazonSSMPatchAssociation'], ageDays: [400, 700], used: true },
  { name: 'ec2-legacy-ssm-role', description: 'Older servers; still on the deprecated AmazonEC2RoleforSSM', service: 'ec2.amazonaws.com', attached: ['AmazonEC2RoleforSSM'], ageDays: [1200, 1800], used: true },
  { name: 'legacy-app-role', description: 'Legacy application role (S3 and CloudWatch only)', service: 'ec2.amazonaws.com', attached: ['AmazonS3ReadOnlyAccess', 'CloudWatchAgentServerPolicy'], ageDays: [900, 1400], used: true },
  {
    name: 'batch-jobs-role', description: 'Batch workers: read the input bucket, work the queue', service: 'ec2.amazonaws.com', attached: ['AmazonSQSFullAccess'],
    inline: {
      'batch-s3-access': doc([
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::batch-input-*', 'arn:aws:s3:::batch-input-*/*'] },
        // Meant to keep the workers from calling SSM; it also stops the agent.
        { Effect: 'Deny', Action: 'ssm:*', Resource: '*' },
      ]),
    },
    ageDays: [200, 400], used: true,
  },
  { name: HYBRID_ROLE, description: 'Service role for on-premises servers registered with hybrid activations', service: 'ssm.amazonaws.com', attached: ['AmazonSSMManagedInstanceCore'], ageDays: [700, 1000], used: true },
  { name: DHMC_ROLE_NAME, path: '/service-role/', description: 'Default Host Management Configuration', service: 'ssm.amazonaws.com', attached: ['AmazonSSMManagedEC2InstanceDefaultPolicy'], ageDays: [90, 200], used: true },
];

const PROFILE_ROLES: Record<string, string> = {
  [PROFILES.standard]: 'SSMManagedInstanceRole',
  [PROFILES.appServer]: 'app-server-role',
  [PROFILES.dataTier]: 'data-tier-role',
  [PROFILES.legacySsm]: 'ec2-legacy-ssm-role',
  [PROFILES.legacyApp]: 'legacy-app-role',
  [PROFILES.batchJobs]: 'batch-jobs-role',
};

const upperId = (rng: Rng, prefix: string) => `${prefix}${rng.hex(17).toUpperCase()}`;

/**
 * The account's IAM. Profile IDs the fleet generator already drew (DescribeInstances showed them before this layer
 * existed) are kept.
 */
export function buildIam(rng: Rng, accountId: string, now: number, knownProfileIds: ReadonlyMap<string, string>): AccountIam {
  const policies = new Map(MANAGED_POLICIES.map((p) => [p.arn, p]));
  const byName = new Map(MANAGED_POLICIES.map((p) => [p.name, p.arn]));
  const roles = new Map<string, SimRole>();
  for (const spec of ROLES) {
    const path = spec.path ?? '/';
    const createdTime = Math.floor(now - rng.range(spec.ageDays[0], spec.ageDays[1]) * DAY);
    roles.set(spec.name, {
      name: spec.name, id: upperId(rng, 'AROA'), path, arn: `arn:aws:iam::${accountId}:role${path}${spec.name}`, description: spec.description,
      createdTime, assumeRolePolicy: trust(spec.service), maxSessionDuration: 3600,
      attachedPolicies: spec.attached.map((n) => byName.get(n) as string),
      inlinePolicies: new Map(Object.entries(spec.inline ?? {})),
      lastUsed: spec.used ? { time: Math.floor(now - rng.range(0.01, 2) * DAY), region: 'us-east-1' } : undefined,
    });
  }
  const profiles = new Map<string, SimInstanceProfile>();
  for (const [name, roleName] of Object.entries(PROFILE_ROLES)) {
    const role = roles.get(roleName) as SimRole;
    profiles.set(name, {
      name, id: knownProfileIds.get(name) ?? upperId(rng, 'AIPA'), path: '/', arn: `arn:aws:iam::${accountId}:instance-profile/${name}`,
      createdTime: role.createdTime + Math.floor(rng.range(0, 60_000)), roleNames: [roleName],
    });
  }
  return { roles, profiles, policies };
}

function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const [ps, pa = ''] = pattern.toLowerCase().split(':');
  const [as, aa] = action.toLowerCase().split(':');
  if (ps !== as) return false;
  if (!pa.includes('*') && !pa.includes('?')) return pa === aa;
  const re = new RegExp(`^${pa.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
  return re.test(aa);
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
}

function statements(document: string): Statement[] {
  try {
    const parsed = JSON.parse(document) as { Statement?: Statement | Statement[] };
    const s = parsed.Statement;
    return Array.isArray(s) ? s : s ? [s] : [];
  } catch {
    return [];
  }
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Which of `actions` the inline policies allow and none denies (resources are not considered: SSM Agent's actions take `*`). */
function inlineGrants(documents: Iterable<string>, actions: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  const denied = new Set<string>();
  for (const document of documents) {
    for (const st of statements(document)) {
      const hit = (a: string) => asList(st.Action).some((p) => actionMatches(p, a)) || (st.NotAction !== undefined && !asList(st.NotAction).some((p) => actionMatches(p, a)));
      for (const a of actions) if (hit(a)) (st.Effect === 'Deny' ? denied : allowed).add(a);
    }
  }
  for (const a of denied) allowed.delete(a);
  return allowed;
}

/** Whether the role lets SSM Agent register and stay Online: a managed policy that does, or inline policies with the minimum actions (and no Deny of them). */
export function roleGrantsSsm(iam: AccountIam, roleName: string): boolean {
  const role = iam.roles.get(roleName);
  if (!role) return false;
  const denied = inlineDenies(role);
  if (denied) return false;
  if (role.attachedPolicies.some((arn) => iam.policies.get(arn)?.grantsSsmCore)) return true;
  return inlineGrants(role.inlinePolicies.values(), SSM_MINIMUM_ACTIONS).size === SSM_MINIMUM_ACTIONS.length;
}

function inlineDenies(role: SimRole): boolean {
  for (const document of role.inlinePolicies.values()) {
    for (const st of statements(document)) {
      if (st.Effect === 'Deny' && SSM_MINIMUM_ACTIONS.some((a) => asList(st.Action).some((p) => actionMatches(p, a)))) return true;
    }
  }
  return false;
}

/** The instance profile named by an instance's profile ARN (`arn:aws:iam::<account>:instance-profile/<path><name>`). */
export function profileOfArn(iam: AccountIam, arn: string): SimInstanceProfile | undefined {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const profile = iam.profiles.get(name);
  return profile && profile.arn === arn ? profile : undefined;
}

/** Whether the instance profile (by ARN) gives SSM Agent what it needs: it exists, has a role, and the role grants SSM. */
export function profileGrantsSsm(iam: AccountIam, arn: string): boolean {
  const profile = profileOfArn(iam, arn);
  return !!profile && profile.roleNames.length > 0 && profile.roleNames.every((r) => roleGrantsSsm(iam, r));
}
