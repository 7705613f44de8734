/** The pure rules on hand-built facts: each cause, a healthy node, denied permissions, ranking. */
import { describe, expect, it } from 'vitest';
import { NodeDiagnosisSchema, DIAGNOSIS_STEPS } from '@/lib/contracts/diagnosis';
import { diagnose } from './diagnose';
import { known, type NodeFacts } from './facts';
import {
  allowAll, baseGroups, coreRole, denied, denyAll, facts, instance, INSTANCE, REGION, row, SG, ssmEndpoints, SUBNET, tcpEntry, vpc, withoutProfile,
} from './fixtures';

const run = (f: NodeFacts) => diagnose(f, { calls: { total: 0, byOperation: {} } }).dto;
const top = (f: NodeFacts) => run(f).causes[0]?.code ?? null;
const step = (f: NodeFacts, key: (typeof DIAGNOSIS_STEPS)[number]) => run(f).steps.find((s) => s.step === key)!;
const withVpc = (over: Parameters<typeof vpc>[0]) => facts({ vpc: vpc(over) });

describe('a healthy node', () => {
  it('has no cause, passes every EC2 step and says what was checked', () => {
    const d = run(facts());
    expect(NodeDiagnosisSchema.parse(d)).toEqual(d);
    expect(d.causes).toEqual([]);
    expect(d.steps.map((s) => [s.step, s.status])).toEqual([['ec2', 'pass'], ['iam', 'pass'], ['network', 'pass'], ['agent', 'pass'], ['hybrid', 'skipped']]);
    expect(d.noCauseFound).toMatch(/Checked .*network path/);
    expect(d.steps.find((s) => s.step === 'network')!.summary).toMatch(/NAT gateway nat-0abc/);
  });

  it('reaches SSM through interface endpoints with private DNS (no NAT needed)', () => {
    const f = withVpc({ endpoints: known(ssmEndpoints()), routeTables: known([{ id: 'rtb-0main', main: true, subnetIds: [], routes: [] }]) });
    const d = run(f);
    expect(d.causes).toEqual([]);
    expect(step(f, 'network').summary).toMatch(/interface endpoint vpce-00/);
  });

  it('an Online hybrid node with an expired activation has no cause (it only matters for new registrations)', () => {
    const f = facts({
      row: row({ id: 'mi-0123456789abcdef0', ping: 'Online', managed: true, lastPingAt: '2025-01-01T00:00:00.000Z', agentVersion: '3.3.1' }),
      instance: null, status: null, association: null, profile: null, role: null, vpc: null, activationId: 'act-1',
      activation: known({ id: 'act-1', expired: true, expiresAt: '2024-01-01T00:00:00.000Z', registrationLimit: 5, registrationsCount: 5, iamRole: 'SSMServiceRole' }),
    });
    expect(run(f).causes).toEqual([]);
  });
});

describe('each cause', () => {
  it('stopped instance', () => {
    const f = facts({ row: row({ ping: 'NotRunning', ec2State: 'stopped' }), status: known({ state: 'stopped', instanceStatus: 'not-applicable', systemStatus: 'not-applicable', failedChecks: [] }) });
    const d = run(f);
    expect(d.causes[0]).toMatchObject({ code: 'instance-not-running', rank: 1, confidence: 'high', step: 'ec2' });
    expect(d.causes[0].fix.text).toBe(`aws ec2 start-instances --instance-ids ${INSTANCE} --region ${REGION}`);
    expect(d.causes[0].evidence.find((e) => e.label === 'Instance')?.href).toContain('console.aws.amazon.com/ec2/');
  });

  it('impaired status checks', () => {
    const f = facts({ status: known({ state: 'running', instanceStatus: 'impaired', systemStatus: 'ok', failedChecks: ['instance reachability failed'] }) });
    expect(top(f)).toBe('status-check-failed');
    expect(run(f).causes[0].fix.text).toContain('reboot-instances');
  });

  it('no instance profile with DHMC off, and no cause when DHMC covers it', () => {
    expect(top(withoutProfile(facts(), null))).toBe('no-instance-profile');
    const fix = run(withoutProfile(facts(), null)).causes[0].fix.text;
    expect(fix).toContain(`aws ec2 associate-iam-instance-profile --instance-id ${INSTANCE} --iam-instance-profile Name=ssm-profile --region ${REGION}`);
    const covered = withoutProfile(facts(), 'AWSSystemsManagerDefaultEC2InstanceManagementRole');
    expect(run(covered).causes).toEqual([]);
    expect(step(covered, 'iam')).toMatchObject({ status: 'pass', summary: expect.stringMatching(/Default Host Management Configuration is on/) });
  });

  it('DHMC does not cover a registered node whose agent is too old', () => {
    const f = withoutProfile(facts({ row: row({ ping: 'ConnectionLost', managed: true, agentVersion: '3.1.1004.0', lastPingAt: '2025-01-01T00:00:00.000Z' }) }), 'AWSSystemsManagerDefaultEC2InstanceManagementRole');
    expect(top(f)).toBe('no-instance-profile');
    expect(run(f).causes[0].sentence).toMatch(/too old/);
  });

  it('profile without a role, and a profile IAM no longer has', () => {
    expect(top(facts({ profile: known({ name: 'ssm-profile', arn: null, role: null }) }))).toBe('profile-without-role');
    expect(top(facts({ profile: known(null) }))).toBe('profile-without-role');
  });

  it('role without the core policy, unless an inline policy grants the minimum actions', () => {
    const bare = coreRole({ attached: [{ name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }] });
    const d = run(facts({ role: known(bare) }));
    expect(d.causes[0]).toMatchObject({ code: 'role-missing-ssm-permissions', confidence: 'high' });
    expect(d.causes[0].fix.text).toBe('aws iam attach-role-policy --role-name ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
    const inline = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*', 'ec2messages:*'], Resource: '*' }] });
    expect(run(facts({ role: known({ ...bare, inline: known([{ name: 'ssm-min', document: inline }]) }) })).causes).toEqual([]);
  });

  it('no route: a private subnet without NAT or endpoints', () => {
    const f = withVpc({ routeTables: known([{ id: 'rtb-0priv', main: false, subnetIds: [SUBNET], routes: [{ destination: '10.0.0.0/16', target: 'local', state: 'active' }] }]) });
    const d = run(f);
    expect(d.causes.map((c) => c.code)).toEqual(['no-route-to-ssm']);
    expect(d.causes[0].sentence).toMatch(/ssm, ssmmessages and ec2messages/);
    expect(d.causes[0].fix.text).toContain('for svc in ssm ssmmessages ec2messages; do');
    expect(d.causes[0].fix.text).toContain(`--vpc-id vpc-0aaa --vpc-endpoint-type Interface --service-name com.amazonaws.${REGION}.$svc --subnet-ids ${SUBNET}`);
  });

  it('a blackhole default route counts as no route', () => {
    const f = withVpc({ routeTables: known([{ id: 'rtb-0priv', main: false, subnetIds: [SUBNET], routes: [{ destination: '0.0.0.0/0', target: 'nat-0gone', state: 'blackhole' }] }]) });
    expect(top(f)).toBe('no-route-to-ssm');
  });

  it('internet gateway without a public IP', () => {
    const f = withVpc({ routeTables: known([{ id: 'rtb-0pub', main: true, subnetIds: [], routes: [{ destination: '0.0.0.0/0', target: 'igw-0abc', state: 'active' }] }]) });
    expect(top(f)).toBe('no-public-ip-for-igw');
    const ok = facts({ vpc: f.vpc, instance: known(instance({ publicIp: '54.1.2.3' })) });
    expect(run(ok).causes).toEqual([]);
  });

  it('VPC DNS off with private-DNS endpoints and no other way out', () => {
    const noRoute = known([{ id: 'rtb-0main', main: true, subnetIds: [], routes: [] }]);
    const f = withVpc({ endpoints: known(ssmEndpoints()), routeTables: noRoute, dnsHostnames: known(false) });
    const d = run(f);
    expect(d.causes[0].code).toBe('vpc-dns-disabled');
    expect(d.causes[0].fix.text).toBe(`aws ec2 modify-vpc-attribute --vpc-id vpc-0aaa --enable-dns-hostnames '{"Value":true}' --region ${REGION}`);
  });

  it('endpoint private DNS off', () => {
    const f = withVpc({ endpoints: known(ssmEndpoints({ privateDns: false })), routeTables: known([{ id: 'rtb-0main', main: true, subnetIds: [], routes: [] }]) });
    expect(top(f)).toBe('endpoint-private-dns-off');
    expect(run(f).causes[0].fix.text).toContain('modify-vpc-endpoint --vpc-endpoint-id vpce-00 --private-dns-enabled');
  });

  it("endpoint security group without 443 from the instance", () => {
    const f = withVpc({ endpoints: known(ssmEndpoints({ groups: ['sg-0closed'] })), securityGroups: known([...baseGroups(), { id: 'sg-0closed', name: 'closed', ingress: [], egress: [] }]) });
    const d = run(f);
    expect(d.causes[0].code).toBe('endpoint-sg-blocks-443');
    expect(d.causes[0].fix.text).toBe(`aws ec2 authorize-security-group-ingress --group-id sg-0closed --protocol tcp --port 443 --cidr 10.0.0.0/16 --region ${REGION}`);
  });

  it("the instance's security group allows no 443 out", () => {
    const f = withVpc({ securityGroups: known([{ id: SG, name: 'locked', ingress: [], egress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: ['0.0.0.0/0'], groupIds: [], prefixListIds: [] }] }]) });
    expect(top(f)).toBe('sg-egress-blocks-443');
    expect(run(f).causes[0].fix.text).toContain(`authorize-security-group-egress --group-id ${SG}`);
  });

  it('network ACL: ephemeral ports denied inbound, 443 denied outbound', () => {
    const ephemeral = withVpc({ nacls: known([{ id: 'acl-0r', isDefault: false, subnetIds: [SUBNET], entries: [tcpEntry(100, false, 'allow', '10.0.0.0/16', 443, 443), denyAll(false), allowAll(100, true), denyAll(true)] }]) });
    const d = run(ephemeral);
    expect(d.causes.map((c) => c.code)).toEqual(['nacl-blocks-ephemeral-in']);
    expect(d.causes[0].fix.text).toBe(`aws ec2 create-network-acl-entry --network-acl-id acl-0r --ingress --rule-number 32766 --protocol tcp --port-range From=1024,To=65535 --cidr-block 0.0.0.0/0 --rule-action allow --region ${REGION}`);
    const out = withVpc({ nacls: known([{ id: 'acl-0o', isDefault: false, subnetIds: [SUBNET], entries: [tcpEntry(90, true, 'deny', '0.0.0.0/0', 443, 443), allowAll(100, true), denyAll(true), allowAll(100, false), denyAll(false)] }]) });
    expect(run(out).causes[0]).toMatchObject({ code: 'nacl-blocks-443-out' });
    expect(run(out).causes[0].fix.text).toContain('--egress --rule-number 89');
  });

  it('agent not installed: a never registered RHEL instance with everything else in order', () => {
    const f = facts({ amiName: 'RHEL-9.4.0_HVM-20250101-x86_64-0-Hourly2-GP3' });
    expect(run(f).causes.map((c) => [c.code, c.confidence])).toEqual([['agent-not-installed', 'medium']]);
    expect(run(facts({ amiName: null, instance: known(instance({ platformDetails: 'Red Hat Enterprise Linux' })) })).causes[0]?.code).toBe('agent-not-installed');
    // Stopped: it may have registered before; no claim.
    expect(run(facts({ amiName: 'RHEL-9.4.0_HVM', row: row({ ping: 'NotRunning', ec2State: 'stopped' }), status: known({ state: 'stopped', instanceStatus: null, systemStatus: null, failedChecks: [] }) })).causes.map((c) => c.code)).toEqual(['instance-not-running']);
  });

  it('hybrid activation expired, or at its registration limit (limit first when both)', () => {
    const hybrid = (a: { expired: boolean; count: number }) => facts({
      row: row({ id: 'mi-0123456789abcdef0', ping: 'ConnectionLost', managed: true, lastPingAt: '2025-01-01T00:00:00.000Z', agentVersion: '3.3.1' }),
      instance: null, status: null, association: null, profile: null, role: null, vpc: null, activationId: 'act-1',
      activation: known({ id: 'act-1', expired: a.expired, expiresAt: '2024-01-01T00:00:00.000Z', registrationLimit: 5, registrationsCount: a.count, iamRole: 'SSMServiceRole' }),
    });
    expect(run(hybrid({ expired: true, count: 3 })).causes.map((c) => c.code)).toEqual(['activation-expired']);
    expect(run(hybrid({ expired: true, count: 5 })).causes.map((c) => c.code)).toEqual(['activation-limit-reached', 'activation-expired']);
    expect(run(hybrid({ expired: false, count: 5 })).causes[0].fix.text).toContain('aws ssm create-activation --iam-role SSMServiceRole');
    expect(step(hybrid({ expired: false, count: 1 }), 'ec2').status).toBe('skipped');
  });
});

describe('denied permissions are unchecked steps, never causes', () => {
  it('network facts denied: the network step is unchecked and names the actions', () => {
    const f = withVpc({ routeTables: denied('ec2:DescribeRouteTables'), nacls: denied('ec2:DescribeNetworkAcls') });
    const d = run(f);
    expect(d.causes).toEqual([]);
    expect(d.steps.find((s) => s.step === 'network')).toMatchObject({ status: 'unchecked', missingPermissions: ['ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables'] });
    expect(d.missingPermissions).toEqual(['ec2:DescribeNetworkAcls', 'ec2:DescribeRouteTables']);
    expect(d.noCauseFound).toMatch(/Could not check network path.*missing ec2:DescribeNetworkAcls/);
  });

  it('IAM denied: unchecked, no cause, even on a role that would fail', () => {
    const f = facts({ profile: denied('iam:GetInstanceProfile'), role: null });
    expect(run(f).causes).toEqual([]);
    expect(step(f, 'iam')).toMatchObject({ status: 'unchecked', missingPermissions: ['iam:GetInstanceProfile'] });
    const g = facts({ role: denied('iam:ListAttachedRolePolicies') });
    expect(step(g, 'iam').missingPermissions).toEqual(['iam:ListAttachedRolePolicies']);
  });

  it('DHMC unreadable: the step is unchecked, the missing profile a medium-confidence cause', () => {
    const f = { ...withoutProfile(facts(), null), dhmc: denied('ssm:GetServiceSetting') };
    const d = run(f);
    expect(step(f, 'iam')).toMatchObject({ status: 'unchecked', missingPermissions: ['ssm:GetServiceSetting'] });
    expect(d.causes.map((c) => [c.code, c.confidence])).toEqual([['no-instance-profile', 'medium']]);
  });

  it('activations denied', () => {
    const f = facts({ row: row({ id: 'mi-0123456789abcdef0', ping: 'ConnectionLost', managed: true }), instance: null, status: null, association: null, vpc: null, activationId: 'act-1', activation: denied('ssm:DescribeActivations') });
    expect(step(f, 'hybrid')).toMatchObject({ status: 'unchecked', missingPermissions: ['ssm:DescribeActivations'] });
    expect(run(f).causes).toEqual([]);
  });

  it('status checks denied while the instance is running: unchecked, and the other steps still run', () => {
    const f = facts({ status: denied('ec2:DescribeInstanceStatus'), role: known(coreRole({ attached: [] })) });
    expect(step(f, 'ec2')).toMatchObject({ status: 'unchecked', summary: expect.stringMatching(/^The instance is running/) });
    expect(top(f)).toBe('role-missing-ssm-permissions');
  });
});

describe('ping Unknown (SSM could not be read for the region)', () => {
  it('is diagnosed from EC2 facts, with the agent step unchecked', () => {
    const f = facts({ row: row({ ping: 'Unknown' }) });
    const d = run(f);
    expect(d.symptom.summary).toMatch(/could not be read/);
    expect(step(f, 'agent').status).toBe('unchecked');
    expect(d.causes).toEqual([]);
    expect(top(withoutProfile(facts({ row: row({ ping: 'Unknown' }) }), null))).toBe('no-instance-profile');
  });
});

describe('ranking', () => {
  it('stopped before no profile before no route before agent', () => {
    const broken = withoutProfile(
      facts({
        row: row({ ping: 'NotRunning', ec2State: 'stopped' }),
        status: known({ state: 'stopped', instanceStatus: null, systemStatus: null, failedChecks: [] }),
        amiName: 'RHEL-9.4.0_HVM',
        vpc: vpc({ routeTables: known([{ id: 'rtb-0main', main: true, subnetIds: [], routes: [] }]) }),
      }),
      null,
    );
    const d = run(broken);
    expect(d.causes.map((c) => c.code)).toEqual(['instance-not-running', 'no-instance-profile', 'no-route-to-ssm']);
    expect(d.causes.map((c) => c.rank)).toEqual([1, 2, 3]);
  });

  it('a sure cause outranks a less sure one of an earlier step', () => {
    const f = { ...withoutProfile(facts(), null), dhmc: denied('ssm:GetServiceSetting'), vpc: vpc({ routeTables: known([{ id: 'r', main: true, subnetIds: [], routes: [] }]) }) };
    expect(run(f).causes.map((c) => c.code)).toEqual(['no-route-to-ssm', 'no-instance-profile']);
  });
});
