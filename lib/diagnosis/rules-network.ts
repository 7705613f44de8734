/** Step 3: the network path to ssm, ssmmessages and ec2messages on 443, merged over the three services. Pure. */
import type { Evidence } from '@/lib/contracts/diagnosis';
import type { EndpointFact, NodeFacts, VpcFacts } from './facts';
import { SSM_SERVICES, type SsmService } from './fixes';
import { consoleLinks, ev, uniqueEvidence } from './links';
import { evaluateService, routeTableOf, type NetContext, type Problem, type ServicePath } from './network-path';
import { finding, outcome, stepResult, unchecked, type Finding, type StepOutcome } from './step';

const listOf = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export function networkStep(f: NodeFacts): StepOutcome {
  const { row } = f;
  if (row.id.startsWith('mi-')) return outcome(stepResult('network', 'skipped', 'Hybrid node: its network is outside AWS’s view.'));
  if (!f.instance?.ok) return unchecked('network', 'the network path (the instance’s subnet and security groups are unknown)', f.instance);
  const inst = f.instance.value;
  if (!inst) return outcome(stepResult('network', 'skipped', 'EC2 does not list the instance.'));
  if (!inst.vpcId || !inst.subnetId) return outcome(stepResult('network', 'skipped', 'The instance is in no VPC subnet (EC2 shows none).'));
  const ctx = context(f.vpc, row.region, { ...inst, subnetId: inst.subnetId });
  if (!ctx.ok) return ctx.outcome;
  const paths = SSM_SERVICES.map((s) => evaluateService(ctx.value, s));
  return judgePaths(ctx.value, paths);
}

type Ctx = { ok: true; value: NetContext } | { ok: false; outcome: StepOutcome };

function context(vpc: VpcFacts | null, region: string, inst: NetContext['inst']): Ctx {
  if (!vpc) return { ok: false, outcome: unchecked('network', `VPC ${inst.vpcId}`) };
  const { subnets, routeTables, endpoints, securityGroups, nacls, dnsSupport, dnsHostnames } = vpc;
  if (!subnets.ok || !routeTables.ok || !endpoints.ok || !securityGroups.ok || !nacls.ok) {
    return { ok: false, outcome: unchecked('network', `the network path in ${inst.vpcId}`, subnets, routeTables, endpoints, securityGroups, nacls) };
  }
  // The DNS attributes matter only where an SSM endpoint relies on private DNS.
  const needsDns = endpoints.value.some((e: EndpointFact) => e.privateDns && /\.(ssm|ssmmessages|ec2messages)$/.test(e.serviceName));
  if (needsDns && (!dnsSupport.ok || !dnsHostnames.ok)) {
    return { ok: false, outcome: unchecked('network', `DNS resolution in ${inst.vpcId}`, dnsSupport, dnsHostnames) };
  }
  return {
    ok: true,
    value: {
      region, vpcId: inst.vpcId as string, inst,
      vpcCidr: vpc.cidrs.ok ? (vpc.cidrs.value[0] ?? null) : null,
      subnets: subnets.value, routeTables: routeTables.value, endpoints: endpoints.value,
      groups: new Map(securityGroups.value.map((g) => [g.id, g])), nacls: nacls.value,
      dnsSupport: dnsSupport.ok ? dnsSupport.value : null, dnsHostnames: dnsHostnames.ok ? dnsHostnames.value : null,
    },
  };
}

function judgePaths(ctx: NetContext, paths: ServicePath[]): StepOutcome {
  const evidence: Evidence[] = [
    ev('VPC', ctx.vpcId, consoleLinks.vpc(ctx.region, ctx.vpcId)),
    ev('Subnet', ctx.inst.subnetId, consoleLinks.subnet(ctx.region, ctx.inst.subnetId)),
  ];
  const rt = routeTableOf(ctx);
  if (rt) evidence.push(ev('Route table', `${rt.id}${rt.main ? ' (main)' : ''}`, consoleLinks.routeTable(ctx.region, rt.id)));
  const failed = paths.filter((p) => p.verdict === 'fail');
  if (failed.length) {
    const findings = mergeProblems(failed);
    return outcome(stepResult('network', 'fail', `No working path to ${listOf(failed.map((p) => p.service))} on 443.`, evidence), findings);
  }
  const vias = new Map<string, string[]>();
  for (const p of paths) vias.set(p.via, [...(vias.get(p.via) ?? []), p.service]);
  const how = [...vias].map(([via, svcs]) => `${listOf(svcs)} via ${via}`).join('; ');
  const notes = [...new Set(paths.flatMap((p) => p.notes))];
  if (notes.length) return outcome(stepResult('network', 'warn', `Paths found (${how}), with caveats: ${notes.join('; ')}.`, evidence));
  return outcome(stepResult('network', 'pass', `Reaches ${listOf([...SSM_SERVICES])} on 443: ${how}; security groups and network ACL allow it.`, evidence));
}

/** One finding per cause code, naming every service it cuts off. */
function mergeProblems(paths: ServicePath[]): Finding[] {
  const byCode = new Map<Problem['code'], { problem: Problem; services: SsmService[]; evidence: Evidence[] }>();
  for (const p of paths) {
    for (const problem of p.problems) {
      const e = byCode.get(problem.code);
      if (e) {
        e.services.push(p.service);
        e.evidence.push(...problem.evidence);
      } else byCode.set(problem.code, { problem, services: [p.service], evidence: [...problem.evidence] });
    }
  }
  return [...byCode.values()].map(({ problem, services, evidence }) =>
    finding(problem.code, 'high', problem.sentence(listOf(services)), uniqueEvidence(evidence), problem.fix(services), problem.fixFor, { ...problem.data, services }),
  );
}
