import 'server-only';
import { paginateListDocuments, type DocumentIdentifier, type DocumentKeyValuesFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { DocumentIdentifier, DocumentKeyValuesFilter };

/** Documents matching the filters, every page (50 a page, the API's maximum). */
export async function listDocuments(scope: AwsScope, filters: DocumentKeyValuesFilter[]): Promise<DocumentIdentifier[]> {
  const ctx = { service: 'ssm', operation: 'ListDocuments', region: scope.region, account: scope.account };
  const out: DocumentIdentifier[] = [];
  try {
    const pages = paginateListDocuments({ client: ssmClient(scope), pageSize: 50 }, { Filters: filters });
    let n = 0;
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError(ctx.operation);
      out.push(...(page.DocumentIdentifiers ?? []));
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return out;
}
