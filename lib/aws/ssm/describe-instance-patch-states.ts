import 'server-only';
import { paginateDescribeInstancePatchStates, type InstancePatchState } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS } from '../limits';

export type { InstancePatchState };

/** Patch state summaries of up to 50 nodes (the API's limit); nodes never scanned are absent. */
export async function describeInstancePatchStates(scope: AwsScope, ids: string[]): Promise<InstancePatchState[]> {
  if (ids.length === 0) return [];
  if (ids.length > LIMITS.patchStatesBatch) throw new RangeError('at most 50 node IDs per DescribeInstancePatchStates call');
  const out: InstancePatchState[] = [];
  try {
    // One page: MaxResults 50 covers the 50 IDs asked for.
    const pages = paginateDescribeInstancePatchStates(
      { client: ssmClient(scope), pageSize: LIMITS.patchStatesBatch },
      { InstanceIds: ids },
    );
    for await (const page of pages) out.push(...(page.InstancePatchStates ?? []));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribeInstancePatchStates', region: scope.region, account: scope.account });
  }
  return out;
}
