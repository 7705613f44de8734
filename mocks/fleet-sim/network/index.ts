/**
 * `sim.network`: the planted causes (ground truth for tests), the network and IAM as they are, and a few changes a
 * test can make (break or mend a piece). A change re-evaluates every registered running instance: one that loses its
 * path goes ConnectionLost (last ping now), one whose cause is mended comes back Online. Instances that never
 * registered stay unregistered (the simulation installs no agents), stopped ones stay stopped.
 */
import type { SimClock } from '../clock';
import type { SimNode } from '../types';
import { createEvaluator } from './evaluate';
import { buildIndex, routeTableOf } from './store';
import { PLANTED_CAUSES, type AccountIam, type NetworkStore, type PlantedCause, type RegionNetwork, type SimRoute, type StatusChecksInput } from './types';

export interface ChangeResult {
  /** Registered instances that went ConnectionLost. */
  lost: string[];
  /** Instances that came back Online. */
  recovered: string[];
}

export interface NetworkApi {
  /** The cause planted at generation for a node that was not Online; null for a node that was (or an unknown ID). */
  plantedCause(id: string): PlantedCause | null;
  /** The cause the facts give now (after any change): the first failing check, null when every check passes. */
  currentCause(id: string): PlantedCause | null;
  /** Planted causes counted (every code present, 0 when unused), in one region or all. */
  causeCounts(region?: string): Record<PlantedCause, number>;
  region(region: string): RegionNetwork | undefined;
  readonly iam: AccountIam;
  /** Any change to the model objects; then pings follow (see the file comment). */
  change(fn: (network: NetworkStore) => void): ChangeResult;
  /** Removes the 0.0.0.0/0 route of the subnet's route table (every subnet on that table is affected); returns it for restoreDefaultRoute. */
  removeDefaultRoute(subnetId: string): { routeTableId: string; route: SimRoute | undefined; result: ChangeResult };
  restoreDefaultRoute(routeTableId: string, route: SimRoute): ChangeResult;
  setVpcAttribute(vpcId: string, attribute: 'enableDnsSupport' | 'enableDnsHostnames', value: boolean): ChangeResult;
  attachRolePolicy(roleName: string, policyArn: string): ChangeResult;
  detachRolePolicy(roleName: string, policyArn: string): ChangeResult;
  /** Associates a profile by name (null: disassociates). */
  setInstanceProfile(instanceId: string, profileName: string | null): ChangeResult;
  setStatusChecks(instanceId: string, checks: StatusChecksInput): ChangeResult;
  /** The DHMC setting of a region (a role name with its path, e.g. `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole`; null: unset). */
  setDhmcRole(region: string, value: string | null): ChangeResult;
}

interface Host {
  readonly network: NetworkStore;
  readonly nodes: ReadonlyMap<string, SimNode>;
  readonly clock: SimClock;
}

export function createNetworkApi(host: () => Host): NetworkApi {
  const get = () => host();
  function refresh(): ChangeResult {
    const { network, nodes, clock } = get();
    network.index = buildIndex(network.regions);
    const now = clock.now();
    const evaluate = createEvaluator(network, now);
    const lost: string[] = [];
    const recovered: string[] = [];
    for (const node of nodes.values()) {
      if (!node.ec2 || !node.ssm || node.ec2.state !== 'running') continue;
      const cause = evaluate(node);
      if (cause && node.ssm.pingStatus === 'Online') {
        node.ssm.pingStatus = 'ConnectionLost';
        node.ssm.lastPingTime = now;
        lost.push(node.id);
      } else if (!cause && node.ssm.pingStatus !== 'Online') {
        node.ssm.pingStatus = 'Online';
        node.ssm.lastPingTime = undefined;
        recovered.push(node.id);
      }
    }
    return { lost, recovered };
  }
  const change = (fn: (network: NetworkStore) => void) => {
    fn(get().network);
    return refresh();
  };
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`sim.network: no ${what}`);
    return value;
  };
  return {
    plantedCause: (id) => get().network.planted.get(id) ?? null,
    currentCause(id) {
      const { network, nodes, clock } = get();
      const node = nodes.get(id);
      return node ? createEvaluator(network, clock.now())(node) : null;
    },
    causeCounts(region) {
      const { network, nodes } = get();
      const counts = Object.fromEntries(PLANTED_CAUSES.map((c) => [c, 0])) as Record<PlantedCause, number>;
      for (const [id, cause] of network.planted) if (!region || nodes.get(id)?.region === region) counts[cause]++;
      return counts;
    },
    region: (region) => get().network.regions.get(region),
    get iam() {
      return get().network.iam;
    },
    change,
    removeDefaultRoute(subnetId) {
      const { network } = get();
      const subnet = must(network.index.subnets.get(subnetId), `subnet ${subnetId}`);
      const net = must([...network.regions.values()].find((n) => n.subnets.includes(subnet)), `region of ${subnetId}`);
      const table = must(routeTableOf(net, subnet), `route table of ${subnetId}`);
      const route = table.routes.find((r) => r.destination === '0.0.0.0/0');
      const result = change(() => {
        table.routes = table.routes.filter((r) => r !== route);
      });
      return { routeTableId: table.id, route, result };
    },
    restoreDefaultRoute: (routeTableId, route) => change((n) => {
      const table = must(n.index.routeTables.get(routeTableId), `route table ${routeTableId}`);
      table.routes = [...table.routes.filter((r) => r.destination !== route.destination), route];
    }),
    setVpcAttribute: (vpcId, attribute, value) => change((n) => {
      must(n.index.vpcs.get(vpcId), `VPC ${vpcId}`)[attribute] = value;
    }),
    attachRolePolicy: (roleName, arn) => change((n) => {
      const role = must(n.iam.roles.get(roleName), `role ${roleName}`);
      must(n.iam.policies.get(arn), `managed policy ${arn}`);
      if (!role.attachedPolicies.includes(arn)) role.attachedPolicies.push(arn);
    }),
    detachRolePolicy: (roleName, arn) => change((n) => {
      const role = must(n.iam.roles.get(roleName), `role ${roleName}`);
      role.attachedPolicies = role.attachedPolicies.filter((a) => a !== arn);
    }),
    setInstanceProfile: (instanceId, profileName) => change((n) => {
      const { nodes, clock } = get();
      const ec2 = must(nodes.get(instanceId)?.ec2, `EC2 instance ${instanceId}`);
      const profile = profileName === null ? undefined : must(n.iam.profiles.get(profileName), `instance profile ${profileName}`);
      ec2.iamInstanceProfile = profile ? { arn: profile.arn, id: profile.id } : undefined;
      ec2.profileAssociatedTime = profile ? clock.now() : undefined;
    }),
    setStatusChecks: (instanceId, checks) => change(() => {
      const { nodes, clock } = get();
      const ec2 = must(nodes.get(instanceId)?.ec2, `EC2 instance ${instanceId}`);
      const system = checks.system ?? ec2.statusChecks?.system ?? 'ok';
      const instance = checks.instance ?? ec2.statusChecks?.instance ?? 'ok';
      const impaired = system === 'impaired' || instance === 'impaired';
      ec2.statusChecks = { ...ec2.statusChecks, system, instance, impairedSince: impaired ? (ec2.statusChecks?.impairedSince ?? clock.now()) : undefined };
    }),
    setDhmcRole: (region, value) => change((n) => {
      const net = must(n.regions.get(region), `region ${region}`);
      net.dhmcRole = value ?? undefined;
      net.dhmcModifiedTime = get().clock.now();
    }),
  };
}
