import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey } from '@/lib/aws/scope';
import { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { getOpsItem, type OpsItem } from '@/lib/aws/ssm/get-ops-item';
import { notFound } from '@/lib/errors';

/**
 * OpsItems are regional and their IDs do not say where they live. Regions seen in list reads are remembered; an ID
 * not seen yet is looked for in every configured region at once.
 */
const g = globalThis as unknown as { __opsItemRegions?: Map<string, string> };
const known = () => (g.__opsItemRegions ??= new Map());
const MAX_KNOWN = 200_000;

export function rememberRegions(rows: { id: string; region: string }[]): void {
  const m = known();
  if (m.size + rows.length > MAX_KNOWN) m.clear();
  for (const r of rows) m.set(r.id, r.region);
}

export const knownRegion = (id: string) => known().get(id);

/** The OpsItem and its region; a 404 when no region has it; a region that could not be asked makes it a 503, not a 404. */
export async function locateOpsItem(id: string, hint?: string): Promise<{ region: string; item: OpsItem }> {
  const regions = await fleetScopeKeys();
  const first = hint && regions.includes(hint) ? hint : knownRegion(id);
  if (first && regions.includes(first)) {
    const r = await settle(getOpsItem(parseScopeKey(first), id));
    if (r.ok) return { region: first, item: r.value };
    if (r.error.status !== 404) throw r.error;
  }
  const rest = regions.filter((r) => r !== first);
  const reads = await Promise.all(rest.map(async (region) => ({ region, r: await settle(getOpsItem(parseScopeKey(region), id)) })));
  const hit = reads.find((x) => x.r.ok);
  if (hit && hit.r.ok) {
    known().set(id, hit.region);
    return { region: hit.region, item: hit.r.value };
  }
  const failed = reads.find((x) => !x.r.ok && x.r.error.status !== 404);
  if (failed && !failed.r.ok) {
    const e = failed.r.error;
    throw new AwsError(e.code, `OpsItem ${id} was not found in the regions that answered; ${failed.region} could not be asked: ${e.message}`, e.status, e.retryable, e.context);
  }
  throw notFound('OpsItemNotFound', `no OpsItem ${id} in ${regions.join(', ')}`);
}
