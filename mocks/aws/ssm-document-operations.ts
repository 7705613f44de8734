/**
 * SSM document operations -> the simulated account's document catalog. Input has passed
 * model validation. DescribeDocument's Parameters carry only Name, Type, Description and
 * DefaultValue (the rules live in the content, which GetDocument returns).
 */
import type {
  DescribeDocumentRequest, DescribeDocumentResult, DocumentIdentifier, DocumentParameter, GetDocumentRequest, GetDocumentResult,
  ListDocumentsRequest, ListDocumentsResult, ListDocumentVersionsRequest, ListDocumentVersionsResult,
} from '@aws-sdk/client-ssm';
import { documents, SimError, type Simulation } from '../fleet-sim';
import { epochSeconds as at } from './protocol/json11';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;
type Resolved = documents.ResolvedVersion;

/** Optional naming fields, present only when the version has them (as AWS omits them). */
const naming = (v: Resolved) => ({ DisplayName: v.def.displayName, VersionName: v.def.versionName });

function toIdentifier(sim: Simulation, v: Resolved): DocumentIdentifier {
  return {
    Name: v.doc.name,
    CreatedDate: at(v.createdDate),
    ...naming(v),
    Owner: documents.ownerOf(sim.store, v.doc),
    PlatformTypes: v.doc.platformTypes,
    DocumentVersion: String(v.version),
    DocumentType: v.doc.documentType,
    SchemaVersion: v.def.schemaVersion,
    DocumentFormat: 'JSON',
    TargetType: v.doc.targetType,
    Tags: v.doc.tags ?? [],
  };
}

function toParameters(v: Resolved): DocumentParameter[] {
  return Object.entries(v.def.parameters).map(([name, def]) => ({
    Name: name,
    // AWS reports the document's own type here (StringMap, Boolean, ...), beyond the model's enum.
    Type: def.type as DocumentParameter['Type'],
    Description: def.description,
    DefaultValue: documents.describeDefault(def),
  }));
}

function listDocuments(sim: Simulation, region: string, input: ListDocumentsRequest): ListDocumentsResult {
  const page = sim.documents(region, {
    filterList: input.DocumentFilterList?.map((f) => ({ key: f.key as string, value: f.value as string })),
    filters: input.Filters?.map((f) => ({ Key: f.Key as string, Values: f.Values ?? [] })),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return { DocumentIdentifiers: page.items.map((v) => toIdentifier(sim, v)), NextToken: page.nextToken };
}

function describeDocument(sim: Simulation, region: string, input: DescribeDocumentRequest): DescribeDocumentResult {
  const v = sim.document(region, input.Name as string, input.DocumentVersion, input.VersionName);
  return {
    Document: {
      Hash: v.hash,
      HashType: 'Sha256',
      Name: v.doc.name,
      ...naming(v),
      Owner: documents.ownerOf(sim.store, v.doc),
      CreatedDate: at(v.createdDate),
      Status: 'Active',
      DocumentVersion: String(v.version),
      Description: v.def.description,
      Parameters: toParameters(v),
      PlatformTypes: v.doc.platformTypes,
      DocumentType: v.doc.documentType,
      SchemaVersion: v.def.schemaVersion,
      LatestVersion: String(v.doc.versions.length),
      DefaultVersion: String(documents.defaultVersionOf(v.doc)),
      DocumentFormat: 'JSON',
      TargetType: v.doc.targetType,
      Tags: v.doc.tags ?? [],
    },
  };
}

function getDocument(sim: Simulation, region: string, input: GetDocumentRequest): GetDocumentResult {
  const v = sim.document(region, input.Name as string, input.DocumentVersion, input.VersionName);
  const format = input.DocumentFormat ?? 'JSON';
  if (format === 'TEXT') throw new SimError('ValidationException', `Document ${v.doc.name} is a JSON document; it can be returned as JSON or YAML, not TEXT.`);
  return {
    Name: v.doc.name,
    CreatedDate: at(v.createdDate),
    ...naming(v),
    DocumentVersion: String(v.version),
    Status: 'Active',
    Content: format === 'YAML' ? documents.toYaml(documents.contentOf(v.doc, v.def)) : v.content,
    DocumentType: v.doc.documentType,
    DocumentFormat: format,
  };
}

function listDocumentVersions(sim: Simulation, region: string, input: ListDocumentVersionsRequest): ListDocumentVersionsResult {
  const page = sim.documentVersions(region, input.Name as string, input.MaxResults, input.NextToken);
  const defaultVersion = page.items[0] ? documents.defaultVersionOf(page.items[0].doc) : 0;
  return {
    DocumentVersions: page.items.map((v) => ({
      Name: v.doc.name, ...naming(v), DocumentVersion: String(v.version), CreatedDate: at(v.createdDate),
      IsDefaultVersion: v.version === defaultVersion, DocumentFormat: 'JSON', Status: 'Active',
    })),
    NextToken: page.nextToken,
  };
}

export const SSM_DOCUMENT_OPERATIONS: Record<string, Operation> = {
  ListDocuments: operation(listDocuments),
  DescribeDocument: operation(describeDocument),
  GetDocument: operation(getDocument),
  ListDocumentVersions: operation(listDocumentVersions),
};
