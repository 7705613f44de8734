/** SSM GetServiceSetting (Default Host Management Configuration and a few defaults) and DescribeActivations (hybrid activations). */
import type { DescribeActivationsRequest, DescribeActivationsResult, GetServiceSettingRequest, GetServiceSettingResult } from '@aws-sdk/client-ssm';
import type { Simulation } from '../fleet-sim';
import { queryActivations, serviceSetting } from '../fleet-sim/network/query';
import { epochSeconds } from './protocol/json11';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;

function getServiceSetting(sim: Simulation, region: string, input: GetServiceSettingRequest): GetServiceSettingResult {
  const s = serviceSetting(sim.store, region, input.SettingId as string);
  return {
    ServiceSetting: {
      SettingId: s.settingId, SettingValue: s.value, LastModifiedDate: epochSeconds(s.lastModifiedTime), LastModifiedUser: s.lastModifiedUser, ARN: s.arn, Status: s.status,
    },
  };
}

function describeActivations(sim: Simulation, region: string, input: DescribeActivationsRequest): DescribeActivationsResult {
  const now = sim.clock.now();
  const page = queryActivations(sim.store, region, { filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken });
  return {
    ActivationList: page.activations.map((a) => ({
      ActivationId: a.id,
      Description: a.description,
      DefaultInstanceName: a.defaultInstanceName,
      IamRole: a.iamRole,
      RegistrationLimit: a.registrationLimit,
      RegistrationsCount: a.registrationsCount,
      ExpirationDate: epochSeconds(a.expirationTime),
      Expired: a.expirationTime <= now,
      CreatedDate: epochSeconds(a.createdTime),
      Tags: a.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    })),
    NextToken: page.nextToken,
  };
}

export const SSM_SETUP_OPERATIONS: Record<string, Operation> = {
  GetServiceSetting: operation(getServiceSetting),
  DescribeActivations: operation(describeActivations),
};
