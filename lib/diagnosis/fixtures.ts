/**
 * Hand-built facts for the rules' unit tests: a healthy NotManaged-looking EC2 instance in a private subnet that
 * routes through a NAT gateway, with a profile whose role has AmazonSSMManagedInstanceCore. Tests break one piece.
 */
import type { NodeRow } from '@/lib/contracts/node';
import { known, type Fact, type InstanceFact, type NaclEntry, type NodeFacts, type RoleFact, type SecurityGroupFact, type VpcFacts } from './facts';

export const REGION = 'us-east-1';
export const INSTANCE = 'i-0123456789abcdef0';
export const VPC = 'vpc-0aaa';
export const SUBNET = 'subnet-0priv';
export const SG = 'sg-0inst';

export const denied = (action: string): Fact<never> => ({ ok: false, action, denied: true, message: `not authorized to perform ${action}` });

export function row(over: Partial<NodeRow> = {}): NodeRow {
  return {
    id: INSTANCE, account: '', accountName: '', region: REGION, name: 'web-1', managed: false, ping: 'NotManaged', lastPingAt: null, platformType: null,
    platformName: 'Linux/UNIX', platformVersion: null, agentVersion: null, agentLatest: null, ip: '10.0.1.10', computerName: null,
    resourceType: 'EC2Instance', ec2State: 'running', instanceType: 't3.micro', az: 'us-east-1a', imageId: 'ami-0al', instanceProfile: 'ssm-profile',
    launchTime: null, publicIp: null, vpcId: VPC, asg: null, tags: {}, patchStatus: null, patchMissing: null, patchFailed: null,
    patchPendingReboot: null, patchRejected: null, patchInstalled: null, patchCritical: null, patchSecurity: null, patchOther: null,
    patchScannedAt: null, patchOperation: null, patchGroup: null, baselineId: null, openOpsItems: null, ...over,
  };
}

export const allowAll = (ruleNumber: number, egress: boolean): NaclEntry => ({ ruleNumber, egress, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0', fromPort: null, toPort: null });
export const denyAll = (egress: boolean): NaclEntry => ({ ruleNumber: 32767, egress, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0', fromPort: null, toPort: null });
export const tcpEntry = (ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string, from: number, to: number): NaclEntry =>
  ({ ruleNumber, egress, protocol: '6', action, cidr, fromPort: from, toPort: to });

export function vpc(over: Partial<VpcFacts> = {}): VpcFacts {
  return {
    vpcId: VPC,
    cidrs: known(['10.0.0.0/16']),
    dnsSupport: known(true),
    dnsHostnames: known(true),
    subnets: known([
      { id: SUBNET, cidr: '10.0.1.0/24', az: 'us-east-1a' },
      { id: 'subnet-0pub', cidr: '10.0.0.0/24', az: 'us-east-1a' },
      { id: 'subnet-0ep', cidr: '10.0.9.0/24', az: 'us-east-1b' },
    ]),
    routeTables: known([
      { id: 'rtb-0main', main: true, subnetIds: [], routes: [{ destination: '10.0.0.0/16', target: 'local', state: 'active' }] },
      { id: 'rtb-0priv', main: false, subnetIds: [SUBNET], routes: [{ destination: '10.0.0.0/16', target: 'local', state: 'active' }, { destination: '0.0.0.0/0', target: 'nat-0abc', state: 'active' }] },
      { id: 'rtb-0pub', main: false, subnetIds: ['subnet-0pub'], routes: [{ destination: '0.0.0.0/0', target: 'igw-0abc', state: 'active' }] },
    ]),
    endpoints: known([]),
    securityGroups: known(baseGroups()),
    nacls: known([{ id: 'acl-0def', isDefault: true, subnetIds: [SUBNET, 'subnet-0pub', 'subnet-0ep'], entries: [allowAll(100, true), denyAll(true), allowAll(100, false), denyAll(false)] }]),
    fetchedAt: 1_700_000_000_000,
    ...over,
  };
}

/** Interface endpoints for the three SSM services in subnet-0ep, behind sg-0vpce, private DNS on. */
export const ssmEndpoints = (over: { privateDns?: boolean; groups?: string[] } = {}) =>
  ['ssm', 'ssmmessages', 'ec2messages'].map((svc, i) => ({
    id: `vpce-0${i}`, serviceName: `com.amazonaws.${REGION}.${svc}`, type: 'Interface', state: 'available',
    subnetIds: ['subnet-0ep'], securityGroupIds: over.groups ?? ['sg-0vpce'], privateDns: over.privateDns ?? true,
  }));

export const coreRole = (over: Partial<RoleFact> = {}): RoleFact => ({
  name: 'ssm-role',
  attached: [{ name: 'AmazonSSMManagedInstanceCore', arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }],
  inline: known([]),
  ...over,
});

export function instance(over: Partial<InstanceFact> = {}): InstanceFact {
  return {
    id: INSTANCE, state: 'running', stateReason: null, vpcId: VPC, subnetId: SUBNET, privateIp: '10.0.1.10', publicIp: null,
    securityGroupIds: [SG], imageId: 'ami-0al', platform: null, platformDetails: 'Linux/UNIX',
    profileArn: 'arn:aws:iam::123456789012:instance-profile/ssm-profile', ...over,
  };
}

/** The fixture VPC's security groups (the instance's and the endpoints'). */
export const baseGroups = (): SecurityGroupFact[] => [
  { id: SG, name: 'app', ingress: [], egress: [{ protocol: '-1', fromPort: null, toPort: null, cidrs: ['0.0.0.0/0'], groupIds: [], prefixListIds: [] }] },
  { id: 'sg-0vpce', name: 'vpce', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/16'], groupIds: [], prefixListIds: [] }], egress: [] },
];

export function facts(over: Partial<NodeFacts> = {}): NodeFacts {
  const r = over.row ?? row();
  return {
    row: r,
    activationId: null,
    instance: known(instance({ id: r.id })),
    status: known({ state: 'running', instanceStatus: 'ok', systemStatus: 'ok', failedChecks: [] }),
    association: known({ profileArn: 'arn:aws:iam::123456789012:instance-profile/ssm-profile', state: 'associated' }),
    profile: known({ name: 'ssm-profile', arn: 'arn:aws:iam::123456789012:instance-profile/ssm-profile', role: { name: 'ssm-role', arn: null } }),
    role: known(coreRole()),
    dhmc: null,
    dhmcRole: null,
    vpc: vpc(),
    activation: null,
    amiName: 'al2023-ami-2023.6.20250101.0-kernel-6.1-x86_64',
    suggestedProfile: 'ssm-profile',
    fetchedAt: 1_700_000_000_000,
    ...over,
  };
}

/** The same instance with no profile (association and EC2 both say so). */
export function withoutProfile(f: NodeFacts, dhmcRole: string | null): NodeFacts {
  const inst = f.instance?.ok && f.instance.value ? { ...f.instance.value, profileArn: null } : null;
  return { ...f, instance: known(inst), association: known(null), profile: null, role: null, dhmc: known({ roleName: dhmcRole }), dhmcRole: dhmcRole ? known(coreRole({ name: dhmcRole })) : null };
}
