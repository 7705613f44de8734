/** The pieces every rule returns: a step's result and the findings (candidate causes, before ranking). */
import { CAUSES, STEP_TITLES, type CauseCode, type Confidence, type Evidence, type Fix, type StepKey, type StepResult, type StepStatus } from '@/lib/contracts/diagnosis';
import { deniedActions, firstFailure, type Fact } from './facts';

export interface Finding {
  code: CauseCode;
  confidence: Confidence;
  sentence: string;
  evidence: Evidence[];
  fix: Fix;
  /**
   * The fix for a group of nodes with this cause (the fleet view): given their IDs and the union of their `data`
   * (e.g. the subnets that need an endpoint), one command or loop instead of one per node.
   */
  fixFor?: (ids: string[], data: FindingData) => Fix;
  data?: FindingData;
}

export type FindingData = Record<string, string[]>;

export interface StepOutcome {
  result: StepResult;
  findings: Finding[];
}

export function stepResult(step: StepKey, status: StepStatus, summary: string, evidence: Evidence[] = [], missingPermissions: string[] = []): StepResult {
  return { step, title: STEP_TITLES[step], status, summary, missingPermissions, evidence };
}

export const outcome = (result: StepResult, findings: Finding[] = []): StepOutcome => ({ result, findings });

/** A step that could not run because facts are missing: names the denied actions, or AWS's failure. */
export function unchecked(step: StepKey, what: string, ...facts: (Fact<unknown> | null | undefined)[]): StepOutcome {
  const missing = deniedActions(...facts);
  const failure = firstFailure(...facts);
  const why = missing.length
    ? `the dashboard is not allowed ${missing.join(', ')}`
    : failure
      ? `${failure.action} failed: ${failure.message}`
      : 'the facts were not available';
  return outcome(stepResult(step, 'unchecked', `Could not check ${what}: ${why}.`, [], missing));
}

export function finding(
  code: CauseCode, confidence: Confidence, sentence: string, evidence: Evidence[], fix: Fix,
  fixFor?: Finding['fixFor'], data?: FindingData,
): Finding {
  return { code, confidence, sentence, evidence, fix, ...(fixFor ? { fixFor } : {}), ...(data ? { data } : {}) };
}

/** The step a cause code belongs to (from the one table in lib/contracts/diagnosis.ts). */
export const stepOf = (code: CauseCode): StepKey => CAUSES[code].step;
