import 'server-only';
import { GetInstanceProfileCommand, type InstanceProfile } from '@aws-sdk/client-iam';
import { IAM_REGION, iamClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { InstanceProfile };

/**
 * An instance profile with its role (a profile holds at most one), or null when IAM has no such profile (NoSuchEntity).
 * IAM is global: the scope's region only names the caller's context.
 */
export async function getInstanceProfile(scope: AwsScope, name: string): Promise<InstanceProfile | null> {
  try {
    return (await iamClient(scope.account).send(new GetInstanceProfileCommand({ InstanceProfileName: name }))).InstanceProfile ?? null;
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw toAwsError(err, { service: 'iam', operation: 'GetInstanceProfile', region: IAM_REGION, account: scope.account });
  }
}

/** IAM's "not found": the wire code is NoSuchEntity, the SDK's exception is named NoSuchEntityException. */
export function isNoSuchEntity(err: unknown): boolean {
  const name = (err as { name?: string; Code?: string })?.name;
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity';
}
