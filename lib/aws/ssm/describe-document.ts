import 'server-only';
import { DescribeDocumentCommand, type DocumentDescription } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { DocumentDescription };

/** A document's description: versions, platforms, parameters (name, type, description, default). */
export async function describeDocument(scope: AwsScope, name: string, version?: string): Promise<DocumentDescription> {
  try {
    const out = await ssmClient(scope).send(new DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
    if (!out.Document) throw new Error('DescribeDocument returned no document');
    return out.Document;
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribeDocument', region: scope.region, account: scope.account });
  }
}
