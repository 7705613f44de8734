/** Checks account specs and fills in their defaults; throws RangeError naming every problem. */
import { MAX_NODES } from '../fleet-sim';
import { MAX_TOTAL_NODES, type MockAccountSpec, type ResolvedAccountSpec } from './types';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Each account's seed defaults to a step from the base seed, a prime step so fleets differ. */
export const SEED_STEP = 7919;

export function resolveAccountSpecs(specs: readonly MockAccountSpec[], baseSeed: number): ResolvedAccountSpec[] {
  const problems: string[] = [];
  if (specs.length === 0) problems.push('at least one account is needed');
  const seen = new Set<string>();
  let total = 0;
  specs.forEach((s, i) => {
    const at = `account ${i + 1} (${s.id})`;
    if (typeof s.id !== 'string' || !/^\d{12}$/.test(s.id)) problems.push(`${at}: id must be 12 digits`);
    if (seen.has(s.id)) problems.push(`${at}: id is used twice`);
    seen.add(s.id);
    if (typeof s.name !== 'string' || s.name.trim() === '' || s.name.length > 50) problems.push(`${at}: name must be 1-50 characters`);
    const active = (s.status ?? 'ACTIVE') === 'ACTIVE';
    if (s.status !== undefined && s.status !== 'ACTIVE' && s.status !== 'SUSPENDED') problems.push(`${at}: status must be ACTIVE or SUSPENDED`);
    if (!Array.isArray(s.regions) || s.regions.some((r) => !REGION.test(r))) problems.push(`${at}: regions must be region names like us-east-1`);
    else if (active && s.regions.length === 0) problems.push(`${at}: an ACTIVE account needs at least one region`);
    if (!Number.isInteger(s.nodes) || s.nodes < 0 || s.nodes > MAX_NODES) problems.push(`${at}: nodes must be a whole number between 0 and ${MAX_NODES}`);
    else if (active) total += s.nodes;
    if (s.seed !== undefined && !(Number.isInteger(s.seed) && s.seed >= 0)) problems.push(`${at}: seed must be a whole number >= 0`);
    if (s.management && !active) problems.push(`${at}: the management account must be ACTIVE`);
  });
  if (total > MAX_TOTAL_NODES) problems.push(`all accounts together may have at most ${MAX_TOTAL_NODES} nodes (got ${total})`);
  if (specs.filter((s) => s.management).length > 1) problems.push('only one account can be the management account');
  if (problems.length > 0) throw new RangeError(`invalid accounts: ${problems.join('; ')}`);
  const management = specs.find((s) => s.management) ?? specs[0];
  if ((management.status ?? 'ACTIVE') !== 'ACTIVE') throw new RangeError('invalid accounts: the management account (the first, unless one says management: true) must be ACTIVE');
  return specs.map((s, i) => ({
    id: s.id,
    name: s.name,
    regions: [...s.regions],
    nodes: (s.status ?? 'ACTIVE') === 'ACTIVE' ? s.nodes : 0,
    seed: s.seed ?? (baseSeed + i * SEED_STEP) % 2 ** 32,
    email: s.email ?? `aws+${s.name.replace(/[^\w.-]/g, '-')}@example.com`,
    status: s.status ?? 'ACTIVE',
    // A suspended account cannot be assumed whatever its spec says.
    assumable: (s.status ?? 'ACTIVE') === 'ACTIVE' && (s.assumable ?? true),
    management: s === management,
    ...(s.requireExternalId !== undefined ? { requireExternalId: s.requireExternalId } : {}),
  }));
}
