/**
 * Who a signed request comes from, as AWS decides it: by the access key in the signature's credential scope.
 * Keys the simulated STS issued (ASIA...) are role sessions in their account and must carry their session token and
 * be unexpired; any other key is the management account's long-term user `demo`.
 */
import type { Accounts } from './index';
import { SESSION_KEY, stableId, type RoleSession } from './sessions';
import { assumedRoleArn, DEMO_USER, isReadOnlyRole, userArn } from './types';

export interface Caller {
  kind: 'user' | 'role';
  /** The account the request is served for. */
  account: string;
  /** arn:aws:iam::<acct>:user/demo or arn:aws:sts::<acct>:assumed-role/<Role>/<Session>. */
  arn: string;
  /** GetCallerIdentity's UserId: AIDA... for the user, AROA...:<session> for a role session. */
  userId: string;
  /** A session of a ...ReadOnly... role: mutating operations are denied. */
  readOnly: boolean;
  session?: RoleSession;
}

/** Why credentials were refused; each service words it its own way (aws/auth-errors.ts). */
export type AuthProblem = 'expired' | 'invalid';

export type Identity = { ok: true; caller: Caller } | { ok: false; problem: AuthProblem };

export function longTermCaller(accounts: Accounts): Caller {
  const account = accounts.management.id;
  return { kind: 'user', account, arn: userArn(account), userId: stableId('AIDA', account, DEMO_USER), readOnly: false };
}

export function sessionCaller(session: RoleSession): Caller {
  return {
    kind: 'role',
    account: session.account,
    arn: assumedRoleArn(session.account, session.roleName, session.sessionName),
    userId: `${session.roleId}:${session.sessionName}`,
    readOnly: isReadOnlyRole(session.roleName),
    session,
  };
}

/**
 * The caller of a request signed with `accessKeyId` (and `securityToken`, the X-Amz-Security-Token header).
 * In single-account mode a key the STS never issued is a long-term key whatever it looks like, as before accounts
 * existed; with an organization an unknown ASIA key is refused as AWS refuses it.
 */
export function identify(accounts: Accounts, accessKeyId: string, securityToken: string | null, now = Date.now()): Identity {
  const session = accounts.sessions.get(accessKeyId);
  if (!session) {
    if (accounts.organization && SESSION_KEY.test(accessKeyId)) return { ok: false, problem: 'invalid' };
    return { ok: true, caller: longTermCaller(accounts) };
  }
  if (securityToken !== session.sessionToken) return { ok: false, problem: 'invalid' };
  if (now >= session.expiresAt) return { ok: false, problem: 'expired' };
  return { ok: true, caller: sessionCaller(session) };
}
