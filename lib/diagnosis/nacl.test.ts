/** Network ACL evaluation as AWS does it: rule-number order, first match decides, default deny; and CIDR matching. */
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, INTERNET } from './cidr';
import { evaluateNacl, freeRuleNumber, naclOfSubnet } from './nacl';
import { allowAll, denyAll, tcpEntry } from './fixtures';
import { sgAllows } from './security-groups';

const out443 = (peer = INTERNET) => ({ egress: true, fromPort: 443, toPort: 443, peer });
const ephemeral = (peer = INTERNET) => ({ egress: false, fromPort: 32768, toPort: 65535, peer });

describe('evaluateNacl', () => {
  it('the lowest matching rule number decides, whatever the order of the entries', () => {
    const entries = [allowAll(200, true), tcpEntry(100, true, 'deny', '0.0.0.0/0', 443, 443), denyAll(true)];
    expect(evaluateNacl(entries, out443())).toEqual({ verdict: 'deny', rule: 100, partialRules: [] });
    const swapped = [tcpEntry(300, true, 'deny', '0.0.0.0/0', 443, 443), allowAll(200, true), denyAll(true)];
    expect(evaluateNacl(swapped, out443())).toEqual({ verdict: 'allow', rule: 200, partialRules: [] });
  });

  it('nothing matching falls to the default rule, which denies', () => {
    expect(evaluateNacl([tcpEntry(100, true, 'allow', '0.0.0.0/0', 80, 80), denyAll(true)], out443())).toEqual({ verdict: 'deny', rule: '*', partialRules: [] });
    expect(evaluateNacl([], out443()).verdict).toBe('deny');
  });

  it('only entries of the direction asked count', () => {
    expect(evaluateNacl([allowAll(100, false), denyAll(false), denyAll(true)], out443()).verdict).toBe('deny');
  });

  it('a narrower rule first makes the answer partial', () => {
    const entries = [tcpEntry(90, false, 'deny', '0.0.0.0/0', 32768, 40000), allowAll(100, false), denyAll(false)];
    expect(evaluateNacl(entries, ephemeral())).toEqual({ verdict: 'partial', rule: 100, partialRules: [90] });
    // An allow for part of the ports, then nothing: partial too.
    expect(evaluateNacl([tcpEntry(100, false, 'allow', '0.0.0.0/0', 49152, 65535), denyAll(false)], ephemeral()).verdict).toBe('partial');
  });

  it('a rule for private addresses does not touch traffic from the internet', () => {
    const entries = [tcpEntry(100, false, 'allow', '10.0.0.0/16', 1024, 65535), denyAll(false)];
    expect(evaluateNacl(entries, ephemeral()).verdict).toBe('deny');
    expect(evaluateNacl(entries, ephemeral('10.0.9.0/24')).verdict).toBe('allow');
  });

  it('a wide allow covers the narrower ephemeral range; protocol 6 and -1 both are TCP', () => {
    expect(evaluateNacl([tcpEntry(100, false, 'allow', '0.0.0.0/0', 1024, 65535)], ephemeral()).verdict).toBe('allow');
    expect(evaluateNacl([{ ...allowAll(100, false), protocol: '17' }, denyAll(false)], ephemeral()).verdict).toBe('deny');
  });

  it('picks a free rule number below the deciding one for the fix', () => {
    const entries = [tcpEntry(99, true, 'allow', '10.0.0.0/8', 22, 22), tcpEntry(100, true, 'deny', '0.0.0.0/0', 443, 443)];
    expect(freeRuleNumber(entries, true, 100)).toBe(98);
    expect(freeRuleNumber(entries, true, '*')).toBe(32766);
  });

  it("a subnet's ACL is its own association, else the VPC's default", () => {
    const acls = [{ id: 'acl-d', isDefault: true, subnetIds: ['s1'] }, { id: 'acl-x', isDefault: false, subnetIds: ['s2'] }];
    expect(naclOfSubnet(acls, 's2')?.id).toBe('acl-x');
    expect(naclOfSubnet(acls, 's9')?.id).toBe('acl-d');
  });
});

describe('CIDR and security groups', () => {
  it('containment and overlap', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '10.0.1.10/32')).toBe(true);
    expect(cidrOverlaps('10.0.1.0/24', '10.0.0.0/16')).toBe(true);
    expect(cidrOverlaps('52.0.0.0/8', INTERNET)).toBe(true);
    expect(cidrOverlaps('192.168.0.0/24', INTERNET)).toBe(false);
    expect(cidrContains('52.0.0.0/8', INTERNET)).toBe(false);
    expect(cidrContains('nonsense', INTERNET)).toBe(false);
  });

  it('security groups: union of rules, by CIDR or group reference; narrower CIDRs are partial', () => {
    const g = (egress: Parameters<typeof sgAllows>[0][number]['egress']) => [{ id: 'sg-1', name: 'x', ingress: [], egress }];
    const rule = (protocol: string, from: number | null, to: number | null, cidrs: string[], groupIds: string[] = []) => ({ protocol, fromPort: from, toPort: to, cidrs, groupIds, prefixListIds: [] });
    expect(sgAllows(g([rule('-1', null, null, ['0.0.0.0/0'])]), 'egress', { cidrs: [INTERNET], groupIds: [] }).verdict).toBe('allow');
    expect(sgAllows(g([rule('tcp', 80, 80, ['0.0.0.0/0'])]), 'egress', { cidrs: [INTERNET], groupIds: [] }).verdict).toBe('deny');
    expect(sgAllows(g([rule('tcp', 443, 443, ['52.0.0.0/8'])]), 'egress', { cidrs: [INTERNET], groupIds: [] }).verdict).toBe('partial');
    expect(sgAllows(g([rule('tcp', 0, 65535, [], ['sg-ep'])]), 'egress', { cidrs: ['10.0.9.0/24'], groupIds: ['sg-ep'] }).verdict).toBe('allow');
    expect(sgAllows(g([rule('tcp', 443, 443, ['10.0.0.0/16'])]), 'egress', { cidrs: [INTERNET], groupIds: [] }).verdict).toBe('deny');
  });
});
