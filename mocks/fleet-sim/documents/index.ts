/** SSM documents: the catalog, parameter validation, the List/Describe/Get queries. */
export { DOCUMENTS, contentOf, defaultVersionOf, documentByName, ownerOf, resolvedVersion, selectVersion } from './catalog';
export { checkParameters, defaultValues, describeDefault } from './parameters';
export { describeDocument, listDocuments, listDocumentVersions, type DocumentsQuery } from './query';
export { toYaml } from './yaml';
export type * from './types';
