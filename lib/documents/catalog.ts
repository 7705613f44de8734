import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey } from '@/lib/aws/scope';
import type { DocumentDetail, DocumentSummary, DocumentsQuery, DocumentsResponse } from '@/lib/contracts/documents';
import { listDocuments, type DocumentIdentifier } from '@/lib/aws/ssm/list-documents';
import { describeDocument } from '@/lib/aws/ssm/describe-document';
import { getDocument } from '@/lib/aws/ssm/get-document';
import { AwsError } from '@/lib/aws/errors';
import { settle } from '@/lib/aws/settle';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { notFound } from '@/lib/errors';
import { parseContent } from './content';

/** Documents change rarely: lists are read at most every 10 minutes, a document's detail every 5. */
const LIST_TTL_MS = 10 * 60_000;
const DETAIL_TTL_MS = 5 * 60_000;

const g = globalThis as unknown as { __docLists?: Map<string, SwrCache<DocumentIdentifier[]>>; __docDetails?: Map<string, SwrCache<DocumentDetail>> };
const lists = (g.__docLists ??= new Map());
const details = (g.__docDetails ??= new Map());

/** `forEveryone`: the value is the dashboard's (a region's list), not one a caller named (a document). */
function cached<T>(map: Map<string, SwrCache<T>>, key: string, ttl: number, load: () => Promise<T>, forEveryone = false): Promise<T> {
  let c = map.get(key);
  if (!c) map.set(key, (c = createSwrCache({ ttlMs: () => ttl, load, forEveryone })));
  if (map.size > 2000) map.clear();
  return c.get();
}

/** The Command documents of a region that AWS owns and that the account owns. */
function regionList(region: string): Promise<DocumentIdentifier[]> {
  return cached(lists, region, LIST_TTL_MS, async () => {
    const byOwner = (owner: string) => listDocuments(parseScopeKey(region), [{ Key: 'DocumentType', Values: ['Command'] }, { Key: 'Owner', Values: [owner] }]);
    const [aws, own] = await Promise.all([byOwner('Amazon'), byOwner('Self')]);
    return [...aws, ...own];
  }, true);
}

const ownedBy = (owner: string | undefined): DocumentSummary['ownedBy'] => (owner === 'Amazon' ? 'aws' : /^\d{12}$/.test(owner ?? '') ? 'account' : 'other');

function summary(d: DocumentIdentifier, regions: string[]): DocumentSummary {
  return {
    name: d.Name ?? '', owner: d.Owner ?? '', ownedBy: ownedBy(d.Owner), platformTypes: d.PlatformTypes ?? [], documentVersion: d.DocumentVersion ?? null,
    documentType: d.DocumentType ?? 'Command', schemaVersion: d.SchemaVersion ?? null, description: null, regions,
  };
}

/** Every Command document in the configured regions, merged by name, filtered as asked. */
export async function listCommandDocuments(q: DocumentsQuery): Promise<DocumentsResponse> {
  const regions = await fleetScopeKeys();
  const results = await Promise.all(regions.map((r) => settle(regionList(r)).then((res) => [r, res] as const)));
  const byName = new Map<string, DocumentSummary>();
  const errors: DocumentsResponse['errors'] = [];
  for (const [region, res] of results) {
    if (!res.ok) {
      errors.push({ region, code: res.error.code, message: res.error.message });
      continue;
    }
    for (const d of res.value) {
      const seen = byName.get(d.Name ?? '');
      if (seen) seen.regions.push(region);
      else byName.set(d.Name ?? '', summary(d, [region]));
    }
  }
  const text = q.q.trim().toLowerCase();
  const documents = [...byName.values()]
    .filter((d) => (!text || d.name.toLowerCase().includes(text)) && (!q.platform || d.platformTypes.includes(q.platform)) && (q.owner === 'all' || d.ownedBy === q.owner))
    .sort((a, b) => Number(a.ownedBy !== 'account') - Number(b.ownedBy !== 'account') || a.name.localeCompare(b.name));
  return { documents, errors };
}

/**
 * The regions where a document may be used: where the lists show it, and where the list could not be read (unknown
 * is not absent: SendCommand there says for sure).
 */
export async function documentRegions(name: string): Promise<string[]> {
  const res = await listCommandDocuments({ q: '', owner: 'all' });
  return [...(res.documents.find((d) => d.name === name)?.regions ?? []), ...res.errors.map((e) => e.region)];
}

async function readDetail(region: string, name: string, version: string): Promise<DocumentDetail> {
  const [d, content] = await Promise.all([describeDocument(parseScopeKey(region), name, version), getDocument(parseScopeKey(region), name, version)]);
  const parsed = parseContent(content.Content);
  const fromDescribe = (d.Parameters ?? []).map((p) => ({
    name: p.Name ?? '', type: (p.Type as DocumentDetail['parameters'][number]['type']) ?? 'String', description: p.Description ?? '',
    default: p.DefaultValue !== undefined ? [p.DefaultValue] : null, required: p.DefaultValue === undefined, allowedValues: null, allowedPattern: null,
    displayType: null, minItems: null, maxItems: null, minChars: null, maxChars: null,
  }));
  const parameters = parsed?.parameters.length ? parsed.parameters : fromDescribe;
  return {
    ...summary({ Name: d.Name, Owner: d.Owner, PlatformTypes: d.PlatformTypes, DocumentVersion: d.DocumentVersion, DocumentType: d.DocumentType, SchemaVersion: d.SchemaVersion }, [region]),
    description: d.Description ?? parsed?.description ?? null,
    latestVersion: d.LatestVersion ?? null,
    defaultVersion: d.DefaultVersion ?? null,
    parameters,
    steps: parsed?.steps ?? [],
    executionTimeoutParameter: parameters.some((p) => p.name === 'executionTimeout') ? 'executionTimeout' : null,
  };
}

const missing = (e: unknown) => e instanceof AwsError && (e.code === 'InvalidDocument' || e.code === 'InvalidDocumentVersion');

/** A document's parameters and platforms, from the first configured region that has it (404 when none has). */
export async function getDocumentDetail(name: string, version = '$DEFAULT'): Promise<DocumentDetail> {
  let last: unknown;
  const regions = await fleetScopeKeys();
  for (const region of regions) {
    try {
      return await cached(details, `${region}|${name}|${version}`, DETAIL_TTL_MS, () => readDetail(region, name, version));
    } catch (err) {
      if (!missing(err)) throw err;
      last = err;
    }
  }
  const why = last instanceof AwsError && last.code === 'InvalidDocumentVersion' ? `has no version ${version}` : 'does not exist';
  throw notFound('DocumentNotFound', `document ${name} ${why} in ${regions.join(', ')}`);
}

/** Tests: forget cached documents. */
export function resetDocumentCache(): void {
  lists.clear();
  details.clear();
}
