/**
 * STS AssumeRole and GetCallerIdentity over the simulated accounts. The management account's user and any role
 * session may assume a role (role chaining, limited to 1-hour sessions as AWS limits it); an account that does not
 * exist, is suspended, is not assumable, is in the scenario's denyAssumeRole or wants another ExternalId refuses.
 */
import { sessionCaller } from '../accounts/identity';
import type { AwsContext } from './context';
import { AwsError } from './errors';

// The model's shapes, written here so the simulated AWS does not need the STS client package.
interface AssumeRoleRequest {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  ExternalId?: string;
  SourceIdentity?: string;
}
interface AssumeRoleResponse {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date };
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
  SourceIdentity?: string;
}
interface GetCallerIdentityResponse {
  UserId: string;
  Account: string;
  Arn: string;
}

/** arn:aws:iam::<12 digits>:role/<optional/path/><RoleName> */
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

const DEFAULT_DURATION_SECONDS = 3600;
/** AWS caps a session assumed by a role session (role chaining) at one hour. */
const CHAINED_MAX_SECONDS = 3600;

function assumeRole(ctx: AwsContext, input: AssumeRoleRequest): AssumeRoleResponse {
  const caller = ctx.caller;
  if (!caller) throw new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  const arn = input.RoleArn;
  const m = ROLE_ARN.exec(arn);
  if (!m) throw new AwsError('ValidationError', 'Request ARN is invalid');
  const [, accountId, roleName] = m;
  const durationSeconds = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (caller.kind === 'role' && durationSeconds > CHAINED_MAX_SECONDS) {
    throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  const spec = ctx.accounts.spec(accountId);
  const refused =
    !spec || spec.status !== 'ACTIVE' || !spec.assumable || !ctx.accounts.sims.has(accountId)
    || ctx.scenario.denyAssumeRole.includes(accountId)
    || (spec.requireExternalId !== undefined && input.ExternalId !== spec.requireExternalId);
  if (refused) {
    throw new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
  }
  const session = ctx.accounts.sessions.issue({ account: accountId, roleName, sessionName: input.RoleSessionName, durationSeconds });
  const assumed = sessionCaller(session);
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(session.expiresAt),
    },
    AssumedRoleUser: { AssumedRoleId: assumed.userId, Arn: assumed.arn },
    ...(input.SourceIdentity ? { SourceIdentity: input.SourceIdentity } : {}),
  };
}

function getCallerIdentity(ctx: AwsContext): GetCallerIdentityResponse {
  const caller = ctx.caller;
  if (!caller) throw new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  return { UserId: caller.userId, Account: caller.account, Arn: caller.arn };
}

export type StsOperation = (ctx: AwsContext, input: Record<string, unknown>) => object;

export const STS_OPERATIONS: Record<string, StsOperation> = {
  AssumeRole: (ctx, input) => assumeRole(ctx, input as unknown as AssumeRoleRequest),
  GetCallerIdentity: (ctx) => getCallerIdentity(ctx),
};
