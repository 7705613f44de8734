/**
 * The simulated fleet's network and identity layer: per region VPCs, subnets, route tables, gateways,
 * VPC endpoints, security groups, network ACLs, the Default Host Management Configuration setting and
 * hybrid activations; per account IAM roles, instance profiles and managed policies.
 */

/**
 * Why a node is not Online: exactly one per node that is not (the ground truth the tests read).
 *
 * | code | the node | the facts that make it so |
 * | --- | --- | --- |
 * | `instance-stopped` | stopped EC2 instance | `instanceState` stopped |
 * | `status-impaired` | running, registered, lost | DescribeInstanceStatus: instance or system status `impaired` |
 * | `no-instance-profile` | EC2 | no instance profile, and no DHMC role set in the region |
 * | `role-missing-core-policy` | EC2 | the profile's role has neither AmazonSSMManagedInstanceCore (or an equivalent) nor an inline policy with the minimum actions |
 * | `no-route` | EC2 | no 0.0.0.0/0 route to an internet or NAT gateway that works (none, or a blackhole) and no SSM endpoints in the VPC |
 * | `no-public-ip` | EC2 | the subnet routes 0.0.0.0/0 to an internet gateway but the instance has no public IP |
 * | `endpoint-sg-blocks-443` | EC2 | the SSM endpoints' security group admits no 443 from the instance (its IP or its group) |
 * | `instance-sg-blocks-443-egress` | EC2 | the instance's security group allows no 443 out to SSM (endpoint IPs or the internet) |
 * | `nacl-blocks-ephemeral` | EC2 | the subnet's network ACL denies the return traffic (ephemeral ports inbound) |
 * | `vpc-dns-disabled` | EC2 | SSM endpoints with private DNS, but the VPC's enableDnsSupport or enableDnsHostnames is off (and no internet route) |
 * | `agent-not-installed` | EC2, never registered | launched from an AMI without SSM Agent (RHEL); everything else works |
 * | `activation-limit-reached` | hybrid (mi-), not Online | its activation's RegistrationsCount has reached RegistrationLimit |
 * | `activation-expired` | hybrid (mi-), not Online | its activation has expired |
 */
export type PlantedCause =
  | 'instance-stopped'
  | 'status-impaired'
  | 'no-instance-profile'
  | 'role-missing-core-policy'
  | 'no-route'
  | 'no-public-ip'
  | 'endpoint-sg-blocks-443'
  | 'instance-sg-blocks-443-egress'
  | 'nacl-blocks-ephemeral'
  | 'vpc-dns-disabled'
  | 'agent-not-installed'
  | 'activation-limit-reached'
  | 'activation-expired';

export const PLANTED_CAUSES: readonly PlantedCause[] = [
  'instance-stopped', 'status-impaired', 'no-instance-profile', 'role-missing-core-policy', 'no-route', 'no-public-ip',
  'endpoint-sg-blocks-443', 'instance-sg-blocks-443-egress', 'nacl-blocks-ephemeral', 'vpc-dns-disabled', 'agent-not-installed',
  'activation-limit-reached', 'activation-expired',
];

export interface SimTag {
  Key: string;
  Value: string;
}

export interface SimVpc {
  id: string;
  name: string;
  /** Primary CIDR block first; more are added as the subnets need room (secondary CIDR blocks). */
  cidrBlocks: Array<{ cidr: string; associationId: string }>;
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
  /** The region's default VPC (172.31.0.0/16, no instances of the fleet). */
  isDefault: boolean;
  dhcpOptionsId: string;
  tags: SimTag[];
}

export type SubnetTier = 'public' | 'private';

export interface SimSubnet {
  id: string;
  vpcId: string;
  name: string;
  tier: SubnetTier;
  availabilityZone: string;
  availabilityZoneId: string;
  /** Set once the generator has counted the subnet's addresses. */
  cidr: string;
  /** Addresses handed out (instances, endpoint interfaces, NAT gateways). */
  used: number;
  mapPublicIpOnLaunch: boolean;
  /** The default VPC's subnets (one per AZ). */
  defaultForAz: boolean;
  /** Smallest block the subnet is given (prefix length; default 24). */
  minPrefixLength: number;
  tags: SimTag[];
}

export interface SimRoute {
  destination?: string;
  /** Gateway endpoints (S3) route a prefix list instead of a CIDR. */
  prefixListId?: string;
  /** `local`, an internet gateway (igw-) or a gateway endpoint (vpce-). */
  gatewayId?: string;
  natGatewayId?: string;
  /** blackhole: the target is gone (a deleted NAT gateway). */
  state: 'active' | 'blackhole';
  origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface SimRouteTable {
  id: string;
  vpcId: string;
  name: string;
  /** The VPC's main route table: subnets without an explicit association use it. */
  main: boolean;
  mainAssociationId?: string;
  /** Explicit subnet associations (subnet ID -> association ID). */
  associations: Map<string, string>;
  routes: SimRoute[];
  tags: SimTag[];
}

export interface SimInternetGateway {
  id: string;
  vpcId: string;
}

export interface SimNatGateway {
  id: string;
  vpcId: string;
  subnetId: string;
  state: 'available' | 'deleted';
  privateIp: string;
  publicIp: string;
}

export interface SimVpcEndpoint {
  id: string;
  vpcId: string;
  serviceName: string;
  type: 'Interface' | 'Gateway';
  /** Interface endpoints: one network interface (and address) per subnet. */
  subnetIds: string[];
  networkInterfaceIds: string[];
  ips: string[];
  groupIds: string[];
  routeTableIds: string[];
  privateDnsEnabled: boolean;
  state: 'available' | 'pending';
  createdTime: number;
  tags: SimTag[];
}

export interface SgRule {
  /** `-1` (all), `tcp`, `udp`, `icmp`. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrs: string[];
  /** Referenced security groups. */
  groupIds: string[];
  description?: string;
}

export interface SimSecurityGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: SgRule[];
  egress: SgRule[];
  tags: SimTag[];
}

export interface NaclEntry {
  ruleNumber: number;
  egress: boolean;
  /** `-1` (all) or an IP protocol number (`6` TCP, `17` UDP). */
  protocol: string;
  action: 'allow' | 'deny';
  cidr: string;
  portFrom?: number;
  portTo?: number;
}

export interface SimNetworkAcl {
  id: string;
  vpcId: string;
  name: string;
  isDefault: boolean;
  entries: NaclEntry[];
  /** Subnet ID -> association ID (every subnet is associated with exactly one ACL). */
  associations: Map<string, string>;
  tags: SimTag[];
}

export interface SimActivation {
  id: string;
  region: string;
  description: string;
  defaultInstanceName: string;
  iamRole: string;
  registrationLimit: number;
  registrationsCount: number;
  createdTime: number;
  expirationTime: number;
  tags: SimTag[];
}

export interface RegionNetwork {
  region: string;
  /** The simulation's first region has index 0 (VPC address plans are per region). */
  index: number;
  azs: string[];
  vpcs: SimVpc[];
  subnets: SimSubnet[];
  routeTables: SimRouteTable[];
  internetGateways: SimInternetGateway[];
  natGateways: SimNatGateway[];
  endpoints: SimVpcEndpoint[];
  securityGroups: SimSecurityGroup[];
  networkAcls: SimNetworkAcl[];
  activations: SimActivation[];
  /** `/ssm/managed-instance/default-ec2-instance-management-role`: the role (with its path) or undefined when not set. */
  dhmcRole?: string;
  dhmcModifiedTime: number;
}

export interface SimManagedPolicy {
  arn: string;
  name: string;
  /** Grants ssm:UpdateInstanceInformation, ssmmessages:* and ec2messages:* (what an instance needs to be managed). */
  grantsSsmCore: boolean;
}

export interface SimRole {
  name: string;
  id: string;
  path: string;
  arn: string;
  description?: string;
  createdTime: number;
  /** Trust policy (JSON). */
  assumeRolePolicy: string;
  maxSessionDuration: number;
  /** Attached managed policy ARNs, in attachment order. */
  attachedPolicies: string[];
  /** Inline policies: name -> policy document (JSON). */
  inlinePolicies: Map<string, string>;
  lastUsed?: { time: number; region: string };
}

export interface SimInstanceProfile {
  name: string;
  id: string;
  path: string;
  arn: string;
  createdTime: number;
  roleNames: string[];
}

export interface AccountIam {
  roles: Map<string, SimRole>;
  profiles: Map<string, SimInstanceProfile>;
  policies: Map<string, SimManagedPolicy>;
}

export interface NetworkStore {
  regions: Map<string, RegionNetwork>;
  iam: AccountIam;
  /** The cause planted at generation for every node that was not Online (absent: healthy). */
  planted: Map<string, PlantedCause>;
  /** Lookups by ID across regions. */
  index: NetworkIndex;
}

export interface NetworkIndex {
  vpcs: Map<string, SimVpc>;
  subnets: Map<string, SimSubnet>;
  routeTables: Map<string, SimRouteTable>;
  natGateways: Map<string, SimNatGateway>;
  internetGateways: Map<string, SimInternetGateway>;
  securityGroups: Map<string, SimSecurityGroup>;
  activations: Map<string, SimActivation>;
}

/** A test's change to an instance's status checks. */
export interface StatusChecksInput {
  system?: 'ok' | 'impaired';
  instance?: 'ok' | 'impaired';
}
