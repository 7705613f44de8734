import { cidrContains, cidrOverlaps } from './cidr';
import type { NaclEntry } from './facts';

/** TCP traffic to check against a network ACL: a port range and the peer's addresses. */
export interface Traffic {
  egress: boolean;
  fromPort: number;
  toPort: number;
  peer: string;
}

export interface NaclVerdict {
  /** partial: some of the traffic is allowed and some denied (a narrower rule decides part of it). */
  verdict: 'allow' | 'deny' | 'partial';
  /** The rule number that decides all of the traffic; '*' for the default rule. */
  rule: number | '*';
  /** Narrower rules that apply first to part of it. */
  partialRules: number[];
}

const DEFAULT_RULE = 32767;
const isTcp = (p: string) => p === '-1' || p === '6' || p.toLowerCase() === 'tcp' || p.toLowerCase() === 'all';

function portsOf(e: NaclEntry): { from: number; to: number } {
  if (e.protocol === '-1' || e.protocol.toLowerCase() === 'all') return { from: 0, to: 65535 };
  return { from: e.fromPort ?? 0, to: e.toPort ?? 65535 };
}

/**
 * How a network ACL treats `t`, as AWS evaluates it: the entries of that direction in rule-number order, the first
 * entry that matches decides, and the default rule (`*`, 32767) denies what no entry matched. An entry that matches
 * only part of the traffic (a narrower CIDR or port range) decides that part: the answer is then `partial`.
 */
export function evaluateNacl(entries: NaclEntry[], t: Traffic): NaclVerdict {
  const ordered = entries.filter((e) => e.egress === t.egress && e.ruleNumber < DEFAULT_RULE).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const partial: { rule: number; action: NaclEntry['action'] }[] = [];
  for (const e of ordered) {
    if (!isTcp(e.protocol) || !cidrOverlaps(e.cidr, t.peer)) continue;
    const p = portsOf(e);
    if (p.to < t.fromPort || p.from > t.toPort) continue;
    const full = cidrContains(e.cidr, t.peer) && p.from <= t.fromPort && t.toPort <= p.to;
    if (!full) {
      partial.push({ rule: e.ruleNumber, action: e.action });
      continue;
    }
    // Earlier partial rules of the other action make this a mix.
    const mixed = partial.some((x) => x.action !== e.action);
    return { verdict: mixed ? 'partial' : e.action, rule: e.ruleNumber, partialRules: partial.map((x) => x.rule) };
  }
  const mixed = partial.some((x) => x.action === 'allow');
  return { verdict: mixed ? 'partial' : 'deny', rule: '*', partialRules: partial.map((x) => x.rule) };
}

/** The network ACL a subnet is associated with (every subnet has exactly one: its own or the VPC's default). */
export function naclOfSubnet<T extends { isDefault: boolean; subnetIds: string[] }>(nacls: T[], subnetId: string): T | null {
  return nacls.find((n) => n.subnetIds.includes(subnetId)) ?? nacls.find((n) => n.isDefault) ?? null;
}

/** A free rule number below `before` for an allow entry that must come first. */
export function freeRuleNumber(entries: NaclEntry[], egress: boolean, before: number | '*'): number {
  const used = new Set(entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  for (let n = (before === '*' ? DEFAULT_RULE : before) - 1; n >= 1; n--) if (!used.has(n)) return n;
  return 1;
}
