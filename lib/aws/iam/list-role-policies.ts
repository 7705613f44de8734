import 'server-only';
import { paginateListRolePolicies } from '@aws-sdk/client-iam';
import { IAM_REGION, iamClient } from '../clients';
import { toAwsError } from '../errors';
import { collectPages } from '../pages';
import type { AwsScope } from '../scope';

/** MaxItems 1-1000 (the API reference). */
export const ROLE_POLICIES_PAGE = 1000;

/** The names of a role's inline policies. */
export async function listRolePolicies(scope: AwsScope, roleName: string): Promise<string[]> {
  const ctx = { service: 'iam', operation: 'ListRolePolicies', region: IAM_REGION, account: scope.account };
  try {
    return await collectPages(
      ctx.operation,
      paginateListRolePolicies({ client: iamClient(scope.account), pageSize: ROLE_POLICIES_PAGE }, { RoleName: roleName }),
      (page) => page.PolicyNames,
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
