/** Step 3's filters on a path: the instance's security groups (443 out) and its subnet's network ACL (both ways). Pure. */
import { INTERNET } from './cidr';
import type { SecurityGroupFact } from './facts';
import { egress443Fix, naclAllowFix } from './fixes';
import { consoleLinks, ev } from './links';
import { evaluateNacl, freeRuleNumber, naclOfSubnet } from './nacl';
import type { NetContext, Problem } from './network-path';
import { sgAllows } from './security-groups';

export function egressProblems(ctx: NetContext, peer: { cidrs: string[]; groupIds: string[] }, fixCidr: string, notes: string[]): Problem[] {
  const { inst, region } = ctx;
  const groups = inst.securityGroupIds.map((id) => ctx.groups.get(id)).filter((g): g is SecurityGroupFact => !!g);
  const v = sgAllows(groups, 'egress', peer);
  if (v.verdict === 'partial') notes.push(`outbound 443 is allowed only to part of the addresses (${v.by})`);
  if (v.verdict !== 'deny') return [];
  const dest = peer.cidrs.includes(INTERNET) ? 'the internet' : `the endpoints (${peer.cidrs.join(', ')})`;
  return [{
    code: 'sg-egress-blocks-443',
    evidence: inst.securityGroupIds.map((g) => ev('Instance security group', g, consoleLinks.securityGroup(region, g))),
    sentence: (s) => `The instance's security groups (${inst.securityGroupIds.join(', ') || 'none'}) allow no outbound HTTPS (443) to ${dest}, so it cannot reach ${s}.`,
    fix: () => egress443Fix(region, inst.securityGroupIds[0] ?? '<security group>', fixCidr),
  }];
}

/**
 * The ports replies come back to: Linux uses 32768-60999, Windows 49152-65535 (AWS suggests allowing 1024-65535; a
 * narrower allow that covers these works).
 */
const EPHEMERAL: [number, number] = [32768, 65535];

/** The instance subnet's ACL: 443 out and the ephemeral ports back in, for at least one of the peer ranges. */
export function naclProblems(ctx: NetContext, peers: string[], notes: string[]): Problem[] {
  const { inst, region } = ctx;
  const acl = naclOfSubnet(ctx.nacls, inst.subnetId);
  if (!acl || !peers.length) return [];
  const checks = peers.map((peer) => ({
    peer,
    out: evaluateNacl(acl.entries, { egress: true, fromPort: 443, toPort: 443, peer }),
    back: evaluateNacl(acl.entries, { egress: false, fromPort: EPHEMERAL[0], toPort: EPHEMERAL[1], peer }),
  }));
  if (checks.some((c) => c.out.verdict === 'allow' && c.back.verdict === 'allow')) return [];
  const c = checks[0];
  const aclEv = ev('Network ACL', acl.id, consoleLinks.nacl(region, acl.id));
  const dest = c.peer === INTERNET ? 'the internet' : c.peer;
  const out: Problem[] = [];
  const rule = (r: number | '*') => (r === '*' ? 'the default rule *' : `rule ${r}`);
  if (c.out.verdict === 'deny') {
    out.push({
      code: 'nacl-blocks-443-out',
      evidence: [aclEv, ev('Outbound 443 to', dest), ev('Decided by', rule(c.out.rule))],
      sentence: (s) => `Network ACL ${acl.id} of subnet ${inst.subnetId} denies outbound 443 to ${dest} (${rule(c.out.rule)}), so the instance cannot reach ${s}.`,
      fix: () => naclAllowFix(region, acl.id, true, freeRuleNumber(acl.entries, true, c.out.rule), [443, 443], c.peer),
    });
  } else if (c.out.verdict === 'partial') notes.push(`${acl.id} lets outbound 443 through only in part (rules ${c.out.partialRules.join(', ')})`);
  if (c.back.verdict === 'deny') {
    out.push({
      code: 'nacl-blocks-ephemeral-in',
      evidence: [aclEv, ev(`Inbound ${EPHEMERAL.join('-')} from`, dest), ev('Decided by', rule(c.back.rule))],
      sentence: (s) => `Network ACL ${acl.id} of subnet ${inst.subnetId} denies the replies from ${s} on the ephemeral ports ${EPHEMERAL.join('-')} (${rule(c.back.rule)}): network ACLs are stateless, so HTTPS never completes.`,
      fix: () => naclAllowFix(region, acl.id, false, freeRuleNumber(acl.entries, false, c.back.rule), [1024, 65535], c.peer),
    });
  } else if (c.back.verdict === 'partial') notes.push(`${acl.id} lets the ephemeral ports back in only in part (rules ${c.back.partialRules.join(', ')})`);
  return out;
}
