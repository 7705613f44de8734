import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import pLimit from 'p-limit';
import type { BaselineDto, MaintenanceWindowDto, RegionPatchConfig } from '@/lib/contracts/patching';
import type { SourceError } from '@/lib/contracts/node';
import { describePatchBaselines, describePatchGroups, getPatchBaseline, type GetPatchBaselineCommandOutput, type PatchBaselineIdentity } from '@/lib/aws/ssm/patch-baselines';
import { describeMaintenanceWindows } from '@/lib/aws/ssm/describe-maintenance-windows';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { settle } from '@/lib/aws/settle';
import type { AwsError } from '@/lib/aws/errors';
import { toSourceError } from '@/lib/aws/describe-error';

/** Baselines change rarely: read them at most every 5 minutes. */
const TTL_MS = 5 * 60_000;
/** At most this many GetPatchBaseline calls per region: defaults and the baselines patch groups or nodes use. */
const DETAIL_LIMIT = 25;

const err = (source: string, e: AwsError): SourceError => toSourceError(source, e);

function ruleText(f: GetPatchBaselineCommandOutput['ApprovalRules']) {
  return (f?.PatchRules ?? []).map((r) => ({
    filters: (r.PatchFilterGroup?.PatchFilters ?? []).map((x) => `${x.Key}=${(x.Values ?? []).join(',')}`).join('; '),
    complianceLevel: r.ComplianceLevel ?? null,
    approveAfterDays: r.ApproveAfterDays ?? null,
    approveUntilDate: r.ApproveUntilDate ?? null,
    enableNonSecurity: r.EnableNonSecurity ?? false,
  }));
}

function baselineDto(b: PatchBaselineIdentity, d: GetPatchBaselineCommandOutput | undefined, groups: string[]): BaselineDto {
  const id = b.BaselineId ?? '';
  return {
    id, name: b.BaselineName ?? id, operatingSystem: b.OperatingSystem ?? 'UNKNOWN',
    owner: id.startsWith('arn:') || (b.BaselineName ?? '').startsWith('AWS-') ? 'AWS' : 'Self',
    isDefault: b.DefaultBaseline ?? false, description: b.BaselineDescription ?? d?.Description ?? null,
    rules: d ? ruleText(d.ApprovalRules) : null, approvedPatches: d ? (d.ApprovedPatches?.length ?? 0) : null,
    rejectedPatches: d ? (d.RejectedPatches?.length ?? 0) : null, rejectedPatchesAction: d?.RejectedPatchesAction ?? null, patchGroups: groups,
  };
}

async function regionConfig(region: string, baselinesInUse: Set<string>): Promise<RegionPatchConfig> {
  const [baselines, groups, windows] = await Promise.all([
    settle(describePatchBaselines(parseScopeKey(region))), settle(describePatchGroups(parseScopeKey(region))), settle(describeMaintenanceWindows(parseScopeKey(region))),
  ]);
  const errors: SourceError[] = [];
  if (!baselines.ok) errors.push(err('ssm:DescribePatchBaselines', baselines.error));
  if (!groups.ok) errors.push(err('ssm:DescribePatchGroups', groups.error));
  if (!windows.ok) errors.push(err('ssm:DescribeMaintenanceWindows', windows.error));
  const mappings = groups.ok ? groups.value : [];
  const groupsOf = (id: string) => mappings.filter((m) => m.BaselineIdentity?.BaselineId === id).map((m) => m.PatchGroup ?? '');
  const ids = baselines.ok ? baselines.value : [];
  const wanted = ids.filter((b) => b.DefaultBaseline || groupsOf(b.BaselineId ?? '').length || baselinesInUse.has(b.BaselineId ?? '')).slice(0, DETAIL_LIMIT);
  const limit = pLimit(4);
  const details = new Map<string, GetPatchBaselineCommandOutput>();
  const results = await Promise.all(wanted.map((b) => limit(() => settle(getPatchBaseline(parseScopeKey(region), b.BaselineId!)))));
  results.forEach((r, i) => r.ok && details.set(wanted[i].BaselineId!, r.value));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) errors.push(err('ssm:GetPatchBaseline', failed.error));
  // AWS lists dozens of predefined baselines: show the account's own, the defaults and the ones in use.
  const isOwn = (b: PatchBaselineIdentity) => !(b.BaselineId ?? '').startsWith('arn:') && !(b.BaselineName ?? '').startsWith('AWS-');
  const shown = ids.filter((b) => wanted.includes(b) || isOwn(b));
  return {
    region,
    baselines: shown
      .map((b) => baselineDto(b, details.get(b.BaselineId ?? ''), groupsOf(b.BaselineId ?? '')))
      .sort((a, b) => Number(b.patchGroups.length > 0) - Number(a.patchGroups.length > 0) || Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name)),
    patchGroups: mappings.map((m) => ({ group: m.PatchGroup ?? '', baselineId: m.BaselineIdentity?.BaselineId ?? '', baselineName: m.BaselineIdentity?.BaselineName ?? null })),
    windows: (windows.ok ? windows.value : []).map(
      (w): MaintenanceWindowDto => ({
        id: w.WindowId ?? '', name: w.Name ?? '', description: w.Description ?? null, enabled: w.Enabled ?? false, schedule: w.Schedule ?? null,
        timezone: w.ScheduleTimezone ?? null, durationHours: w.Duration ?? null, cutoffHours: w.Cutoff ?? null, nextExecutionTime: w.NextExecutionTime || null,
      }),
    ).sort((a, b) => Number(b.enabled) - Number(a.enabled) || (a.nextExecutionTime ?? '~').localeCompare(b.nextExecutionTime ?? '~')),
    errors,
    fetchedAt: new Date().toISOString(),
  };
}

const g = globalThis as unknown as { __patchConfig?: SwrCache<RegionPatchConfig[]> };

/** Baselines, patch groups and maintenance windows of every region, cached. */
export function getPatchConfig(opts: { refresh?: boolean } = {}): Promise<RegionPatchConfig[]> {
  g.__patchConfig ??= createSwrCache({
    ttlMs: () => TTL_MS,
    forEveryone: true,
    load: async () => {
      const snap = await getFleetSnapshot();
      return Promise.all(
        (await fleetScopeKeys()).map((r) => regionConfig(r, new Set(snap.nodes.filter((n) => scopeKey(n) === r && n.baselineId).map((n) => n.baselineId!)))),
      );
    },
  });
  return g.__patchConfig.get(opts);
}

export function resetPatchConfigCache(): void {
  g.__patchConfig?.clear();
}
