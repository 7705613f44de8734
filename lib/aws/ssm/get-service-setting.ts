import 'server-only';
import { GetServiceSettingCommand, type ServiceSetting } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';

export type { ServiceSetting };

/** Default Host Management Configuration: the role SSM lends to every EC2 instance of the region without a profile. */
export const DHMC_SETTING_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

/** One service setting of the region (a setting never changed answers its default value); null: ServiceSettingNotFound. */
export async function getServiceSetting(scope: AwsScope, settingId: string): Promise<ServiceSetting | null> {
  try {
    return (await ssmClient(scope).send(new GetServiceSettingCommand({ SettingId: settingId }))).ServiceSetting ?? null;
  } catch (err) {
    if ((err as { name?: string }).name === 'ServiceSettingNotFound') return null;
    throw toAwsError(err, { service: 'ssm', operation: 'GetServiceSetting', region: scope.region, account: scope.account });
  }
}
