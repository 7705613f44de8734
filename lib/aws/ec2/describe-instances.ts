import 'server-only';
import { paginateDescribeInstances, DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { Instance };

/**
 * Every instance of a region in every state (terminated ones stay listed for about an hour), 1000 a page (the API's
 * maximum): a tag-targeted command reaches stopped instances too, so the fleet must show them. `select` projects each
 * instance (with its reservation's owner, the account) as its page arrives, so a large fleet's full SDK objects are never all held at once.
 */
export async function listInstances<T = Instance>(scope: AwsScope, select: (i: Instance, ownerId: string | undefined) => T = (i) => i as T): Promise<T[]> {
  const ctx = { service: 'ec2', operation: 'DescribeInstances', region: scope.region, account: scope.account };
  const out: T[] = [];
  try {
    const pages = paginateDescribeInstances(
      { client: ec2Client(scope), pageSize: LIMITS.describeInstancesPage },
      {},
    );
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError(ctx.operation);
      for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) out.push(select(i, r.OwnerId));
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return out;
}

/** Named instances; an unknown ID makes EC2 answer InvalidInstanceID.NotFound (mapped to a 404 AwsError). */
export async function describeInstancesByIds(scope: AwsScope, ids: string[]): Promise<Instance[]> {
  try {
    const out = await ec2Client(scope).send(new DescribeInstancesCommand({ InstanceIds: ids }));
    return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  } catch (err) {
    throw toAwsError(err, { service: 'ec2', operation: 'DescribeInstances', region: scope.region, account: scope.account });
  }
}
