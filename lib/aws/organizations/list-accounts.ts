import 'server-only';
import { paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { organizationsClient } from '../clients';
import { toAwsError } from '../errors';
import { collectPages } from '../pages';

export type { Account };

/** MaxResults 1-20 (the model). */
export const ACCOUNTS_PAGE = 20;

/** Every account of the organization (any status), with the base identity: only the management account or a delegated administrator may call it. */
export async function listOrganizationAccounts(): Promise<Account[]> {
  const ctx = { service: 'organizations', operation: 'ListAccounts', region: 'us-east-1', account: '' };
  try {
    return await collectPages(ctx.operation, paginateListAccounts({ client: organizationsClient(), pageSize: ACCOUNTS_PAGE }, {}), (page) => page.Accounts);
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
