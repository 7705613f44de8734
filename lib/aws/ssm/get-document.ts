import 'server-only';
import { GetDocumentCommand, type GetDocumentCommandOutput } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

/**
 * A document's content. DescribeDocument gives parameter names, types and defaults only; allowed values, allowed
 * patterns, display types and item/character limits are declared in the content.
 */
export async function getDocument(scope: AwsScope, name: string, version?: string): Promise<GetDocumentCommandOutput> {
  try {
    return await ssmClient(scope).send(new GetDocumentCommand({ Name: name, DocumentVersion: version, DocumentFormat: 'JSON' }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetDocument', region: scope.region, account: scope.account });
  }
}
