/**
 * Contract-test fixture: a small organization, and clients signed with long-term or assumed-role credentials.
 * The test files pass in the SDK modules (only tests may import the SDK itself; see eslint.config.mjs).
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { MockAccountSpec } from '../../accounts';
import { FAKE_CREDENTIALS } from './harness';

interface Sdk {
  sts: Pick<typeof import('@aws-sdk/client-sts'), 'STSClient' | 'AssumeRoleCommand'>;
  ssm: Pick<typeof import('@aws-sdk/client-ssm'), 'SSMClient'>;
  organizations: Pick<typeof import('@aws-sdk/client-organizations'), 'OrganizationsClient'>;
}

export const MANAGEMENT = '111111111111';
export const PAYMENTS = '222222222222';
export const STAGING = '333333333333';
export const AUDIT = '444444444444';
export const BROKEN = '999999999999';
export const SUSPENDED = '888888888888';

export const TEST_ACCOUNTS: MockAccountSpec[] = [
  { id: MANAGEMENT, name: 'platform-prod', regions: ['us-east-1', 'eu-west-1'], nodes: 120, management: true },
  { id: PAYMENTS, name: 'payments-prod', regions: ['us-east-1', 'us-west-2'], nodes: 80 },
  { id: STAGING, name: 'data-staging', regions: ['eu-west-1'], nodes: 40 },
  { id: AUDIT, name: 'audit', regions: ['us-east-1'], nodes: 5, requireExternalId: 'audit-external-id' },
  { id: BROKEN, name: 'legacy-sandbox', regions: ['us-east-1'], nodes: 0, assumable: false },
  { id: SUSPENDED, name: 'closed-project', regions: [], nodes: 0, status: 'SUSPENDED' },
];

export const READ_ONLY = 'SsmFleetDashboardReadOnly';
export const OPERATOR = 'SsmFleetDashboardOperator';

/** Client factories and `assume` (AssumeRole, as the long-term user unless `as` is given, and the credentials to sign with). */
export function accountClients({ sts: stsSdk, ssm: ssmSdk, organizations }: Sdk) {
  const sts = (credentials: AwsCredentialIdentity = FAKE_CREDENTIALS, region = 'us-east-1') => new stsSdk.STSClient({ region, credentials, maxAttempts: 1 });
  const ssmAs = (credentials: AwsCredentialIdentity = FAKE_CREDENTIALS, region = 'us-east-1') => new ssmSdk.SSMClient({ region, credentials, maxAttempts: 1 });
  const orgsAs = (credentials: AwsCredentialIdentity = FAKE_CREDENTIALS) => new organizations.OrganizationsClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
  async function assume(account: string, roleName = READ_ONLY, opts: { as?: AwsCredentialIdentity; sessionName?: string; durationSeconds?: number; externalId?: string } = {}) {
    const out = await sts(opts.as).send(new stsSdk.AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/${roleName}`,
      RoleSessionName: opts.sessionName ?? 'contract-test',
      DurationSeconds: opts.durationSeconds,
      ExternalId: opts.externalId,
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('AssumeRole answered no credentials');
    const credentials: AwsCredentialIdentity = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    return { out, credentials };
  }
  return { sts, ssmAs, orgsAs, assume };
}
