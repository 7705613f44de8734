import 'server-only';
import {
  paginateDescribePatchBaselines,
  paginateDescribePatchGroups,
  GetPatchBaselineCommand,
  type PatchBaselineIdentity,
  type PatchGroupPatchBaselineMapping,
  type GetPatchBaselineCommandOutput,
} from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { PatchBaselineIdentity, PatchGroupPatchBaselineMapping, GetPatchBaselineCommandOutput };

/** Every patch baseline of a region: AWS's predefined ones and the account's own (100 a page). */
export async function describePatchBaselines(scope: AwsScope): Promise<PatchBaselineIdentity[]> {
  const out: PatchBaselineIdentity[] = [];
  try {
    for await (const page of paginateDescribePatchBaselines({ client: ssmClient(scope), pageSize: 100 }, {})) {
      out.push(...(page.BaselineIdentities ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribePatchBaselines', region: scope.region, account: scope.account });
  }
  return out;
}

/** A baseline's approval rules, approved and rejected patches, and patch groups. */
export async function getPatchBaseline(scope: AwsScope, baselineId: string): Promise<GetPatchBaselineCommandOutput> {
  try {
    return await ssmClient(scope).send(new GetPatchBaselineCommand({ BaselineId: baselineId }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetPatchBaseline', region: scope.region, account: scope.account });
  }
}

/** Which baseline each patch group uses. */
export async function describePatchGroups(scope: AwsScope): Promise<PatchGroupPatchBaselineMapping[]> {
  const out: PatchGroupPatchBaselineMapping[] = [];
  try {
    for await (const page of paginateDescribePatchGroups({ client: ssmClient(scope), pageSize: 100 }, {})) out.push(...(page.Mappings ?? []));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribePatchGroups', region: scope.region, account: scope.account });
  }
  return out;
}
