import { DescribeInstancesCommand, EC2Client, paginateDescribeInstances, type DescribeInstancesCommandInput, type Instance, type Reservation } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformSpec, type SimNode } from '../../fleet-sim';
import { FAKE_CREDENTIALS, startContractMock, checkEveryExchange, errorOf } from './harness';

let mock: ReturnType<typeof startContractMock>;
const clients = new Map<string, EC2Client>();
const ec2 = (region = 'us-east-1') => {
  if (!clients.has(region)) clients.set(region, new EC2Client({ region, credentials: FAKE_CREDENTIALS, maxAttempts: 1 }));
  return clients.get(region) as EC2Client;
};
const send = (input: DescribeInstancesCommandInput, region?: string) => ec2(region).send(new DescribeInstancesCommand(input));
const ec2Nodes = (region = 'us-east-1') => [...mock.sim.store.byId.values()].filter((n) => n.region === region && n.ec2);
const instances = (reservations: Reservation[] = []) => reservations.flatMap((r) => r.Instances ?? []);
const tag = (i: Instance | SimNode, key: string) => ('tags' in i ? i.tags : (i.Tags ?? [])).find((t) => t.Key === key)?.Value;

async function listAll(input: DescribeInstancesCommandInput, pageSize: number, region = 'us-east-1') {
  const reservations: Reservation[] = [];
  let pages = 0;
  for await (const page of paginateDescribeInstances({ client: ec2(region), pageSize }, input)) {
    pages++;
    reservations.push(...(page.Reservations ?? []));
  }
  return { reservations, pages };
}

beforeAll(() => {
  mock = startContractMock({ nodes: 1500, seed: 23 });
});
afterAll(() => mock.close());
checkEveryExchange(() => mock);

describe('ec2 DescribeInstances', () => {
  it('pages through every instance exactly once (running, stopped, unregistered; no hybrid nodes)', async () => {
    const small = await listAll({}, 37);
    const ids = instances(small.reservations).map((i) => i.InstanceId);
    expect(small.pages).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(ec2Nodes().map((n) => n.id)));
    const big = await listAll({}, 1000);
    expect(instances(big.reservations)).toHaveLength(ids.length);
    expect(big.reservations.some((r) => (r.Instances?.length ?? 0) > 1)).toBe(true);
    const all = await send({});
    expect(instances(all.Reservations)).toHaveLength(ids.length);
    expect(all.NextToken).toBeUndefined();
  });

  it('delivers the instance fields through the SDK', async () => {
    const { Reservations } = await send({});
    const byId = new Map(instances(Reservations).map((i) => [i.InstanceId, i]));
    for (const node of ec2Nodes()) {
      const i = byId.get(node.id) as Instance;
      const e = node.ec2 as NonNullable<SimNode['ec2']>;
      expect(i).toMatchObject({
        ImageId: e.imageId, InstanceType: e.instanceType, State: { Name: e.state, Code: e.state === 'running' ? 16 : 80 },
        Placement: { AvailabilityZone: e.availabilityZone, Tenancy: 'default' }, SubnetId: e.subnetId, VpcId: e.vpcId,
        PrivateIpAddress: e.privateIp, Architecture: e.architecture, RootDeviceType: 'ebs', VirtualizationType: 'hvm',
        PlatformDetails: platformSpec(node.platform).platformDetails, EbsOptimized: e.ebsOptimized, EnaSupport: true, SourceDestCheck: true,
      });
      expect(i.LaunchTime).toEqual(new Date(e.launchTime));
      expect(i.PrivateDnsName).toMatch(/^ip-10-\d+-\d+-\d+\.ec2\.internal$/);
      expect(tag(i, 'Name')).toBe(node.name);
      expect(tag(i, 'aws:autoscaling:groupName')).toBe(e.autoScalingGroup);
      expect(i.Platform).toBe(platformSpec(node.platform).platformType === 'Windows' ? 'windows' : undefined);
      expect(i.IamInstanceProfile?.Arn).toBe(e.iamInstanceProfile?.arn);
      if (e.publicIp && e.state === 'running') expect(i.PublicDnsName).toMatch(/^ec2-.*\.compute-1\.amazonaws\.com$/);
    }
  });

  it('finds instances by ID and reports unknown and malformed IDs as EC2 does', async () => {
    const [a, b] = ec2Nodes();
    const found = await send({ InstanceIds: [b.id, a.id] });
    expect(instances(found.Reservations).map((i) => i.InstanceId).sort()).toEqual([a.id, b.id].sort());
    const notFound = await errorOf(send({ InstanceIds: [a.id, 'i-0123456789abcdef0'] }));
    expect(notFound.name).toBe('InvalidInstanceID.NotFound');
    expect(notFound.message).toBe("The instance ID 'i-0123456789abcdef0' does not exist");
    expect(notFound.$metadata?.httpStatusCode).toBe(400);
    const malformed = await errorOf(send({ InstanceIds: ['i-123'] }));
    expect(malformed.name).toBe('InvalidInstanceID.Malformed');
    const hybrid = [...mock.sim.store.byId.values()].find((n) => !n.ec2) as SimNode;
    expect((await errorOf(send({ InstanceIds: [hybrid.id] }))).name).toBe('InvalidInstanceID.Malformed');
  });

  it('rejects MaxResults with InstanceIds and outside 5..1000', async () => {
    const combo = await errorOf(send({ InstanceIds: [ec2Nodes()[0].id], MaxResults: 10 }));
    expect(combo.name).toBe('InvalidParameterCombination');
    expect(combo.message).toBe('The parameter instancesSet cannot be used with the parameter maxResults');
    const low = await errorOf(send({ MaxResults: 4 }));
    expect(low.name).toBe('InvalidParameterValue');
    expect(low.message).toBe('Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
    expect((await errorOf(send({ MaxResults: 1001 }))).name).toBe('InvalidParameterValue');
    expect((await errorOf(send({ MaxResults: 5, NextToken: 'bm90LWEtdG9rZW4=' }))).name).toBe('InvalidPaginationToken');
  });

  it('filters by state, tags (with wildcards), tag keys, zone and type, and rejects unknown filters', async () => {
    const stopped = instances((await send({ Filters: [{ Name: 'instance-state-name', Values: ['stopped'] }] })).Reservations);
    expect(stopped.length).toBe(ec2Nodes().filter((n) => n.ec2?.state === 'stopped').length);
    expect(stopped.every((i) => i.State?.Name === 'stopped' && i.StateTransitionReason?.startsWith('User initiated'))).toBe(true);
    const web = instances((await send({ Filters: [{ Name: 'tag:Name', Values: ['web-prod-*'] }, { Name: 'tag:Environment', Values: ['prod'] }] })).Reservations);
    expect(web.length).toBe(ec2Nodes().filter((n) => n.name.startsWith('web-prod-')).length);
    expect(web.length).toBeGreaterThan(0);
    const asg = instances((await send({ Filters: [{ Name: 'tag-key', Values: ['aws:autoscaling:groupName'] }] })).Reservations);
    expect(asg.length).toBe(ec2Nodes().filter((n) => n.ec2?.autoScalingGroup).length);
    const zone = ec2Nodes()[0].ec2?.availabilityZone as string;
    const type = ec2Nodes()[0].ec2?.instanceType as string;
    const both = instances((await send({ Filters: [{ Name: 'availability-zone', Values: [zone] }, { Name: 'instance-type', Values: [type] }] })).Reservations);
    expect(both.length).toBe(ec2Nodes().filter((n) => n.ec2?.availabilityZone === zone && n.ec2.instanceType === type).length);
    const ids = instances((await send({ Filters: [{ Name: 'instance-id', Values: [ec2Nodes()[3].id] }] })).Reservations);
    expect(ids.map((i) => i.InstanceId)).toEqual([ec2Nodes()[3].id]);
    const bad = await errorOf(send({ Filters: [{ Name: 'color', Values: ['red'] }] }));
    expect(bad.name).toBe('InvalidParameterValue');
    expect(bad.message).toBe("The filter 'color' is invalid");
  });

  it('keeps regions apart', async () => {
    const { reservations } = await listAll({}, 1000, 'ap-southeast-2');
    expect(new Set(instances(reservations).map((i) => i.InstanceId))).toEqual(new Set(ec2Nodes('ap-southeast-2').map((n) => n.id)));
    const foreign = ec2Nodes('us-east-1')[0].id;
    expect((await errorOf(send({ InstanceIds: [foreign] }, 'ap-southeast-2'))).name).toBe('InvalidInstanceID.NotFound');
    expect(instances(reservations).every((i) => i.Placement?.AvailabilityZone?.startsWith('ap-southeast-2'))).toBe(true);
  });
});
