/**
 * The baseline the benchmark compares against: what a straightforward implementation does. SDK defaults for page
 * sizes (DescribeInstanceInformation returns 10 a page), then one call per node for each other source:
 * DescribeInstances(InstanceIds=[id]), DescribeInstancePatchStates(InstanceIds=[id]) and
 * DescribeOpsItems(ResourceId contains id), all issued at once (the client's socket pool bounds them).
 * With accounts, one sts:AssumeRole per account (its read-only role), then the same in each of its regions.
 * A call whose connection was reset, or that the simulated AWS's HTTP server timed out (408, which the SDK reports as
 * UnknownError), is sent again (up to 3 more times): at 100,000 nodes the burst of 300,000 calls from one process
 * hits both, and the SDK's own retry quota is spent after a few dozen.
 * Benchmark-only code: it deliberately bypasses lib/aws's batching.
 */
import {
  SSMClient, DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, DescribeOpsItemsCommand, type InstanceInformation,
  type DescribeInstanceInformationCommandOutput, type DescribeInstancePatchStatesCommandOutput, type DescribeOpsItemsCommandOutput,
} from '@aws-sdk/client-ssm';
import { EC2Client, DescribeInstancesCommand, type DescribeInstancesCommandOutput } from '@aws-sdk/client-ec2';
import { STSClient, AssumeRoleCommand, type AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

const TRANSIENT = /ECONNRESET|EPIPE|socket hang up|TimeoutError|UnknownError/;
async function send<O>(client: { send(command: unknown): Promise<O> }, command: unknown): Promise<O> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.send(command);
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode;
      if (attempt > 3 || !(TRANSIENT.test(`${e.name} ${e.code} ${e.message}`) || status === 408 || (status ?? 0) >= 500)) {
        throw new Error(`${e.name ?? 'Error'} (HTTP ${status ?? '-'}, ${e.code ?? 'no code'}) after ${attempt} attempt(s): ${e.message}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

async function naiveRegion(region: string, credentials?: AwsCredentialIdentity): Promise<number> {
  // SDK defaults throughout (retries, sockets, timeouts), as a straightforward implementation would have them.
  const endpoint = process.env.AWS_ENDPOINT_URL;
  const ssm = new SSMClient({ region, endpoint, ...(credentials ? { credentials } : {}) });
  const ec2 = new EC2Client({ region, endpoint, ...(credentials ? { credentials } : {}) });
  const infos: InstanceInformation[] = [];
  let token: string | undefined;
  do {
    const page = await send<DescribeInstanceInformationCommandOutput>(ssm, new DescribeInstanceInformationCommand({ NextToken: token }));
    infos.push(...(page.InstanceInformationList ?? []));
    token = page.NextToken;
  } while (token);
  const rows = await Promise.all(
    infos.map(async (info) => {
      const id = info.InstanceId!;
      const [ec2Out, patch, ops] = await Promise.all([
        id.startsWith('i-') ? send<DescribeInstancesCommandOutput>(ec2, new DescribeInstancesCommand({ InstanceIds: [id] })) : undefined,
        send<DescribeInstancePatchStatesCommandOutput>(ssm, new DescribeInstancePatchStatesCommand({ InstanceIds: [id] })),
        send<DescribeOpsItemsCommandOutput>(ssm, new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'ResourceId', Operator: 'Contains', Values: [id] }, { Key: 'Status', Operator: 'Equal', Values: ['Open', 'InProgress'] }] })),
      ]);
      return { info, instance: ec2Out?.Reservations?.[0]?.Instances?.[0], patch: patch.InstancePatchStates?.[0], ops: ops.OpsItemSummaries?.length ?? 0 };
    }),
  );
  ssm.destroy();
  ec2.destroy();
  return rows.length;
}

/** A role's temporary credentials (one AssumeRole), as a straightforward implementation would get them. */
async function assume(roleArn: string): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL });
  const out = await send<AssumeRoleCommandOutput>(sts, new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'naive-bench' }));
  sts.destroy();
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration };
}

/**
 * Every region of every account: `accounts` lists each account's read-only role and regions; without it, `regions`
 * with the process's own credentials.
 */
export async function naiveFleet(regions: string[], accounts?: { roleArn: string; regions: string[] }[]): Promise<number> {
  if (!accounts?.length) {
    const counts = await Promise.all(regions.map((r) => naiveRegion(r)));
    return counts.reduce((a, b) => a + b, 0);
  }
  const counts = await Promise.all(
    accounts.map(async (a) => {
      const credentials = await assume(a.roleArn);
      const n = await Promise.all(a.regions.map((r) => naiveRegion(r, credentials)));
      return n.reduce((x, y) => x + y, 0);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
