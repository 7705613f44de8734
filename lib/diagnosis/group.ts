/**
 * The fleet view: diagnosed nodes grouped by their top cause and where its fix applies (the VPC for network causes,
 * the region for the others), so "23 instances in vpc-0abc have no route to SSM" is one line with one fix. Pure.
 */
import { CAUSE_CODES, CAUSES, groupSentence, type CauseGroup, type Fix, type IncompleteNode, type StepKey } from '@/lib/contracts/diagnosis';
import type { Diagnosed } from './diagnose';
import type { Finding, FindingData } from './step';

export interface GroupedFleet {
  groups: CauseGroup[];
  noCause: { count: number; nodeIds: string[] };
  incomplete: IncompleteNode[];
}

/** One fix for the group: the finding's own group fix when it has one, else each distinct fix once. */
export function groupFix(findings: Finding[], ids: string[]): Fix {
  const withGroupFix = findings.find((f) => f.fixFor);
  if (withGroupFix?.fixFor) {
    const data: FindingData = {};
    for (const f of findings) for (const [k, vs] of Object.entries(f.data ?? {})) data[k] = [...new Set([...(data[k] ?? []), ...vs])];
    return withGroupFix.fixFor(ids, data);
  }
  const texts = [...new Set(findings.map((f) => f.fix.text))];
  return { kind: findings[0].fix.kind, text: texts.join('\n\n') };
}

export function incompleteOf(d: Diagnosed): IncompleteNode | null {
  const unchecked = d.dto.steps.filter((s) => s.status === 'unchecked').map((s) => s.step as StepKey);
  if (!unchecked.length) return null;
  return { nodeId: d.dto.nodeId, region: d.dto.region, ping: d.dto.symptom.ping, unchecked, missingPermissions: d.dto.missingPermissions, error: null };
}

export function groupFleet(diagnosed: Diagnosed[], failed: IncompleteNode[] = []): GroupedFleet {
  const buckets = new Map<string, { code: Finding['code']; region: string; place: string; vpcId: string | null; ids: string[]; findings: Finding[] }>();
  const noCause: string[] = [];
  for (const d of diagnosed) {
    const top = d.findings[0];
    if (!top) {
      noCause.push(d.dto.nodeId);
      continue;
    }
    const vpcId = CAUSES[top.code].groupBy === 'vpc' ? d.dto.vpcId : null;
    // By VPC, or by account and region: the same region of two accounts is two places to fix.
    const place = d.dto.account ? `${d.dto.accountName || d.dto.account} ${d.dto.region}` : d.dto.region;
    const key = `${top.code}|${vpcId ?? (d.dto.account ? `${d.dto.account}/${d.dto.region}` : d.dto.region)}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { code: top.code, region: d.dto.region, place, vpcId, ids: [], findings: [] }));
    b.ids.push(d.dto.nodeId);
    b.findings.push(top);
  }
  const groups: CauseGroup[] = [...buckets].map(([key, b]) => ({
    key,
    code: b.code,
    step: CAUSES[b.code].step,
    label: CAUSES[b.code].label,
    region: b.region,
    vpcId: b.vpcId,
    count: b.ids.length,
    nodeIds: b.ids,
    sentence: groupSentence(b.code, b.ids.length, b.vpcId ?? b.place),
    fix: groupFix(b.findings, b.ids),
  }));
  groups.sort((a, b) => CAUSE_CODES.indexOf(a.code) - CAUSE_CODES.indexOf(b.code) || b.count - a.count || a.key.localeCompare(b.key));
  const incomplete = [...failed, ...diagnosed.map(incompleteOf).filter((x): x is IncompleteNode => !!x)];
  return { groups, noCause: { count: noCause.length, nodeIds: noCause }, incomplete };
}
