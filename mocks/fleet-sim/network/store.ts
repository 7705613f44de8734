/** Lookups over the network layer. */
import type { NetworkIndex, RegionNetwork, SimNetworkAcl, SimRouteTable, SimSubnet } from './types';

export function buildIndex(regions: ReadonlyMap<string, RegionNetwork>): NetworkIndex {
  const index: NetworkIndex = {
    vpcs: new Map(), subnets: new Map(), routeTables: new Map(), natGateways: new Map(), internetGateways: new Map(), securityGroups: new Map(), activations: new Map(),
  };
  for (const net of regions.values()) {
    for (const v of net.vpcs) index.vpcs.set(v.id, v);
    for (const s of net.subnets) index.subnets.set(s.id, s);
    for (const t of net.routeTables) index.routeTables.set(t.id, t);
    for (const n of net.natGateways) index.natGateways.set(n.id, n);
    for (const g of net.internetGateways) index.internetGateways.set(g.id, g);
    for (const g of net.securityGroups) index.securityGroups.set(g.id, g);
    for (const a of net.activations) index.activations.set(a.id, a);
  }
  return index;
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export function routeTableOf(net: RegionNetwork, subnet: SimSubnet): SimRouteTable | undefined {
  return net.routeTables.find((t) => t.associations.has(subnet.id)) ?? net.routeTables.find((t) => t.main && t.vpcId === subnet.vpcId);
}

/** The network ACL a subnet is associated with. */
export function aclOf(net: RegionNetwork, subnet: SimSubnet): SimNetworkAcl | undefined {
  return net.networkAcls.find((a) => a.associations.has(subnet.id)) ?? net.networkAcls.find((a) => a.isDefault && a.vpcId === subnet.vpcId);
}
