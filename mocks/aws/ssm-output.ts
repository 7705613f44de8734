/** Simulated fleet records -> SSM API structures (typed by the SDK's own output types). */
import type { InstanceInformation, InstancePatchState, OpsItemSummary } from '@aws-sdk/client-ssm';
import { epochSeconds as at } from './protocol/json11';
import { isLatestAgent, platformSpec, type OpsItem, type PatchCounts, type PatchScan, type SimNode } from '../fleet-sim';

export function toInstanceInformation(node: SimNode, now: number): InstanceInformation {
  const ssm = node.ssm;
  if (!ssm) throw new Error(`${node.id} is not registered with SSM`);
  const spec = platformSpec(node.platform);
  const hybrid = !node.ec2;
  return {
    InstanceId: node.id,
    PingStatus: ssm.pingStatus,
    LastPingDateTime: at(ssm.lastPingTime ?? now - ssm.pingJitterMs),
    AgentVersion: ssm.agentVersion,
    IsLatestVersion: isLatestAgent(ssm.agentVersion),
    PlatformType: spec.platformType,
    PlatformName: spec.platformName,
    PlatformVersion: node.platformVersion,
    ActivationId: ssm.activationId,
    IamRole: ssm.iamRole,
    RegistrationDate: ssm.registrationDate === undefined ? undefined : at(ssm.registrationDate),
    ResourceType: hybrid ? 'ManagedInstance' : 'EC2Instance',
    Name: ssm.activationName,
    IPAddress: ssm.ipAddress,
    ComputerName: ssm.computerName,
    AssociationStatus: ssm.associationStatus,
    LastAssociationExecutionDate: at(ssm.lastAssociationTime),
    LastSuccessfulAssociationExecutionDate: at(ssm.lastSuccessfulAssociationTime),
    SourceId: node.id,
    SourceType: hybrid ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance',
  };
}

function noRebootTime(scan: PatchScan): Date | undefined {
  const t = scan.lastNoRebootInstallTime !== undefined ? scan.lastNoRebootInstallTime
    : scan.operation === 'Install' && scan.rebootOption === 'NoReboot' ? scan.endTime : null;
  return t === null ? undefined : at(t);
}

export function toInstancePatchState(node: SimNode, scan: PatchScan, counts: PatchCounts): InstancePatchState {
  return {
    InstanceId: node.id,
    // AWS reports an empty PatchGroup for nodes without a "Patch Group" tag.
    PatchGroup: scan.patchGroup,
    BaselineId: scan.baselineId,
    OperationStartTime: at(scan.startTime),
    OperationEndTime: at(scan.endTime),
    Operation: scan.operation,
    RebootOption: scan.rebootOption,
    LastNoRebootInstallOperationTime: noRebootTime(scan),
    ...counts,
    UnreportedNotApplicableCount: 0,
  };
}

export function toOpsItemSummary(item: OpsItem): OpsItemSummary {
  return {
    CreatedBy: item.createdBy,
    CreatedTime: at(item.createdTime),
    LastModifiedBy: item.lastModifiedBy,
    LastModifiedTime: at(item.lastModifiedTime),
    Priority: item.priority,
    Source: item.source,
    Status: item.status,
    OpsItemId: item.id,
    Title: item.title,
    OperationalData: {
      '/aws/resources': { Value: JSON.stringify(item.resourceArns.map((arn) => ({ arn }))), Type: 'SearchableString' },
    },
    Category: item.category,
    Severity: item.severity,
    OpsItemType: item.opsItemType,
  };
}
