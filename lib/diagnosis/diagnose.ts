/**
 * From one node's facts to its diagnosis: the five steps in order, the causes ranked by how surely they explain the
 * symptom, and "no cause found" saying what was checked. Pure: no AWS, no clock (the caller passes both in).
 */
import {
  CAUSE_CODES, CONFIDENCES, DIAGNOSIS_STEPS, STEP_TITLES,
  type CallCounts, type Cause, type NodeDiagnosis, type StepResult, type Symptom,
} from '@/lib/contracts/diagnosis';
import type { NodeFacts } from './facts';
import { agentStep } from './rules-agent';
import { ec2Step } from './rules-ec2';
import { hybridStep } from './rules-hybrid';
import { iamStep } from './rules-iam';
import { networkStep } from './rules-network';
import { stepOf, type Finding, type StepOutcome } from './step';

export interface Diagnosed {
  dto: NodeDiagnosis;
  /** The causes before they became DTOs, in the same order (the fleet view builds group fixes from them). */
  findings: Finding[];
}

const RULES: Record<(typeof DIAGNOSIS_STEPS)[number], (f: NodeFacts) => StepOutcome> = {
  ec2: ec2Step, iam: iamStep, network: networkStep, agent: agentStep, hybrid: hybridStep,
};

/** Surer first; among equally sure causes, the order of CAUSE_CODES (stopped > impaired > no profile > no route > ...). */
export function rankFindings(findings: Finding[]): Finding[] {
  const score = (f: Finding) => CONFIDENCES.indexOf(f.confidence) * 100 + CAUSE_CODES.indexOf(f.code);
  return [...findings].sort((a, b) => score(a) - score(b));
}

export function symptomOf(f: NodeFacts): Symptom {
  const { row } = f;
  const last = row.lastPingAt ? ` (last ping ${row.lastPingAt})` : '';
  const summary: Record<Symptom['ping'], string> = {
    Online: `Online${last}.`,
    ConnectionLost: `Registered with Systems Manager, but it has stopped pinging${last}.`,
    Inactive: `Systems Manager lists it as Inactive${last}.`,
    NotManaged: 'A running EC2 instance that has never registered with Systems Manager.',
    NotRunning: `The EC2 instance is ${row.ec2State ?? 'not running'}; Systems Manager does not list it.`,
    Unknown: `Systems Manager's node list for ${row.region} could not be read; diagnosed from EC2's facts.`,
  };
  return { ping: row.ping, managed: row.managed, lastPingAt: row.lastPingAt, agentVersion: row.agentVersion, ec2State: row.ec2State, summary: summary[row.ping] };
}

function noCauseText(steps: StepResult[], f: NodeFacts): string {
  const ran = steps.filter((s) => s.status === 'pass' || s.status === 'warn').map((s) => `${STEP_TITLES[s.step].toLowerCase()}: ${s.summary}`);
  const skippedOrNot = steps.filter((s) => s.status === 'unchecked').map((s) => `${STEP_TITLES[s.step].toLowerCase()}${s.missingPermissions.length ? ` (missing ${s.missingPermissions.join(', ')})` : ''}`);
  const head = f.row.ping === 'Online' ? 'Nothing wrong found.' : 'No cause found in what AWS shows.';
  const tail = f.row.ping === 'ConnectionLost' || f.row.ping === 'Inactive'
    ? ' The agent or the operating system may have stopped (not visible through AWS\'s APIs): look at the instance\'s console output or restart the agent.'
    : '';
  return `${head} Checked ${ran.join(' ')}${skippedOrNot.length ? ` Could not check ${skippedOrNot.join(', ')}.` : ''}${tail}`;
}

export function toCause(fd: Finding, rank: number): Cause {
  return { rank, code: fd.code, step: stepOf(fd.code), confidence: fd.confidence, sentence: fd.sentence, evidence: fd.evidence, fix: fd.fix };
}

export function diagnose(f: NodeFacts, opts: { calls: CallCounts }): Diagnosed {
  const outcomes = DIAGNOSIS_STEPS.map((s) => RULES[s](f));
  const steps = outcomes.map((o) => o.result);
  // One cause per code (the same code found twice says the same thing).
  const seen = new Set<string>();
  const findings = rankFindings(outcomes.flatMap((o) => o.findings)).filter((x) => !seen.has(x.code) && seen.add(x.code));
  const causes = findings.map((fd, i) => toCause(fd, i + 1));
  const missing = [...new Set(steps.flatMap((s) => s.missingPermissions))].sort();
  const inst = f.instance?.ok ? f.instance.value : null;
  return {
    findings,
    dto: {
      nodeId: f.row.id,
      account: f.row.account,
      accountName: f.row.accountName,
      region: f.row.region,
      name: f.row.name,
      vpcId: inst?.vpcId ?? f.row.vpcId,
      symptom: symptomOf(f),
      steps,
      causes,
      noCauseFound: causes.length ? null : noCauseText(steps, f),
      missingPermissions: missing,
      checkedAt: new Date(f.fetchedAt).toISOString(),
      calls: opts.calls,
    },
  };
}
