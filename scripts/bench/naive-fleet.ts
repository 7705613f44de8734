/**
 * The baseline the benchmark compares against: what a straightforward implementation does. SDK defaults for page
 * sizes (DescribeInstanceInformation returns 10 a page), then one call per node for each other source:
 * DescribeInstances(InstanceIds=[id]), DescribeInstancePatchStates(InstanceIds=[id]) and
 * DescribeOpsItems(ResourceId contains id), all issued at once (the client's socket pool bounds them).
 * Benchmark-only code: it deliberately bypasses lib/aws's batching.
 */
import { SSMClient, DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, DescribeOpsItemsCommand, type InstanceInformation } from '@aws-sdk/client-ssm';
import { EC2Client, DescribeInstancesCommand } from '@aws-sdk/client-ec2';

async function naiveRegion(region: string): Promise<number> {
  // SDK defaults throughout (retries, sockets, timeouts), as a straightforward implementation would have them.
  const endpoint = process.env.AWS_ENDPOINT_URL;
  const ssm = new SSMClient({ region, endpoint });
  const ec2 = new EC2Client({ region, endpoint });
  const infos: InstanceInformation[] = [];
  let token: string | undefined;
  do {
    const page = await ssm.send(new DescribeInstanceInformationCommand({ NextToken: token }));
    infos.push(...(page.InstanceInformationList ?? []));
    token = page.NextToken;
  } while (token);
  const rows = await Promise.all(
    infos.map(async (info) => {
      const id = info.InstanceId!;
      const [ec2Out, patch, ops] = await Promise.all([
        id.startsWith('i-') ? ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })) : undefined,
        ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [id] })),
        ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'ResourceId', Operator: 'Contains', Values: [id] }, { Key: 'Status', Operator: 'Equal', Values: ['Open', 'InProgress'] }] })),
      ]);
      return { info, instance: ec2Out?.Reservations?.[0]?.Instances?.[0], patch: patch.InstancePatchStates?.[0], ops: ops.OpsItemSummaries?.length ?? 0 };
    }),
  );
  return rows.length;
}

export async function naiveFleet(regions: string[]): Promise<number> {
  const counts = await Promise.all(regions.map(naiveRegion));
  return counts.reduce((a, b) => a + b, 0);
}
