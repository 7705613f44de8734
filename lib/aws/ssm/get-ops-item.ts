import 'server-only';
import { GetOpsItemCommand, type OpsItem } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import type { AwsScope } from '../scope';
import { call } from '../errors';

export type { OpsItem };

/** One OpsItem with all its operational data (DescribeOpsItems shows only the searchable part). */
export async function getOpsItem(scope: AwsScope, id: string): Promise<OpsItem> {
  const out = await call({ service: 'ssm', operation: 'GetOpsItem', region: scope.region, account: scope.account }, () => ssmClient(scope).send(new GetOpsItemCommand({ OpsItemId: id })));
  if (!out.OpsItem) throw new Error(`GetOpsItem returned no OpsItem for ${id}`);
  return out.OpsItem;
}
