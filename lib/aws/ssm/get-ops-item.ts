import 'server-only';
import { GetOpsItemCommand, type OpsItem } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { call } from '../errors';

export type { OpsItem };

/** One OpsItem with all its operational data (DescribeOpsItems shows only the searchable part). */
export async function getOpsItem(region: string, id: string): Promise<OpsItem> {
  const out = await call({ service: 'ssm', operation: 'GetOpsItem', region }, () => ssmClient(region).send(new GetOpsItemCommand({ OpsItemId: id })));
  if (!out.OpsItem) throw new Error(`GetOpsItem returned no OpsItem for ${id}`);
  return out.OpsItem;
}
