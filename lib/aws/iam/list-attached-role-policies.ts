import 'server-only';
import { paginateListAttachedRolePolicies, type AttachedPolicy } from '@aws-sdk/client-iam';
import { IAM_REGION, iamClient } from '../clients';
import { toAwsError } from '../errors';
import { collectPages } from '../pages';
import type { AwsScope } from '../scope';

export type { AttachedPolicy };

/** MaxItems 1-1000 (the API reference). */
export const ATTACHED_POLICIES_PAGE = 1000;

/** The managed policies (AWS's and the account's) attached to a role, by name and ARN. */
export async function listAttachedRolePolicies(scope: AwsScope, roleName: string): Promise<AttachedPolicy[]> {
  const ctx = { service: 'iam', operation: 'ListAttachedRolePolicies', region: IAM_REGION, account: scope.account };
  try {
    return await collectPages(
      ctx.operation,
      paginateListAttachedRolePolicies({ client: iamClient(scope.account), pageSize: ATTACHED_POLICIES_PAGE }, { RoleName: roleName }),
      (page) => page.AttachedPolicies,
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
