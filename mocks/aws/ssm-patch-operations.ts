/**
 * SSM patch data and maintenance windows -> the simulated fleet. Like AWS, patch States
 * are PascalCase ("Installed", "Missing"; the model's enum says INSTALLED, MISSING),
 * InstalledTime is 0 for patches that are not installed, and CVEIds (comma separated)
 * are reported only for Missing and Failed patches.
 */
import type {
  DescribeInstancePatchesRequest, DescribeInstancePatchesResult, DescribeMaintenanceWindowsRequest, DescribeMaintenanceWindowsResult,
  DescribePatchBaselinesRequest, DescribePatchBaselinesResult, DescribePatchGroupsRequest, DescribePatchGroupsResult, GetPatchBaselineRequest,
  GetPatchBaselineResult, PatchBaselineIdentity, PatchComplianceData, PatchFilter,
} from '@aws-sdk/client-ssm';
import { nextExecutionTime, type BaselineIdentity, type PatchEntry, type PatchFilterDef, type Simulation } from '../fleet-sim';
import { epochSeconds as at } from './protocol/json11';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;

const filtersOf = (filters: Array<{ Key?: string; Values?: string[] }> | undefined) => filters?.map((f) => ({ Key: f.Key ?? '', Values: f.Values ?? [] }));

function toPatch(entry: PatchEntry): PatchComplianceData {
  const outstanding = entry.state === 'Missing' || entry.state === 'Failed';
  return {
    Title: entry.def.title,
    KBId: entry.def.kbId,
    Classification: entry.def.classification,
    Severity: entry.def.severity,
    State: entry.state as PatchComplianceData['State'],
    InstalledTime: at(entry.installedTime ?? 0),
    CVEIds: outstanding && entry.def.cveIds.length > 0 ? entry.def.cveIds.join(',') : undefined,
  };
}

function describeInstancePatches(sim: Simulation, region: string, input: DescribeInstancePatchesRequest): DescribeInstancePatchesResult {
  const page = sim.instancePatches(region, { instanceId: input.InstanceId as string, filters: filtersOf(input.Filters), maxResults: input.MaxResults, nextToken: input.NextToken });
  return { Patches: page.patches.map(toPatch), NextToken: page.nextToken };
}

function toIdentity({ baseline, isDefault }: BaselineIdentity): PatchBaselineIdentity {
  return {
    BaselineId: baseline.id,
    BaselineName: baseline.name,
    OperatingSystem: baseline.operatingSystem as PatchBaselineIdentity['OperatingSystem'],
    BaselineDescription: baseline.description,
    DefaultBaseline: isDefault,
  };
}

function describePatchBaselines(sim: Simulation, region: string, input: DescribePatchBaselinesRequest): DescribePatchBaselinesResult {
  const page = sim.patchBaselines(region, { filters: filtersOf(input.Filters), maxResults: input.MaxResults, nextToken: input.NextToken });
  return { BaselineIdentities: page.identities.map(toIdentity), NextToken: page.nextToken };
}

const toFilters = (filters: PatchFilterDef[]) => ({ PatchFilters: filters.map((f) => ({ Key: f.Key as PatchFilter['Key'], Values: [...f.Values] })) });

function getPatchBaseline(sim: Simulation, region: string, input: GetPatchBaselineRequest): GetPatchBaselineResult {
  const b = sim.patchBaseline(region, input.BaselineId as string);
  return {
    BaselineId: b.id,
    Name: b.name,
    OperatingSystem: b.operatingSystem as GetPatchBaselineResult['OperatingSystem'],
    GlobalFilters: toFilters(b.globalFilters),
    ApprovalRules: {
      PatchRules: b.rules.map((r) => ({
        PatchFilterGroup: toFilters(r.filters),
        ComplianceLevel: r.complianceLevel as 'CRITICAL',
        ApproveAfterDays: r.approveAfterDays,
        ApproveUntilDate: r.approveUntilDate,
        EnableNonSecurity: r.enableNonSecurity,
      })),
    },
    ApprovedPatches: b.approvedPatches,
    ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
    ApprovedPatchesEnableNonSecurity: false,
    RejectedPatches: b.rejectedPatches,
    RejectedPatchesAction: b.rejectedPatchesAction,
    PatchGroups: b.patchGroups,
    CreatedDate: at(b.createdDate),
    ModifiedDate: at(b.modifiedDate),
    Description: b.description,
    Sources: [],
  };
}

function describePatchGroups(sim: Simulation, region: string, input: DescribePatchGroupsRequest): DescribePatchGroupsResult {
  const page = sim.patchGroups(region, { filters: filtersOf(input.Filters), maxResults: input.MaxResults, nextToken: input.NextToken });
  return { Mappings: page.mappings.map((m) => ({ PatchGroup: m.patchGroup, BaselineIdentity: toIdentity(m.identity) })), NextToken: page.nextToken };
}

function describeMaintenanceWindows(sim: Simulation, region: string, input: DescribeMaintenanceWindowsRequest): DescribeMaintenanceWindowsResult {
  const page = sim.maintenanceWindows(region, { filters: filtersOf(input.Filters), maxResults: input.MaxResults, nextToken: input.NextToken });
  const now = sim.clock.now();
  return {
    WindowIdentities: page.windows.map((w) => ({
      WindowId: w.id,
      Name: w.name,
      Description: w.description,
      Enabled: w.enabled,
      Duration: w.duration,
      Cutoff: w.cutoff,
      Schedule: w.schedule,
      ScheduleTimezone: w.timeZone,
      NextExecutionTime: nextExecutionTime(w, now),
    })),
    NextToken: page.nextToken,
  };
}

export const SSM_PATCH_OPERATIONS: Record<string, Operation> = {
  DescribeInstancePatches: operation(describeInstancePatches),
  DescribePatchBaselines: operation(describePatchBaselines),
  GetPatchBaseline: operation(getPatchBaseline),
  DescribePatchGroups: operation(describePatchGroups),
  DescribeMaintenanceWindows: operation(describeMaintenanceWindows),
};
