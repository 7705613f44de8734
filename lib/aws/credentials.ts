import 'server-only';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { accountRoles, awsSettings } from './config';
import { AwsError, toAwsError } from './errors';

/**
 * Credentials for an account: STS AssumeRole into the account's role with the base identity (the default provider
 * chain, or AWS_PROFILE), through the SDK's own provider. One provider per (account, role, session name), shared by
 * every client of that account (SSM, EC2, IAM, all regions), so an account costs one AssumeRole per session lifetime;
 * refreshed 5 minutes before expiry, one refresh in flight at a time.
 */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** STS is called in one region (any region's endpoint issues credentials valid everywhere). */
const stsRegion = () => process.env.STS_REGION || 'us-east-1';

type Entry = { provider: AwsCredentialIdentityProvider; current?: AwsCredentialIdentity; pending?: Promise<AwsCredentialIdentity> };
const store = globalThis as unknown as { __ssmFleetCredentials?: Map<string, Entry> };
const providers = (store.__ssmFleetCredentials ??= new Map());

/** Role session names allow [\w+=,.@-]{2,64}: a user's name is kept readable, other characters become '-'. */
export function sessionNameFor(actor?: string): string {
  if (!actor) return 'ssm-fleet-dashboard';
  return `dash-${actor}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

function assumeFailure(err: unknown, account: string, roleArn: string): AwsError {
  const e = toAwsError(err, { service: 'sts', operation: 'AssumeRole', region: stsRegion(), account });
  const why = e.status === 403 ? 'is not allowed to assume it (check the role\'s trust policy and external ID)' : e.message;
  return new AwsError('AssumeRoleFailed', `The dashboard cannot assume ${roleArn} in account ${account}: ${why}.`, e.status === 429 ? 429 : 403, e.retryable, e.context, e.detail);
}

/** The credentials provider for one account and role; `actor` names the dashboard user in the role session. */
export function accountCredentials(account: string, kind: 'read' | 'mutate', actor?: string): AwsCredentialIdentityProvider | undefined {
  const roles = accountRoles(account);
  if (!roles) return undefined;
  const roleArn = kind === 'mutate' ? roles.operator : roles.read;
  const sessionName = sessionNameFor(kind === 'mutate' ? actor : undefined);
  const { endpoint, profile } = awsSettings();
  const key = [account, roleArn, sessionName, roles.externalId ?? '', endpoint ?? '', profile ?? ''].join('|');
  let entry = providers.get(key);
  if (!entry) {
    const provider = fromTemporaryCredentials({
      params: { RoleArn: roleArn, RoleSessionName: sessionName, ExternalId: roles.externalId, DurationSeconds: roles.durationSeconds },
      clientConfig: { region: stsRegion(), ...(endpoint ? { endpoint } : {}), ...(profile ? { profile } : {}), maxAttempts: 3 },
    });
    providers.set(key, (entry = { provider }));
  }
  const e = entry;
  return async () => {
    const fresh = e.current?.expiration && e.current.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS;
    if (fresh) return e.current!;
    e.pending ??= Promise.resolve(e.provider())
      .then((c) => (e.current = c))
      .catch((err: unknown) => {
        throw assumeFailure(err, account, roleArn);
      })
      .finally(() => (e.pending = undefined));
    return e.pending;
  };
}

/** Tests: forget every session. */
export function resetCredentials(): void {
  providers.clear();
}
