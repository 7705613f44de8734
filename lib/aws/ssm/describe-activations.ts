import 'server-only';
import { paginateDescribeActivations, type Activation } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import { collectPages } from '../pages';
import type { AwsScope } from '../scope';

export type { Activation };

/** MaxResults 1-50 (the model). */
export const ACTIVATIONS_PAGE = 50;

/**
 * Every hybrid activation of the region (expiry, registration limit and count), 50 a page: an account has few, so
 * one listing per region serves every hybrid node.
 */
export async function listActivations(scope: AwsScope): Promise<Activation[]> {
  const ctx = { service: 'ssm', operation: 'DescribeActivations', region: scope.region, account: scope.account };
  try {
    return await collectPages(
      ctx.operation,
      paginateDescribeActivations({ client: ssmClient(scope), pageSize: ACTIVATIONS_PAGE }, {}),
      (page) => page.ActivationList,
    );
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
