/**
 * Step 3's core: can the instance reach one SSM service (ssm, ssmmessages, ec2messages) on 443? Pure.
 * The path is decided by DNS: an available interface endpoint with private DNS, in a VPC with DNS support and DNS
 * hostnames on, captures the service's name, so traffic goes to the endpoint (its security groups must let the
 * instance in); otherwise the name resolves to the public endpoint and the subnet's default route must lead out (a NAT
 * gateway, or an internet gateway with a public IP on the instance). Either way the instance's security groups must
 * let 443 out and its subnet's network ACL must let 443 out and the ephemeral ports back in.
 */
import type { CauseCode, Evidence, Fix } from '@/lib/contracts/diagnosis';
import { INTERNET } from './cidr';
import type { EndpointFact, InstanceFact, NaclFact, RouteTableFact, SecurityGroupFact, SubnetFact } from './facts';
import { createEndpointsFix, enablePrivateDnsFix, enableVpcDnsFix, endpointIngressFix, publicIpFix, type SsmService } from './fixes';
import { consoleLinks, ev } from './links';
import { egressProblems, naclProblems } from './network-filters';
import { sgAllows } from './security-groups';
import type { Finding, FindingData } from './step';

export interface NetContext {
  region: string;
  vpcId: string;
  inst: InstanceFact & { subnetId: string };
  vpcCidr: string | null;
  subnets: SubnetFact[];
  routeTables: RouteTableFact[];
  endpoints: EndpointFact[];
  groups: Map<string, SecurityGroupFact>;
  nacls: NaclFact[];
  dnsSupport: boolean | null;
  dnsHostnames: boolean | null;
}

/** One reason a service is out of reach; merged across the services it affects. */
export interface Problem {
  code: CauseCode;
  evidence: Evidence[];
  sentence: (services: string) => string;
  fix: (services: SsmService[]) => Fix;
  /** For the fleet view's group fix (see Finding.fixFor); `data.services` is added when merged. */
  fixFor?: Finding['fixFor'];
  data?: FindingData;
}

export interface ServicePath {
  service: SsmService;
  /** "interface endpoint vpce-1", "NAT gateway nat-1" ... */
  via: string;
  verdict: 'ok' | 'fail' | 'maybe';
  problems: Problem[];
  notes: string[];
}

const joinFixes = (...fixes: Fix[]): Fix => ({ kind: 'cli', text: fixes.map((f) => f.text).join('\n') });

export function routeTableOf(ctx: NetContext): RouteTableFact | null {
  return ctx.routeTables.find((t) => t.subnetIds.includes(ctx.inst.subnetId)) ?? ctx.routeTables.find((t) => t.main) ?? null;
}

export function evaluateService(ctx: NetContext, service: SsmService): ServicePath {
  const name = `com.amazonaws.${ctx.region}.${service}`;
  const ep = ctx.endpoints.find((e) => e.serviceName === name && e.type.toLowerCase() === 'interface' && e.state.toLowerCase() === 'available');
  const dnsOff = ([ctx.dnsSupport === false && 'support', ctx.dnsHostnames === false && 'hostnames'].filter(Boolean) as ('support' | 'hostnames')[]);
  if (ep && ep.privateDns && !dnsOff.length) return viaEndpoint(ctx, service, ep);
  const out = viaInternet(ctx, service);
  if (!ep) return out;
  const epEv = ev('Interface endpoint', `${ep.id} (${service})`, consoleLinks.endpoint(ctx.region, ep.id));
  if (out.verdict !== 'fail') return { ...out, notes: [...out.notes, `endpoint ${ep.id} is bypassed (${ep.privateDns ? 'VPC DNS off' : 'private DNS off'})`] };
  const vpcEv = ev('VPC', ctx.vpcId, consoleLinks.vpc(ctx.region, ctx.vpcId));
  const dnsFix = dnsOff.length ? [enableVpcDnsFix(ctx.region, ctx.vpcId, dnsOff)] : [];
  const problem: Problem = ep.privateDns
    ? {
        code: 'vpc-dns-disabled',
        evidence: [vpcEv, ...dnsOff.map((a) => ev(`DNS ${a}`, 'off')), epEv],
        sentence: (s) => `The VPC has interface endpoints for ${s} with private DNS, but DNS ${dnsOff.join(' and ')} ${dnsOff.length > 1 ? 'are' : 'is'} off in ${ctx.vpcId}, so the names resolve to the public endpoints, which this subnet cannot reach.`,
        fix: () => joinFixes(...dnsFix),
      }
    : {
        code: 'endpoint-private-dns-off',
        evidence: [epEv, ev('Private DNS', 'off'), ...dnsOff.map((a) => ev(`VPC DNS ${a}`, 'off'))],
        sentence: (s) => `The interface endpoints for ${s} have private DNS off, so the agent resolves the public endpoints, which this subnet cannot reach.`,
        fix: () => joinFixes(...dnsFix, enablePrivateDnsFix(ctx.region, [ep.id])),
      };
  return { service, via: `interface endpoint ${ep.id}`, verdict: 'fail', problems: [problem], notes: [] };
}

function viaEndpoint(ctx: NetContext, service: SsmService, ep: EndpointFact): ServicePath {
  const { inst, region } = ctx;
  const problems: Problem[] = [];
  const notes: string[] = [];
  const epGroups = ep.securityGroupIds.map((id) => ctx.groups.get(id)).filter((g): g is SecurityGroupFact => !!g);
  const epEv = ev('Interface endpoint', `${ep.id} (${service})`, consoleLinks.endpoint(region, ep.id));
  const ingress = sgAllows(epGroups, 'ingress', { cidrs: inst.privateIp ? [`${inst.privateIp}/32`] : [], groupIds: inst.securityGroupIds });
  if (ingress.verdict === 'deny') {
    problems.push({
      code: 'endpoint-sg-blocks-443',
      evidence: [epEv, ...ep.securityGroupIds.map((g) => ev('Endpoint security group', g, consoleLinks.securityGroup(region, g))), ev('Instance address', inst.privateIp ?? 'unknown')],
      sentence: (s) => `The security groups of the interface endpoints for ${s} (${ep.securityGroupIds.join(', ')}) allow no inbound HTTPS (443) from the instance.`,
      fix: () => endpointIngressFix(region, ep.securityGroupIds.slice(0, 1), ctx.vpcCidr ?? `${inst.privateIp}/32`),
    });
  } else if (ingress.verdict === 'partial') notes.push(`endpoint ${ep.id} lets 443 in only from part of the addresses (${ingress.by})`);
  const epCidrs = ep.subnetIds.map((id) => ctx.subnets.find((s) => s.id === id)?.cidr).filter((c): c is string => !!c);
  problems.push(...egressProblems(ctx, { cidrs: epCidrs, groupIds: ep.securityGroupIds }, ctx.vpcCidr ?? epCidrs[0] ?? INTERNET, notes));
  if (!ep.subnetIds.includes(inst.subnetId)) problems.push(...naclProblems(ctx, epCidrs, notes));
  return { service, via: `interface endpoint ${ep.id}`, verdict: problems.length ? 'fail' : notes.length ? 'maybe' : 'ok', problems, notes };
}

function viaInternet(ctx: NetContext, service: SsmService): ServicePath {
  const { inst, region } = ctx;
  const rt = routeTableOf(ctx);
  const route = rt?.routes.find((r) => r.destination === INTERNET && r.state !== 'blackhole');
  const subnetEv = ev('Subnet', inst.subnetId, consoleLinks.subnet(region, inst.subnetId));
  const rtEv = rt ? ev('Route table', `${rt.id}${rt.main ? ' (main)' : ''}`, consoleLinks.routeTable(region, rt.id)) : ev('Route table', 'none');
  if (!route) {
    const problem: Problem = {
      code: 'no-route-to-ssm',
      evidence: [subnetEv, rtEv, ev('Default route (0.0.0.0/0)', rt?.routes.some((r) => r.destination === INTERNET) ? 'blackhole' : 'none'), ev('SSM interface endpoints in the VPC', ssmEndpoints(ctx) || 'none')],
      sentence: (s) => `Subnet ${inst.subnetId} cannot reach ${s}: its route table ${rt?.id ?? '(none)'} has no working 0.0.0.0/0 route (no NAT gateway) and VPC ${ctx.vpcId} has no usable interface endpoints for them.`,
      fix: (svcs) => createEndpointsFix(region, ctx.vpcId, svcs, [inst.subnetId], ctx.vpcCidr),
      data: { subnets: [`${ctx.subnets.find((x) => x.id === inst.subnetId)?.az ?? '?'}|${inst.subnetId}`] },
      fixFor: (_ids, d) => createEndpointsFix(region, ctx.vpcId, (d.services ?? []) as SsmService[], onePerAz(d.subnets ?? []), ctx.vpcCidr),
    };
    return { service, via: 'no route', verdict: 'fail', problems: [problem], notes: [] };
  }
  const notes: string[] = [];
  let via = `${route.target}`;
  if (route.target.startsWith('nat-')) via = `NAT gateway ${route.target}`;
  else if (route.target.startsWith('igw-')) {
    via = `internet gateway ${route.target}`;
    if (!inst.publicIp) {
      const problem: Problem = {
        code: 'no-public-ip-for-igw',
        evidence: [subnetEv, rtEv, ev('Default route', `0.0.0.0/0 → ${route.target}`), ev('Public IP', 'none')],
        sentence: (s) => `Subnet ${inst.subnetId} routes 0.0.0.0/0 to internet gateway ${route.target}, but the instance has no public IP, so its traffic to ${s} cannot leave the VPC.`,
        fix: () => publicIpFix(region, [inst.id]),
        fixFor: (ids) => publicIpFix(region, ids),
      };
      return { service, via, verdict: 'fail', problems: [problem], notes };
    }
  } else notes.push(`0.0.0.0/0 goes to ${route.target}; what lies beyond it is not checked`);
  const problems = [...egressProblems(ctx, { cidrs: [INTERNET], groupIds: [] }, INTERNET, notes), ...naclProblems(ctx, [INTERNET], notes)];
  return { service, via, verdict: problems.length ? 'fail' : notes.length ? 'maybe' : 'ok', problems, notes };
}

/** An interface endpoint takes one subnet per Availability Zone: the first named of each (`az|subnet-id`). */
function onePerAz(subnets: string[]): string[] {
  const byAz = new Map<string, string>();
  for (const s of subnets) {
    const [az, id] = s.split('|');
    if (!byAz.has(az)) byAz.set(az, id);
  }
  return [...byAz.values()];
}

/** The VPC's interface endpoints for SSM services, "ssm (vpce-1, pending)". */
function ssmEndpoints(ctx: NetContext): string {
  const prefix = `com.amazonaws.${ctx.region}.`;
  return ctx.endpoints
    .filter((e) => e.serviceName.startsWith(prefix) && ['ssm', 'ssmmessages', 'ec2messages'].includes(e.serviceName.slice(prefix.length)))
    .map((e) => `${e.serviceName.slice(prefix.length)} (${e.id}, ${e.state}${e.privateDns ? '' : ', private DNS off'})`)
    .join('; ');
}
