import { cidrContains, cidrOverlaps } from './cidr';
import type { SecurityGroupFact, SgRule } from './facts';

/** Who is on the other side: addresses, or members of security groups. */
export interface Peer {
  cidrs: string[];
  groupIds: string[];
}

export interface SgVerdict {
  verdict: 'allow' | 'deny' | 'partial';
  /** The group and rule that allow it, for the evidence. */
  by: string | null;
}

const coversTcpPort = (r: SgRule, port: number) =>
  r.protocol === '-1' || ((r.protocol === 'tcp' || r.protocol === '6') && (r.fromPort ?? 0) <= port && port <= (r.toPort ?? 65535));

function describeRule(g: SecurityGroupFact, r: SgRule, what: string): string {
  const ports = r.protocol === '-1' ? 'all traffic' : `tcp ${r.fromPort}${r.toPort !== r.fromPort ? `-${r.toPort}` : ''}`;
  return `${g.id} (${g.name}): ${ports} ${what}`;
}

/**
 * Whether the groups (their rules are a union, and stateful: only the first direction counts) let TCP `port` go
 * `direction` to/from `peer`. A rule for a narrower CIDR than the peer's, or a prefix list, allows part of it.
 */
export function sgAllows(groups: SecurityGroupFact[], direction: 'ingress' | 'egress', peer: Peer, port = 443): SgVerdict {
  let partial: string | null = null;
  for (const g of groups) {
    for (const r of g[direction]) {
      if (!coversTcpPort(r, port)) continue;
      const cidr = r.cidrs.find((c) => peer.cidrs.some((p) => cidrContains(c, p)));
      if (cidr) return { verdict: 'allow', by: describeRule(g, r, `${direction === 'egress' ? 'to' : 'from'} ${cidr}`) };
      const group = r.groupIds.find((id) => peer.groupIds.includes(id));
      if (group) return { verdict: 'allow', by: describeRule(g, r, `${direction === 'egress' ? 'to' : 'from'} ${group}`) };
      const some = r.cidrs.find((c) => peer.cidrs.some((p) => cidrOverlaps(c, p))) ?? r.prefixListIds[0];
      if (some) partial ??= describeRule(g, r, `${direction === 'egress' ? 'to' : 'from'} ${some}`);
    }
  }
  return partial ? { verdict: 'partial', by: partial } : { verdict: 'deny', by: null };
}
