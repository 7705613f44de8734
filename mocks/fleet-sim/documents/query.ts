/**
 * ListDocuments, DescribeDocument, GetDocument and ListDocumentVersions over the catalog.
 * ListDocuments lists each document's default version, sorted by name, with the filters
 * AWS documents: Owner (one of Self, Amazon, Private, Public, ThirdParty, All, or the
 * account ID), Name (begins with), PlatformTypes, DocumentType, TargetType and one
 * tag:<key>; keys ANDed, values ORed. The legacy DocumentFilterList (Name, Owner,
 * PlatformTypes, DocumentType) filters the same way.
 */
import { SimError } from '../errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from '../paging';
import type { FleetStore } from '../store';
import { defaultVersionOf, DOCUMENTS, findDocument, ownerOf, resolvedVersion, selectVersion } from './catalog';
import type { DocumentDef, ResolvedVersion } from './types';

export interface DocumentsQuery {
  filterList?: Array<{ key: string; value: string }>;
  filters?: Array<{ Key: string; Values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

type Match = (doc: DocumentDef) => boolean;

const OWNERS = ['Self', 'Amazon', 'Private', 'Public', 'ThirdParty', 'All'];

function ownerMatch(store: FleetStore, values: string[]): Match {
  if (values.length !== 1) throw new SimError('ValidationException', 'Only one Owner can be specified in a request.');
  const owner = values[0];
  if (!OWNERS.includes(owner) && owner !== store.accountId) {
    throw new SimError('ValidationException', `${owner} is not a valid value for the Owner filter. Valid values: ${OWNERS.join(', ')}.`);
  }
  if (owner === 'All') return () => true;
  if (owner === 'Amazon') return (d) => d.owner === 'Amazon';
  // Private: owned by the account or shared with it privately (the simulated account has no shares).
  if (owner === 'Self' || owner === 'Private' || owner === store.accountId) return (d) => d.owner === 'self';
  return () => false; // Public, ThirdParty: the simulation has no such documents
}

function match(store: FleetStore, key: string, values: string[]): Match {
  if (values.length === 0) throw new SimError('ValidationException', `The filter ${key} needs at least one value.`);
  const set = new Set(values);
  if (key.startsWith('tag:') && key.length > 4) {
    const tagKey = key.slice(4);
    return (d) => (d.tags ?? []).some((t) => t.Key === tagKey && set.has(t.Value));
  }
  switch (key) {
    case 'Owner': return ownerMatch(store, values);
    case 'Name': return (d) => values.some((v) => d.name.startsWith(v));
    case 'PlatformTypes': return (d) => d.platformTypes.some((p) => set.has(p));
    case 'DocumentType': return (d) => set.has(d.documentType);
    case 'TargetType': return (d) => d.targetType !== undefined && set.has(d.targetType);
    default: throw new SimError('InvalidFilterKey', `${key} is not a valid filter key. Valid keys: Owner, Name, PlatformTypes, DocumentType, TargetType, tag:<key>.`);
  }
}

function matchers(store: FleetStore, q: DocumentsQuery): Match[] {
  const filters = q.filters ?? [];
  if (filters.filter((f) => f.Key.startsWith('tag:')).length > 1) {
    throw new SimError('ValidationException', 'Only one tag key can be used to filter documents.');
  }
  return [
    ...(q.filterList ?? []).map((f) => match(store, f.key, [f.value])),
    ...filters.map((f) => match(store, f.Key, f.Values)),
  ];
}

function cursorOf(store: FleetStore, scope: string, token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const cursor = decodeToken(store.tokenSecret, scope, token);
  if (cursor === null) throw new SimError('InvalidNextToken', 'The specified token is not valid.');
  return cursor;
}

export function listDocuments(store: FleetStore, q: DocumentsQuery): { items: ResolvedVersion[]; nextToken?: string } {
  const ms = matchers(store, q);
  const scope = `ListDocuments/${hashToken(JSON.stringify([q.filterList, q.filters]))}`;
  const indexed = DOCUMENTS.map((doc, i) => ({ doc, i }));
  const page = pageAfter(indexed, (e) => e.i, cursorOf(store, scope, q.nextToken), q.maxResults ?? 50, (e) => ms.every((m) => m(e.doc)));
  return {
    items: page.items.map((e) => resolvedVersion(store, e.doc, defaultVersionOf(e.doc))),
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}

export function describeDocument(store: FleetStore, name: string, documentVersion?: string, versionName?: string): ResolvedVersion {
  return selectVersion(store, findDocument(store, name), documentVersion, versionName);
}

export function listDocumentVersions(store: FleetStore, name: string, maxResults?: number, nextToken?: string): { items: ResolvedVersion[]; nextToken?: string } {
  const doc = findDocument(store, name);
  const scope = `ListDocumentVersions/${doc.name}`;
  const versions = doc.versions.map((_, i) => resolvedVersion(store, doc, i + 1));
  const page = pageAfter(versions, (v) => v.version, cursorOf(store, scope, nextToken), maxResults ?? 50);
  return { items: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

export { ownerOf, defaultVersionOf };
