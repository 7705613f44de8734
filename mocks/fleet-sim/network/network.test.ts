import { describe, expect, it } from 'vitest';
import { createSimulation, network, platformSpec, privateDnsName, type PlantedCause, type RegionNetwork, type SimNode, type Simulation } from '../index';
import { cidrContains } from './cidr';
import { CORE_POLICY_ARN, roleGrantsSsm } from './iam';
import { PUBLIC_SSM_IP } from './layout';
import { aclOf, routeTableOf } from './store';

const NOW = Date.UTC(2025, 5, 1, 12);
const big = createSimulation({ nodes: 10_000, seed: 42, now: () => NOW });
const demo = createSimulation({ nodes: 300, seed: 42, regions: ['us-east-1', 'eu-west-1'], now: () => NOW });

const nodesOf = (sim: Simulation) => [...sim.store.byId.values()];
const isOnline = (n: SimNode) => (n.ec2 ? n.ec2.state === 'running' && n.ssm?.pingStatus === 'Online' : n.ssm?.pingStatus === 'Online');
const netOf = (sim: Simulation, n: SimNode) => sim.network.region(n.region) as RegionNetwork;
const subnetOf = (sim: Simulation, n: SimNode) => sim.store.network.index.subnets.get(n.ec2?.subnetId ?? '');
const vpcOf = (sim: Simulation, n: SimNode) => sim.store.network.index.vpcs.get(n.ec2?.vpcId ?? '');
const ssmEndpoints = (net: RegionNetwork, vpcId: string) =>
  network.SSM_ENDPOINT_SERVICES.map((svc) => net.endpoints.find((e) => e.vpcId === vpcId && e.type === 'Interface' && e.serviceName === `com.amazonaws.${net.region}.${svc}`));
const defaultRoute = (sim: Simulation, n: SimNode) => {
  const subnet = subnetOf(sim, n);
  return subnet && routeTableOf(netOf(sim, n), subnet)?.routes.find((r) => r.destination === '0.0.0.0/0');
};
const groupOf = (sim: Simulation, id: string) => sim.store.network.index.securityGroups.get(id);
const allows443 = (rules: Array<{ protocol: string; fromPort?: number; toPort?: number }>) =>
  rules.some((r) => r.protocol === '-1' || (r.protocol === 'tcp' && (r.fromPort ?? 0) <= 443 && 443 <= (r.toPort ?? 65535)));

describe('planted causes', () => {
  it.each([['10,000 nodes, 3 regions', big], ['300 nodes, 2 regions', demo]])('gives every node that is not Online exactly one cause and Online nodes none (%s)', (_, sim) => {
    for (const n of nodesOf(sim)) {
      const planted = sim.network.plantedCause(n.id);
      if (isOnline(n)) expect(planted, n.id).toBeNull();
      else expect(network.PLANTED_CAUSES, n.id).toContain(planted);
    }
    expect(sim.store.network.planted.size).toBe(nodesOf(sim).filter((n) => !isOnline(n)).length);
  });

  it.each([['10,000 nodes', big], ['300 nodes', demo]])('is what the network and IAM facts give, node by node (%s)', (_, sim) => {
    const evaluate = network.createEvaluator(sim.store.network, sim.clock.now());
    const wrong = nodesOf(sim).filter((n) => evaluate(n) !== sim.network.plantedCause(n.id));
    expect(wrong.map((n) => `${n.id} planted ${sim.network.plantedCause(n.id)} evaluates ${evaluate(n)}`)).toEqual([]);
  });

  it('plants every cause in a 10,000-node fleet with a believable spread, and agent-not-installed even in the demo fleet', () => {
    const counts = big.network.causeCounts();
    for (const cause of network.PLANTED_CAUSES) expect(counts[cause], cause).toBeGreaterThan(0);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const { 'instance-stopped': stopped, ...rest } = counts;
    expect(stopped / total).toBeLessThan(0.3);
    for (const [cause, n] of Object.entries(rest)) expect(n / total, cause).toBeLessThan(0.15);
    expect(demo.network.causeCounts()['agent-not-installed']).toBeGreaterThanOrEqual(1);
    // The first region gets every EC2 cause when it has enough lost nodes.
    const first = demo.network.causeCounts('us-east-1');
    for (const cause of network.PLANTED_CAUSES.filter((c) => !c.startsWith('activation'))) expect(first[cause], cause).toBeGreaterThan(0);
  });

  it('backs each cause with the facts a diagnosis reads', () => {
    const seen = new Set<PlantedCause>();
    for (const n of nodesOf(big)) {
      const cause = big.network.plantedCause(n.id);
      if (!cause) continue;
      seen.add(cause);
      const net = netOf(big, n);
      const vpc = vpcOf(big, n);
      switch (cause) {
        case 'instance-stopped':
          expect(n.ec2?.state).toBe('stopped');
          break;
        case 'status-impaired':
          expect(n.ec2?.state).toBe('running');
          expect([n.ec2?.statusChecks?.instance, n.ec2?.statusChecks?.system]).toContain('impaired');
          break;
        case 'no-instance-profile':
          expect(n.ec2?.iamInstanceProfile).toBeUndefined();
          expect(net.dhmcRole).toBeUndefined();
          break;
        case 'role-missing-core-policy': {
          const profile = network.profileOfArn(big.network.iam, n.ec2?.iamInstanceProfile?.arn ?? '');
          const role = big.network.iam.roles.get(profile?.roleNames[0] ?? '');
          expect(role?.attachedPolicies).not.toContain(CORE_POLICY_ARN);
          expect(roleGrantsSsm(big.network.iam, role?.name ?? '')).toBe(false);
          break;
        }
        case 'no-route': {
          const route = defaultRoute(big, n);
          expect(!route || route.state === 'blackhole').toBe(true);
          expect(ssmEndpoints(net, n.ec2?.vpcId ?? '').some(Boolean)).toBe(false);
          break;
        }
        case 'no-public-ip':
          expect(defaultRoute(big, n)?.gatewayId).toMatch(/^igw-/);
          expect(n.ec2?.publicIp).toBeUndefined();
          break;
        case 'endpoint-sg-blocks-443': {
          const eps = ssmEndpoints(net, n.ec2?.vpcId ?? '');
          expect(eps.every(Boolean)).toBe(true);
          for (const e of eps) {
            const ingress = e?.groupIds.flatMap((g) => groupOf(big, g)?.ingress ?? []) ?? [];
            const admits = ingress.some((r) => allows443([r]) && (r.cidrs.some((c) => cidrContains(c, n.ec2?.privateIp ?? '')) || r.groupIds.includes(n.ec2?.securityGroup.id ?? '')));
            expect(admits).toBe(false);
          }
          break;
        }
        case 'instance-sg-blocks-443-egress':
          expect(allows443(groupOf(big, n.ec2?.securityGroup.id ?? '')?.egress ?? [])).toBe(false);
          break;
        case 'nacl-blocks-ephemeral': {
          const acl = aclOf(net, subnetOf(big, n) as NonNullable<ReturnType<typeof subnetOf>>);
          expect(acl?.isDefault).toBe(false);
          expect(network.naclAllows(acl, false, 50_000, PUBLIC_SSM_IP)).toBe(false);
          expect(network.naclAllows(acl, true, 443, PUBLIC_SSM_IP)).toBe(true);
          break;
        }
        case 'vpc-dns-disabled':
          expect(vpc?.enableDnsSupport && vpc.enableDnsHostnames).toBe(false);
          expect(ssmEndpoints(net, n.ec2?.vpcId ?? '').every((e) => e?.privateDnsEnabled)).toBe(true);
          expect(defaultRoute(big, n)).toBeUndefined();
          break;
        case 'agent-not-installed':
          expect(n.ssm).toBeUndefined();
          expect(n.platform).toBe('rhel9');
          break;
        case 'activation-limit-reached':
        case 'activation-expired': {
          expect(n.ec2).toBeUndefined();
          const a = big.store.network.index.activations.get(n.ssm?.activationId ?? '');
          if (cause === 'activation-limit-reached') expect(a?.registrationsCount).toBe(a?.registrationLimit);
          else expect(a && a.expirationTime < NOW && a.registrationsCount < a.registrationLimit).toBe(true);
          break;
        }
      }
    }
    expect(seen.size).toBe(network.PLANTED_CAUSES.length);
  });

  it('gives healthy Online instances a path that works: endpoints, an internet gateway with a public IP, or a NAT gateway', () => {
    const paths = { endpoints: 0, igw: 0, nat: 0 };
    for (const n of nodesOf(big).filter((x) => x.ec2 && isOnline(x))) {
      const net = netOf(big, n);
      const vpc = vpcOf(big, n);
      const eps = ssmEndpoints(net, n.ec2?.vpcId ?? '');
      const route = defaultRoute(big, n);
      if (eps.every(Boolean) && vpc?.enableDnsHostnames && vpc.enableDnsSupport) paths.endpoints++;
      else if (route?.gatewayId?.startsWith('igw-') && n.ec2?.publicIp) paths.igw++;
      else if (route?.natGatewayId && route.state === 'active' && net.natGateways.find((g) => g.id === route.natGatewayId)?.state === 'available') paths.nat++;
      else throw new Error(`${n.id} is Online without a path`);
      expect(allows443(groupOf(big, n.ec2?.securityGroup.id ?? '')?.egress ?? []), n.id).toBe(true);
    }
    expect(Object.values(paths).every((v) => v > 100)).toBe(true);
  });
});

describe('the network model', () => {
  it('puts every instance in a subnet of its VPC and AZ, at a unique address inside the subnet', () => {
    for (const sim of [big, demo]) {
      const seen = new Map<string, Set<string>>();
      for (const n of nodesOf(sim)) {
        if (!n.ec2) continue;
        const subnet = subnetOf(sim, n);
        expect(subnet?.vpcId).toBe(n.ec2.vpcId);
        expect(subnet?.availabilityZone).toBe(n.ec2.availabilityZone);
        expect(cidrContains(subnet?.cidr ?? '', n.ec2.privateIp)).toBe(true);
        const ips = seen.get(n.region) ?? new Set();
        seen.set(n.region, ips);
        expect(ips.has(n.ec2.privateIp)).toBe(false);
        ips.add(n.ec2.privateIp);
        if (n.ssm) expect(n.ssm.ipAddress).toBe(n.ec2.privateIp);
        const spec = platformSpec(n.platform);
        if (n.ssm && spec.platformType === 'Linux') expect(n.ssm.computerName).toBe(spec.family === 'ubuntu' ? `ip-${n.ec2.privateIp.replaceAll('.', '-')}` : privateDnsName(n.region, n.ec2.privateIp));
        if (n.ec2.publicIp) expect(subnet?.tier).toBe('public');
      }
      for (const net of sim.store.network.regions.values()) {
        for (const s of net.subnets) {
          const vpc = net.vpcs.find((v) => v.id === s.vpcId);
          const base = s.cidr.split('/')[0];
          expect(vpc?.cidrBlocks.some((b) => cidrContains(b.cidr, base)), s.name).toBe(true);
        }
      }
    }
  });

  it('shares a handful of VPCs, subnets and groups per region (no per-instance security groups)', () => {
    for (const net of big.store.network.regions.values()) {
      expect(net.vpcs.length).toBe(6);
      expect(net.vpcs.filter((v) => v.isDefault)).toHaveLength(1);
      expect(net.subnets.length).toBeLessThan(40);
      expect(net.securityGroups.length).toBeLessThan(40);
    }
  });

  it('sets Default Host Management Configuration in at most one region, where some Online instances run without a profile', () => {
    const withDhmc = [...big.store.network.regions.values()].filter((r) => r.dhmcRole);
    expect(withDhmc.map((r) => r.region)).toEqual(['eu-west-1']);
    const dhmcOnline = nodesOf(big).filter((n) => n.region === 'eu-west-1' && n.ec2 && isOnline(n) && !n.ec2.iamInstanceProfile);
    expect(dhmcOnline.length).toBeGreaterThan(10);
    expect(createSimulation({ nodes: 50, seed: 1, regions: ['us-east-1'], now: () => NOW }).network.region('us-east-1')?.dhmcRole).toBeUndefined();
  });

  it('is deterministic: the same seed gives the same network, another seed another', () => {
    const snap = (s: Simulation) => JSON.stringify({
      nodes: nodesOf(s).map((n) => [n.id, n.ec2?.subnetId, n.ec2?.privateIp, n.ec2?.securityGroup.id, n.ec2?.iamInstanceProfile?.arn, n.ec2?.publicIp, n.ssm?.activationId]),
      net: [...s.store.network.regions.values()].map((r) => ({ ...r, routeTables: r.routeTables.map((t) => ({ ...t, associations: [...t.associations] })), networkAcls: r.networkAcls.map((a) => ({ ...a, associations: [...a.associations] })) })),
      planted: [...s.store.network.planted],
    });
    const a = createSimulation({ nodes: 800, seed: 5, now: () => NOW });
    const b = createSimulation({ nodes: 800, seed: 5, now: () => NOW });
    const c = createSimulation({ nodes: 800, seed: 6, now: () => NOW });
    expect(snap(a)).toBe(snap(b));
    expect(snap(a)).not.toBe(snap(c));
  });
});

describe('breaking and mending', () => {
  it('a NAT route removed takes the subnets on that table off SSM; restored, they come back', () => {
    const sim = createSimulation({ nodes: 600, seed: 9, regions: ['us-east-1'], now: () => NOW });
    const victim = nodesOf(sim).find((n) => isOnline(n) && defaultRoute(sim, n)?.natGatewayId) as SimNode;
    const { routeTableId, route, result } = sim.network.removeDefaultRoute(victim.ec2?.subnetId ?? '');
    expect(result.lost).toContain(victim.id);
    expect(victim.ssm?.pingStatus).toBe('ConnectionLost');
    expect(sim.network.currentCause(victim.id)).toBe('no-route');
    expect(sim.network.plantedCause(victim.id)).toBeNull();
    const back = sim.network.restoreDefaultRoute(routeTableId, route as NonNullable<typeof route>);
    expect(back.recovered.sort()).toEqual(result.lost.sort());
    expect(sim.network.currentCause(victim.id)).toBeNull();
    expect(victim.ssm?.pingStatus).toBe('Online');
  });

  it('DNS hostnames turned off in the endpoints VPC, the core policy attached to the legacy role, a profile removed, a status check failed', () => {
    const sim = createSimulation({ nodes: 1500, seed: 23, regions: ['us-east-1', 'eu-west-1'], now: () => NOW });
    const shared = sim.network.region('us-east-1')?.vpcs.find((v) => v.name === 'shared-services-vpc');
    const off = sim.network.setVpcAttribute(shared?.id ?? '', 'enableDnsHostnames', false);
    expect(off.lost.length).toBeGreaterThan(0);
    expect(off.lost.every((id) => sim.network.currentCause(id) === 'vpc-dns-disabled')).toBe(true);
    expect(sim.network.setVpcAttribute(shared?.id ?? '', 'enableDnsHostnames', true).recovered.sort()).toEqual(off.lost.sort());

    const missing = nodesOf(sim).filter((n) => n.ssm && n.ec2?.state === 'running' && sim.network.plantedCause(n.id) === 'role-missing-core-policy' && n.ec2.iamInstanceProfile?.arn.endsWith('/legacy-app-profile'));
    expect(missing.length).toBeGreaterThan(0);
    const fixed = sim.network.attachRolePolicy('legacy-app-role', CORE_POLICY_ARN);
    expect(fixed.recovered).toEqual(expect.arrayContaining(missing.map((n) => n.id)));

    const east = nodesOf(sim).find((n) => n.region === 'us-east-1' && isOnline(n) && n.ec2?.iamInstanceProfile) as SimNode;
    expect(sim.network.setInstanceProfile(east.id, null).lost).toEqual([east.id]);
    expect(sim.network.currentCause(east.id)).toBe('no-instance-profile');
    const west = nodesOf(sim).find((n) => n.region === 'eu-west-1' && isOnline(n) && n.ec2?.iamInstanceProfile && network.agentAtLeast(n.ssm?.agentVersion ?? '', network.DHMC_MIN_AGENT)) as SimNode;
    expect(sim.network.setInstanceProfile(west.id, null).lost).toEqual([]);
    expect(sim.network.setDhmcRole('eu-west-1', null).lost).toContain(west.id);

    const healthy = nodesOf(sim).find((n) => n.region === 'us-east-1' && isOnline(n)) as SimNode;
    sim.network.setStatusChecks(healthy.id, { instance: 'impaired' });
    expect(sim.network.currentCause(healthy.id)).toBe('status-impaired');
    expect(healthy.ssm?.pingStatus).toBe('ConnectionLost');
    sim.reset();
    expect(sim.network.region('us-east-1')?.vpcs.find((v) => v.name === 'shared-services-vpc')?.enableDnsHostnames).toBe(true);
    expect(sim.network.iam.roles.get('legacy-app-role')?.attachedPolicies).not.toContain(CORE_POLICY_ARN);
  });
});
