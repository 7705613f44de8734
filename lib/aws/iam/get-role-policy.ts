import 'server-only';
import { GetRolePolicyCommand } from '@aws-sdk/client-iam';
import { IAM_REGION, iamClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { isNoSuchEntity } from './get-instance-profile';

/**
 * One inline policy of a role as its JSON text, or null when IAM has no such policy. IAM answers the document
 * URL-encoded (RFC 3986); it is decoded here.
 */
export async function getRolePolicy(scope: AwsScope, roleName: string, policyName: string): Promise<string | null> {
  try {
    const out = await iamClient(scope.account).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return out.PolicyDocument === undefined ? null : decodePolicyDocument(out.PolicyDocument);
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw toAwsError(err, { service: 'iam', operation: 'GetRolePolicy', region: IAM_REGION, account: scope.account });
  }
}

/** URL-decoded when it is (a document that is already plain JSON is returned as it is). */
export function decodePolicyDocument(doc: string): string {
  if (doc.trimStart().startsWith('{')) return doc;
  try {
    return decodeURIComponent(doc.replace(/\+/g, '%20'));
  } catch {
    return doc;
  }
}
