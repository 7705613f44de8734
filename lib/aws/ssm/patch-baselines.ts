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

export type { PatchBaselineIdentity, PatchGroupPatchBaselineMapping, GetPatchBaselineCommandOutput };

/** Every patch baseline of a region: AWS's predefined ones and the account's own (100 a page). */
export async function describePatchBaselines(region: string): Promise<PatchBaselineIdentity[]> {
  const out: PatchBaselineIdentity[] = [];
  try {
    for await (const page of paginateDescribePatchBaselines({ client: ssmClient(region), pageSize: 100 }, {})) {
      out.push(...(page.BaselineIdentities ?? []));
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribePatchBaselines', region });
  }
  return out;
}

/** A baseline's approval rules, approved and rejected patches, and patch groups. */
export async function getPatchBaseline(region: string, baselineId: string): Promise<GetPatchBaselineCommandOutput> {
  try {
    return await ssmClient(region).send(new GetPatchBaselineCommand({ BaselineId: baselineId }));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'GetPatchBaseline', region });
  }
}

/** Which baseline each patch group uses. */
export async function describePatchGroups(region: string): Promise<PatchGroupPatchBaselineMapping[]> {
  const out: PatchGroupPatchBaselineMapping[] = [];
  try {
    for await (const page of paginateDescribePatchGroups({ client: ssmClient(region), pageSize: 100 }, {})) out.push(...(page.Mappings ?? []));
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'DescribePatchGroups', region });
  }
  return out;
}
