/** Simulated fleet records -> SSM API structures (typed by the SDK's own output types). */
import type { InstanceInformation, InstancePatchState, OpsItem as AwsOpsItem, OpsItemDataValue, OpsItemRelatedItemSummary, OpsItemSummary } from '@aws-sdk/client-ssm';
import { epochSeconds as at } from './protocol/json11';
import { isLatestAgent, opsItemArn, platformSpec, type OpsItem, type OpsItemRelatedItem, type PatchCounts, type PatchScan, type SimNode } from '../fleet-sim';

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

const time = (ms: number | undefined) => (ms === undefined ? undefined : at(ms));

/** Operational data as sent: all of it (GetOpsItem) or only the SearchableString entries (DescribeOpsItems). */
function operationalData(item: OpsItem, searchableOnly: boolean): Record<string, OpsItemDataValue> {
  const out: Record<string, OpsItemDataValue> = {};
  for (const [key, v] of Object.entries(item.operationalData)) if (!searchableOnly || v.Type === 'SearchableString') out[key] = { Value: v.Value, Type: v.Type };
  return out;
}

/** DescribeOpsItems' summary: every OpsItemSummary member the item has; only searchable operational data. */
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
    OperationalData: operationalData(item, true),
    Category: item.category,
    Severity: item.severity,
    OpsItemType: item.opsItemType,
    ActualStartTime: time(item.actualStartTime),
    ActualEndTime: time(item.actualEndTime),
    PlannedStartTime: time(item.plannedStartTime),
    PlannedEndTime: time(item.plannedEndTime),
  };
}

/** GetOpsItem's OpsItem: everything, all operational data. */
export function toOpsItem(item: OpsItem): AwsOpsItem {
  return {
    CreatedBy: item.createdBy,
    OpsItemType: item.opsItemType,
    CreatedTime: at(item.createdTime),
    Description: item.description,
    LastModifiedBy: item.lastModifiedBy,
    LastModifiedTime: at(item.lastModifiedTime),
    Notifications: item.notifications.map((Arn) => ({ Arn })),
    Priority: item.priority,
    RelatedOpsItems: item.relatedOpsItems.map((OpsItemId) => ({ OpsItemId })),
    Status: item.status,
    OpsItemId: item.id,
    Version: item.version,
    Title: item.title,
    Source: item.source,
    OperationalData: operationalData(item, false),
    Category: item.category,
    Severity: item.severity,
    ActualStartTime: time(item.actualStartTime),
    ActualEndTime: time(item.actualEndTime),
    PlannedStartTime: time(item.plannedStartTime),
    PlannedEndTime: time(item.plannedEndTime),
    OpsItemArn: opsItemArn(item),
  };
}

export function toRelatedItemSummary(item: OpsItem, r: OpsItemRelatedItem): OpsItemRelatedItemSummary {
  return {
    OpsItemId: item.id,
    AssociationId: r.associationId,
    ResourceType: r.resourceType,
    AssociationType: r.associationType,
    ResourceUri: r.resourceUri,
    CreatedBy: { Arn: r.createdBy },
    CreatedTime: at(r.createdTime),
    LastModifiedBy: { Arn: r.lastModifiedBy },
    LastModifiedTime: at(r.lastModifiedTime),
  };
}
