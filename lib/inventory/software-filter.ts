import 'server-only';
import { invalid } from '@/lib/errors';
import { parseSoftwareFilter } from '@/lib/contracts/inventory';
import { searchSoftware } from './search';

/** The node view's `sw` filter as the set of node IDs that have the software (warm: from the search's caches). */
export async function resolveSoftwareFilter(raw: string): Promise<ReadonlySet<string>> {
  const parsed = parseSoftwareFilter(raw);
  if (!parsed.ok) throw invalid('InvalidSoftwareFilter', `sw: ${parsed.error}`);
  const res = await searchSoftware(parsed.query);
  return new Set(res.matches.map((m) => m.nodeId));
}
