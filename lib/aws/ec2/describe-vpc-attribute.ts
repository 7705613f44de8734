import 'server-only';
import { DescribeVpcAttributeCommand } from '@aws-sdk/client-ec2';
import { ec2Client } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type VpcDnsAttribute = 'enableDnsSupport' | 'enableDnsHostnames';

/** One DNS attribute of one VPC (the API answers one attribute of one VPC per call); undefined if EC2 leaves it out. */
export async function describeVpcAttribute(scope: AwsScope, vpcId: string, attribute: VpcDnsAttribute): Promise<boolean | undefined> {
  const ctx = { service: 'ec2', operation: 'DescribeVpcAttribute', region: scope.region, account: scope.account };
  try {
    const out = await ec2Client(scope).send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }));
    return (attribute === 'enableDnsSupport' ? out.EnableDnsSupport : out.EnableDnsHostnames)?.Value;
  } catch (err) {
    throw toAwsError(err, ctx);
  }
}
