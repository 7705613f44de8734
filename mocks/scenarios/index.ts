/**
 * Opt-in faults for the simulated AWS, mutable at run time (tests, or POST /__mock/scenario).
 *
 *   latencyMs       every call waits this long before answering
 *   throttleRate    0..1, share of calls throttled (seeded random)
 *   failRegions     every call to these regions fails with a retryable 503
 *   failAccounts    every call with these accounts' credentials fails as a regional outage does (account IDs)
 *   denyOperations  'ssm:DescribeInstancePatchStates', 'ec2:DescribeInstances', 'iam:GetInstanceProfile', 'ssm:*' or '*'
 *                   (STS and Organizations meet outages and throttling only; denyAssumeRole refuses AssumeRole)
 *   denyAssumeRole  AssumeRole into these accounts is AccessDenied (account IDs)
 *   slowAnswers     { 'ssm:SendCommand': 3000 }: the operation is carried out at once, its answer is held this many ms
 *                   (a slow network on the way back: the caller may die before it learns what AWS did)
 */
export interface Scenario {
  latencyMs: number;
  throttleRate: number;
  failRegions: string[];
  failAccounts: string[];
  denyOperations: string[];
  denyAssumeRole: string[];
  slowAnswers: Record<string, number>;
}

export function defaultScenario(): Scenario {
  return { latencyMs: 0, throttleRate: 0, failRegions: [], failAccounts: [], denyOperations: [], denyAssumeRole: [], slowAnswers: {} };
}

export class ScenarioError extends Error {}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isAccountList = (v: unknown): v is string[] => isStringList(v) && v.every((s) => /^\d{12}$/.test(s));

/** Checks a partial scenario (e.g. parsed JSON); throws ScenarioError listing what is wrong. */
export function parseScenarioPatch(patch: unknown): Partial<Scenario> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new ScenarioError('scenario must be a JSON object');
  const p = patch as Record<string, unknown>;
  const errors: string[] = [];
  const known = ['latencyMs', 'throttleRate', 'failRegions', 'failAccounts', 'denyOperations', 'denyAssumeRole', 'slowAnswers'];
  for (const key of Object.keys(p)) if (!known.includes(key)) errors.push(`unknown field ${key}`);
  if ('latencyMs' in p && !(typeof p.latencyMs === 'number' && Number.isFinite(p.latencyMs) && p.latencyMs >= 0 && p.latencyMs <= 60_000)) {
    errors.push('latencyMs must be a number of milliseconds between 0 and 60000');
  }
  if ('throttleRate' in p && !(typeof p.throttleRate === 'number' && p.throttleRate >= 0 && p.throttleRate <= 1)) {
    errors.push('throttleRate must be a number between 0 and 1');
  }
  if ('failRegions' in p && !isStringList(p.failRegions)) errors.push('failRegions must be a list of region names');
  if ('failAccounts' in p && !isAccountList(p.failAccounts)) errors.push('failAccounts must be a list of 12-digit account IDs');
  if ('denyAssumeRole' in p && !isAccountList(p.denyAssumeRole)) errors.push('denyAssumeRole must be a list of 12-digit account IDs');
  if ('denyOperations' in p) {
    if (!isStringList(p.denyOperations)) errors.push('denyOperations must be a list like ["ssm:DescribeInstancePatchStates", "ec2:*", "*"]');
    else for (const op of p.denyOperations) if (op !== '*' && !/^(ssm|ec2|iam):(\*|[A-Za-z]+)$/.test(op)) errors.push(`denyOperations entry ${op} must look like service:Operation, service:* or *`);
  }
  if ('slowAnswers' in p) {
    const v = p.slowAnswers;
    const ok = typeof v === 'object' && v !== null && !Array.isArray(v)
      && Object.entries(v).every(([k, ms]) => /^(ssm|ec2|iam):[A-Za-z]+$/.test(k) && typeof ms === 'number' && ms >= 0 && ms <= 60_000);
    if (!ok) errors.push('slowAnswers must map service:Operation to milliseconds (0..60000), like {"ssm:SendCommand": 3000}');
  }
  if (errors.length > 0) throw new ScenarioError(errors.join('; '));
  return p as Partial<Scenario>;
}

export function createScenario(initial: Partial<Scenario> = {}): Scenario {
  return Object.assign(defaultScenario(), parseScenarioPatch(initial));
}

/** Merges a validated partial scenario into `scenario` (in place) and returns it. */
export function updateScenario(scenario: Scenario, patch: unknown): Scenario {
  const parsed = parseScenarioPatch(patch);
  if (parsed.latencyMs !== undefined) scenario.latencyMs = parsed.latencyMs;
  if (parsed.throttleRate !== undefined) scenario.throttleRate = parsed.throttleRate;
  if (parsed.failRegions !== undefined) scenario.failRegions = [...parsed.failRegions];
  if (parsed.failAccounts !== undefined) scenario.failAccounts = [...parsed.failAccounts];
  if (parsed.denyOperations !== undefined) scenario.denyOperations = [...parsed.denyOperations];
  if (parsed.denyAssumeRole !== undefined) scenario.denyAssumeRole = [...parsed.denyAssumeRole];
  if (parsed.slowAnswers !== undefined) scenario.slowAnswers = { ...parsed.slowAnswers };
  return scenario;
}

export { pickFault, type Fault, type FaultKind } from './faults';
