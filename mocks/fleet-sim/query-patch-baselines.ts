/** SSM DescribePatchBaselines, GetPatchBaseline and DescribePatchGroups over a region's patch configuration. */
import { SimError } from './errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import type { SimBaseline } from './patch-baselines';
import { patchConfigFor, type FleetStore } from './store';

export interface PatchFiltersQuery {
  filters?: Array<{ Key: string; Values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

export interface BaselineIdentity {
  baseline: SimBaseline;
  isDefault: boolean;
}

function cursor(store: FleetStore, scope: string, token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const c = decodeToken(store.tokenSecret, scope, token);
  if (c === null) throw new SimError('ValidationException', 'The specified token is not valid.');
  return c;
}

function checkKeys(filters: PatchFiltersQuery['filters'], allowed: readonly string[]): void {
  for (const f of filters ?? []) {
    if (!allowed.includes(f.Key)) throw new SimError('ValidationException', `Invalid filter key ${f.Key}. Valid filter keys: ${allowed.join(', ')}.`);
  }
}

const values = (q: PatchFiltersQuery, key: string) => (q.filters ?? []).filter((f) => f.Key === key).map((f) => f.Values ?? []);

export function queryPatchBaselines(store: FleetStore, region: string, q: PatchFiltersQuery): { identities: BaselineIdentity[]; nextToken?: string } {
  checkKeys(q.filters, ['NAME_PREFIX', 'OWNER', 'OPERATING_SYSTEM']);
  const config = patchConfigFor(store, region);
  const accept = (b: SimBaseline) =>
    values(q, 'NAME_PREFIX').every((vs) => vs.some((v) => b.name.startsWith(v))) &&
    values(q, 'OWNER').every((vs) => vs.includes(b.owner)) &&
    values(q, 'OPERATING_SYSTEM').every((vs) => vs.includes(b.operatingSystem));
  const scope = `DescribePatchBaselines/${region}/${hashToken(JSON.stringify(q.filters ?? []))}`;
  const page = pageAfter(config.baselines.map((b, i) => ({ b, i })), (x) => x.i, cursor(store, scope, q.nextToken), q.maxResults ?? 100, (x) => accept(x.b));
  return {
    identities: page.items.map(({ b }) => ({ baseline: b, isDefault: config.defaults.get(b.operatingSystem) === b.id })),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}

/** A baseline by ID (AWS's baselines only by their full ARN, as AWS requires), or DoesNotExistException. */
export function getPatchBaseline(store: FleetStore, region: string, baselineId: string): SimBaseline {
  const baseline = patchConfigFor(store, region).byId.get(baselineId);
  if (!baseline) throw new SimError('DoesNotExistException', `Patch Baseline ${baselineId} does not exist.`);
  return baseline;
}

export interface PatchGroupMapping {
  patchGroup: string;
  identity: BaselineIdentity;
}

export function queryPatchGroups(store: FleetStore, region: string, q: PatchFiltersQuery): { mappings: PatchGroupMapping[]; nextToken?: string } {
  checkKeys(q.filters, ['NAME_PREFIX', 'OPERATING_SYSTEM']);
  const config = patchConfigFor(store, region);
  const all: PatchGroupMapping[] = [];
  for (const group of [...config.groups.keys()].sort()) {
    for (const [os, id] of config.groups.get(group) ?? []) {
      const baseline = config.byId.get(id) as SimBaseline;
      all.push({ patchGroup: group, identity: { baseline, isDefault: config.defaults.get(os) === id } });
    }
  }
  const accept = (m: PatchGroupMapping) =>
    values(q, 'NAME_PREFIX').every((vs) => vs.some((v) => m.patchGroup.startsWith(v))) &&
    values(q, 'OPERATING_SYSTEM').every((vs) => vs.includes(m.identity.baseline.operatingSystem));
  const scope = `DescribePatchGroups/${region}/${hashToken(JSON.stringify(q.filters ?? []))}`;
  const page = pageAfter(all.map((m, i) => ({ m, i })), (x) => x.i, cursor(store, scope, q.nextToken), q.maxResults ?? 100, (x) => accept(x.m));
  return { mappings: page.items.map((x) => x.m), nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}
