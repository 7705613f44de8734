/** EC2 operation name -> simulated fleet call, output typed by the SDK's own shapes. */
import type { DescribeImagesRequest, DescribeImagesResult, DescribeInstancesRequest, DescribeInstancesResult, Image, Instance, Reservation } from '@aws-sdk/client-ec2';
import { platformSpec, privateDnsName, publicDnsName, stateCode, type ReservationGroup, type Simulation, type SimNode } from '../fleet-sim';
import { queryImages, type SimImage } from '../fleet-sim/images';
import { EC2_NETWORK_OPERATIONS } from './ec2-network-operations';

export type Ec2Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;

/** The input was validated against the model before the call, so it has the request's shape. */
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Ec2Operation => fn as unknown as Ec2Operation;

const USAGE_OPERATION: Record<string, string> = { Windows: 'RunInstances:0002', 'Red Hat Enterprise Linux': 'RunInstances:0010' };

function stopTime(node: SimNode): number {
  return node.ssm?.lastPingTime ?? (node.ec2 as NonNullable<SimNode['ec2']>).launchTime + 86_400_000;
}

function gmt(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' GMT';
}

export function toInstance(node: SimNode, launchIndex: number): Instance {
  const ec2 = node.ec2;
  if (!ec2) throw new Error(`${node.id} has no EC2 record`);
  const spec = platformSpec(node.platform);
  const running = ec2.state === 'running';
  const publicIp = running ? ec2.publicIp : undefined;
  return {
    InstanceId: node.id,
    ImageId: ec2.imageId,
    State: { Code: stateCode(ec2.state), Name: ec2.state },
    PrivateDnsName: privateDnsName(node.region, ec2.privateIp),
    PublicDnsName: publicIp ? publicDnsName(node.region, publicIp) : '',
    StateTransitionReason: running ? '' : `User initiated (${gmt(stopTime(node))})`,
    StateReason: running ? undefined : { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' },
    KeyName: ec2.keyName,
    AmiLaunchIndex: launchIndex,
    ProductCodes: [],
    InstanceType: ec2.instanceType as Instance['InstanceType'],
    LaunchTime: new Date(ec2.launchTime),
    Placement: { AvailabilityZone: ec2.availabilityZone, GroupName: '', Tenancy: 'default' },
    // The live API sends "windows" (lower case) although the model's enum says "Windows".
    Platform: spec.platformType === 'Windows' ? ('windows' as Instance['Platform']) : undefined,
    Monitoring: { State: ec2.monitoring },
    SubnetId: ec2.subnetId,
    VpcId: ec2.vpcId,
    PrivateIpAddress: ec2.privateIp,
    PublicIpAddress: publicIp,
    Architecture: ec2.architecture,
    RootDeviceType: 'ebs',
    RootDeviceName: spec.rootDeviceName,
    BlockDeviceMappings: [{
      DeviceName: spec.rootDeviceName,
      Ebs: { AttachTime: new Date(ec2.launchTime), DeleteOnTermination: true, Status: 'attached', VolumeId: `vol-${node.id.slice(2)}` },
    }],
    ClientToken: '',
    EbsOptimized: ec2.ebsOptimized,
    EnaSupport: true,
    Hypervisor: 'xen',
    IamInstanceProfile: ec2.iamInstanceProfile ? { Arn: ec2.iamInstanceProfile.arn, Id: ec2.iamInstanceProfile.id } : undefined,
    SecurityGroups: [{ GroupId: ec2.securityGroup.id, GroupName: ec2.securityGroup.name }],
    SourceDestCheck: true,
    Tags: node.tags,
    VirtualizationType: 'hvm',
    PlatformDetails: spec.platformDetails,
    UsageOperation: USAGE_OPERATION[spec.platformDetails] ?? 'RunInstances',
    UsageOperationUpdateTime: new Date(ec2.launchTime),
  };
}

function toReservation(group: ReservationGroup, accountId: string): Reservation {
  return {
    ReservationId: group.reservationId,
    OwnerId: accountId,
    Groups: [],
    Instances: group.instances.map((node, i) => toInstance(node, i)),
  };
}

function describeInstances(sim: Simulation, region: string, input: DescribeInstancesRequest): DescribeInstancesResult {
  const page = sim.ec2Instances(region, {
    instanceIds: input.InstanceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return { Reservations: page.reservations.map((g) => toReservation(g, sim.accountId)), NextToken: page.nextToken };
}

function toImage(img: SimImage): Image {
  const spec = platformSpec(img.platform);
  const windows = spec.platformType === 'Windows';
  return {
    ImageId: img.id,
    ImageLocation: `${img.ownerAlias ?? img.ownerId}/${img.name}`,
    State: 'available',
    OwnerId: img.ownerId,
    ImageOwnerAlias: img.ownerAlias,
    CreationDate: new Date(img.createdTime).toISOString(),
    Public: true,
    Architecture: img.architecture,
    ImageType: 'machine',
    Name: img.name,
    Description: img.name,
    RootDeviceType: 'ebs',
    RootDeviceName: spec.rootDeviceName,
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EnaSupport: true,
    // The live API sends "windows" (lower case) here too.
    Platform: windows ? ('windows' as Image['Platform']) : undefined,
    PlatformDetails: spec.platformDetails,
    UsageOperation: USAGE_OPERATION[spec.platformDetails] ?? 'RunInstances',
  };
}

function describeImages(sim: Simulation, region: string, input: DescribeImagesRequest): DescribeImagesResult {
  const images = queryImages(sim.store, region, {
    imageIds: input.ImageIds,
    filters: input.Filters,
    owners: input.Owners,
    executableUsers: input.ExecutableUsers,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return { Images: images.map(toImage) };
}

export const EC2_OPERATIONS: Record<string, Ec2Operation> = {
  DescribeInstances: operation(describeInstances),
  DescribeImages: operation(describeImages),
  ...EC2_NETWORK_OPERATIONS,
};
