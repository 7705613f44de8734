/**
 * Reads the standalone endpoint's settings from the environment (see mocks/server.ts). DEMO_ACCOUNTS (default 3)
 * of 2 or more serves the demo organization (accounts/default-profile.ts), DEMO_NODES split across its accounts;
 * DEMO_ACCOUNTS=1 serves one account as before accounts existed.
 */
import { demoAccountProfile, MAX_DEMO_ACCOUNTS, MAX_TOTAL_NODES } from './accounts';
import type { MockAwsServerOptions } from './create-server';
import { checkSpeed, DEFAULT_OPEN_OPS_ITEM_LIMIT, DEFAULT_REGIONS, OPS_ITEM_DEDUP_MODES, type OpsItemDedupMode } from './fleet-sim';
import { parseScenarioPatch, ScenarioError, type Scenario } from './scenarios';

type Env = Record<string, string | undefined>;

export type ParsedEnv = { ok: true; options: MockAwsServerOptions } | { ok: false; error: string };

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function integer(env: Env, name: string, fallback: number, min: number, max: number): number | string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) return `${name} must be a whole number (got "${raw}")`;
  const n = Number(raw);
  if (n < min || n > max) return `${name} must be between ${min} and ${max} (got ${n})`;
  return n;
}

export function parseServerEnv(env: Env): ParsedEnv {
  const port = integer(env, 'MOCK_AWS_PORT', 4566, 0, 65535);
  const nodes = integer(env, 'DEMO_NODES', 300, 0, MAX_TOTAL_NODES);
  const accountCount = integer(env, 'DEMO_ACCOUNTS', 3, 1, MAX_DEMO_ACCOUNTS);
  const seed = integer(env, 'DEMO_SEED', 42, 0, 2 ** 32 - 1);
  const latencyMs = integer(env, 'MOCK_AWS_LATENCY_MS', 0, 0, 60_000);
  const opsItemOpenLimit = integer(env, 'MOCK_OPSITEM_OPEN_LIMIT', DEFAULT_OPEN_OPS_ITEM_LIMIT, 0, 1_000_000);
  for (const v of [port, nodes, accountCount, seed, latencyMs, opsItemOpenLimit]) if (typeof v === 'string') return { ok: false, error: v };
  const accountRegions = env.DEMO_ACCOUNT_REGIONS?.trim() || 'default';
  if (accountRegions !== 'default' && accountRegions !== 'same') return { ok: false, error: `DEMO_ACCOUNT_REGIONS must be "same" (every account in AWS_REGIONS) or "default" (got "${accountRegions}")` };
  const brokenText = env.DEMO_BROKEN_ACCOUNT?.trim() || '0';
  if (brokenText !== '0' && brokenText !== '1') return { ok: false, error: `DEMO_BROKEN_ACCOUNT must be 1 or 0 (got "${brokenText}")` };
  if (brokenText === '1' && accountCount === 1) return { ok: false, error: 'DEMO_BROKEN_ACCOUNT=1 needs DEMO_ACCOUNTS of 2 or more (it adds an account to the organization)' };
  const dedup = env.MOCK_OPSITEM_DEDUP?.trim() || 'return-existing';
  if (!OPS_ITEM_DEDUP_MODES.includes(dedup as OpsItemDedupMode)) {
    return { ok: false, error: `MOCK_OPSITEM_DEDUP must be one of ${OPS_ITEM_DEDUP_MODES.join(', ')} (got "${dedup}")` };
  }
  const speedText = env.MOCK_AWS_TIME_SPEED?.trim();
  const timeSpeed = speedText ? Number(speedText) : 1;
  const badSpeed = checkSpeed(timeSpeed);
  if (badSpeed) return { ok: false, error: `MOCK_AWS_TIME_SPEED: ${badSpeed.replace(/\(got .*\)$/, `(got "${speedText}")`)}` };
  const regions = list(env.AWS_REGIONS);
  const bad = regions.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
  if (bad) return { ok: false, error: `AWS_REGIONS entry "${bad}" is not a region name like us-east-1` };
  const scenario: Partial<Scenario> = { latencyMs: latencyMs as number, failRegions: list(env.MOCK_AWS_FAIL_REGIONS), denyOperations: list(env.MOCK_AWS_DENY) };
  if (env.MOCK_AWS_THROTTLE_RATE?.trim()) scenario.throttleRate = Number(env.MOCK_AWS_THROTTLE_RATE);
  try {
    parseScenarioPatch(scenario);
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, error: `invalid fault settings: ${err.message}` };
    throw err;
  }
  const common = { port: port as number, seed: seed as number, timeSpeed, opsItemDedup: dedup as OpsItemDedupMode, opsItemOpenLimit: opsItemOpenLimit as number };
  const awsRegions = regions.length > 0 ? regions : [...DEFAULT_REGIONS];
  if (accountCount === 1) return { ok: true, options: { ...common, nodes: nodes as number, regions: awsRegions, scenario } };
  const accounts = demoAccountProfile({ accounts: accountCount as number, nodes: nodes as number, regions: awsRegions, sameRegions: accountRegions === 'same', broken: brokenText === '1' });
  return { ok: true, options: { ...common, accounts, scenario } };
}
