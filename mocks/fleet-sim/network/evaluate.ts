/**
 * What the network and IAM facts say about a node now: the first check that fails, in the order a diagnosis walks
 * them (EC2 state and status, instance profile, network path, agent; hybrid nodes: their activation). The planted
 * cause of every node must be what this finds, and a node that is Online must pass every check.
 *
 * Network path: when the VPC has Interface endpoints for ssm, ssmmessages and ec2messages with private DNS and the
 * VPC resolves it (enableDnsSupport and enableDnsHostnames), the agent talks to the endpoints: each endpoint's
 * security group must admit 443 from the instance (its address or its group), the instance's group must allow 443
 * out to the endpoint addresses (or their group), and the subnet's ACL must let 443 out and the return traffic
 * (ephemeral ports 32768-65535, sampled) in. Otherwise the agent goes to the public endpoints: the subnet's route
 * table (explicit association, else the VPC's main table) needs an active 0.0.0.0/0 route to an attached internet
 * gateway (and the instance a public IP) or to an available NAT gateway whose own subnet routes to one; then the
 * same group and ACL checks towards a public address. Endpoints for only some of the three services are not used
 * (a simplification). The endpoint subnets' own ACLs are not checked.
 */
import { cidrContains } from './cidr';
import { DHMC_MIN_AGENT, profileGrantsSsm, roleGrantsSsm } from './iam';
import { agentAtLeast, amiShipsAgent } from './generate';
import { PUBLIC_SSM_IP, SSM_ENDPOINT_SERVICES } from './layout';
import { aclOf, routeTableOf } from './store';
import type { NaclEntry, NetworkStore, PlantedCause, RegionNetwork, SgRule, SimNetworkAcl, SimSubnet, SimVpcEndpoint } from './types';
import type { SimNode } from '../types';

/** Client ports the return traffic comes back to (Linux 32768-60999, Windows 49152-65535): sampled. */
const EPHEMERAL_SAMPLES = [32768, 49152, 60999, 65535];

function ruleCoversPort(rule: SgRule, port: number): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

function sgAllows(rules: readonly SgRule[], port: number, ip: string, groups: readonly string[]): boolean {
  return rules.some((r) => ruleCoversPort(r, port) && (r.cidrs.some((c) => cidrContains(c, ip)) || r.groupIds.some((g) => groups.includes(g))));
}

/** First matching entry by rule number decides; none matching denies. */
export function naclAllows(acl: SimNetworkAcl | undefined, egress: boolean, port: number, remoteIp: string): boolean {
  if (!acl) return false;
  return entriesAllow(acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber), port, remoteIp);
}

function entriesAllow(entries: readonly NaclEntry[], port: number, remoteIp: string): boolean {
  for (const e of entries) {
    if (e.protocol !== '-1' && e.protocol !== '6') continue;
    if (e.protocol === '6' && !((e.portFrom ?? 0) <= port && port <= (e.portTo ?? 65535))) continue;
    if (!cidrContains(e.cidr, remoteIp)) continue;
    return e.action === 'allow';
  }
  return false;
}

/** The ACL's entries by direction, in rule-number order (ACLs are few: sorted once per evaluator). */
type SortedAcl = { out: NaclEntry[]; in: NaclEntry[] } | undefined;

function sortAcl(acl: SimNetworkAcl | undefined): SortedAcl {
  if (!acl) return undefined;
  const sorted = [...acl.entries].sort((a, b) => a.ruleNumber - b.ruleNumber);
  return { out: sorted.filter((e) => e.egress), in: sorted.filter((e) => !e.egress) };
}

function aclPasses(acl: SortedAcl, remoteIp: string): boolean {
  return !!acl && entriesAllow(acl.out, 443, remoteIp) && EPHEMERAL_SAMPLES.every((p) => entriesAllow(acl.in, p, remoteIp));
}

export type Evaluator = (node: SimNode) => PlantedCause | null;

/** An evaluator over the network as it is now (build a new one after a change). */
export function createEvaluator(network: NetworkStore, now: number): Evaluator {
  const { index, iam } = network;
  const subnetFacts = new Map<string, { net: RegionNetwork; acl: SortedAcl; route?: ReturnType<typeof defaultRoute> }>();
  /** The checks that depend only on the subnet, the group and whether there is a public IP (not on the address). */
  const paths = new Map<string, { endpoints?: SimVpcEndpoint[]; rest: PlantedCause | null }>();
  const profileGrants = new Map<string, boolean>();
  const roleGrants = new Map<string, boolean>();
  const vpcEndpoints = new Map<string, Array<SimVpcEndpoint | undefined>>();

  function defaultRoute(net: RegionNetwork, subnet: SimSubnet): 'igw' | 'nat' | null {
    const rt = routeTableOf(net, subnet);
    const route = rt?.routes.find((r) => r.destination === '0.0.0.0/0');
    if (!route || route.state !== 'active') return null;
    if (route.gatewayId?.startsWith('igw-')) return index.internetGateways.get(route.gatewayId)?.vpcId === subnet.vpcId ? 'igw' : null;
    if (route.natGatewayId) {
      const nat = index.natGateways.get(route.natGatewayId);
      const natSubnet = nat && index.subnets.get(nat.subnetId);
      if (!nat || nat.state !== 'available' || !natSubnet) return null;
      return defaultRoute(net, natSubnet) === 'igw' ? 'nat' : null;
    }
    return null;
  }

  function facts(subnet: SimSubnet) {
    let f = subnetFacts.get(subnet.id);
    if (!f) {
      const net = [...network.regions.values()].find((n) => n.subnets.includes(subnet)) as RegionNetwork;
      f = { net, acl: sortAcl(aclOf(net, subnet)), route: defaultRoute(net, subnet) };
      subnetFacts.set(subnet.id, f);
    }
    return f;
  }

  function endpointsOf(net: RegionNetwork, vpcId: string): Array<SimVpcEndpoint | undefined> {
    let eps = vpcEndpoints.get(vpcId);
    if (!eps) {
      eps = SSM_ENDPOINT_SERVICES.map((svc) => net.endpoints.find((e) => e.vpcId === vpcId && e.type === 'Interface' && e.state === 'available' && e.serviceName === `com.amazonaws.${net.region}.${svc}`));
      vpcEndpoints.set(vpcId, eps);
    }
    return eps;
  }

  /** Everything but the endpoint groups' ingress check (which depends on the instance's address), for one subnet/group/public-IP combination. */
  function pathOf(subnet: SimSubnet, groupId: string, hasPublicIp: boolean): { endpoints?: SimVpcEndpoint[]; rest: PlantedCause | null } {
    const key = `${subnet.id}|${groupId}|${hasPublicIp ? 1 : 0}`;
    let path = paths.get(key);
    if (path) return path;
    const { net, acl, route } = facts(subnet);
    const vpc = index.vpcs.get(subnet.vpcId);
    const egress = index.securityGroups.get(groupId)?.egress ?? [];
    const eps = endpointsOf(net, subnet.vpcId);
    let dnsBroken = false;
    if (eps.every((e) => e?.privateDnsEnabled)) {
      if (vpc?.enableDnsSupport && vpc.enableDnsHostnames) {
        const endpoints = eps as SimVpcEndpoint[];
        let rest: PlantedCause | null = null;
        if (endpoints.some((e) => !e.ips.every((ip) => sgAllows(egress, 443, ip, e.groupIds)))) rest = 'instance-sg-blocks-443-egress';
        else if (endpoints.some((e) => !e.ips.every((ip) => aclPasses(acl, ip)))) rest = 'nacl-blocks-ephemeral';
        path = { endpoints, rest };
      } else dnsBroken = true;
    }
    if (!path) {
      let rest: PlantedCause | null;
      if (route === 'igw' && !hasPublicIp) rest = dnsBroken ? 'vpc-dns-disabled' : 'no-public-ip';
      else if (!route) rest = dnsBroken ? 'vpc-dns-disabled' : 'no-route';
      else if (!sgAllows(egress, 443, PUBLIC_SSM_IP, [])) rest = 'instance-sg-blocks-443-egress';
      else if (!aclPasses(acl, PUBLIC_SSM_IP)) rest = 'nacl-blocks-ephemeral';
      else rest = null;
      path = { rest };
    }
    paths.set(key, path);
    return path;
  }

  function networkCause(node: SimNode): PlantedCause | null {
    const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
    const subnet = index.subnets.get(ec2.subnetId);
    if (!subnet) return 'no-route';
    const path = pathOf(subnet, ec2.securityGroup.id, !!ec2.publicIp);
    if (path.endpoints) {
      for (const e of path.endpoints) {
        const admitted = e.groupIds.some((gid) => sgAllows(index.securityGroups.get(gid)?.ingress ?? [], 443, ec2.privateIp, [ec2.securityGroup.id]));
        if (!admitted) return 'endpoint-sg-blocks-443';
      }
    }
    return path.rest;
  }

  function iamCause(node: SimNode): PlantedCause | null {
    const ec2 = node.ec2 as NonNullable<SimNode['ec2']>;
    if (ec2.iamInstanceProfile) {
      const arn = ec2.iamInstanceProfile.arn;
      let grants = profileGrants.get(arn);
      if (grants === undefined) profileGrants.set(arn, (grants = profileGrantsSsm(iam, arn)));
      return grants ? null : 'role-missing-core-policy';
    }
    const dhmc = network.regions.get(node.region)?.dhmcRole;
    const role = dhmc?.slice(dhmc.lastIndexOf('/') + 1);
    let roleOk = role ? roleGrants.get(role) : false;
    if (role && roleOk === undefined) roleGrants.set(role, (roleOk = roleGrantsSsm(iam, role)));
    const covered = !!roleOk && (!node.ssm || agentAtLeast(node.ssm.agentVersion, DHMC_MIN_AGENT));
    return covered ? null : 'no-instance-profile';
  }

  return (node) => {
    if (!node.ec2) {
      if (!node.ssm || node.ssm.pingStatus === 'Online') return null;
      const activation = node.ssm.activationId ? index.activations.get(node.ssm.activationId) : undefined;
      if (!activation) return null;
      if (activation.registrationsCount >= activation.registrationLimit) return 'activation-limit-reached';
      if (activation.expirationTime <= now) return 'activation-expired';
      return null;
    }
    const ec2 = node.ec2;
    if (ec2.state === 'stopped') return 'instance-stopped';
    if (ec2.statusChecks && (ec2.statusChecks.system === 'impaired' || ec2.statusChecks.instance === 'impaired')) return 'status-impaired';
    const iamProblem = iamCause(node);
    if (iamProblem) return iamProblem;
    const netProblem = networkCause(node);
    if (netProblem) return netProblem;
    if (!node.ssm && !amiShipsAgent(node.platform)) return 'agent-not-installed';
    return null;
  };
}
