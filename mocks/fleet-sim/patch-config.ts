/**
 * A region's patch configuration: its baselines (AWS's predefined ones plus the account's
 * own), the default baseline per operating system, and the patch groups registered with
 * a baseline per operating system (a patch group has at most one baseline per OS; nodes
 * whose group has none for their OS use the region's default for it, as AWS does).
 */
import { DAY } from './clock';
import { platformSpec } from './catalog';
import { AWS_BASELINES, CUSTOM_BASELINES, OS_OF_FAMILY, rulesFor, type SimBaseline } from './patch-baselines';
import { hashSeed } from './prng';
import type { SimNode } from './types';

export interface RegionPatchConfig {
  region: string;
  /** AWS's baselines first, then the account's, in creation order. */
  baselines: SimBaseline[];
  byId: Map<string, SimBaseline>;
  /** OperatingSystem -> the region's default baseline ID for it. */
  defaults: Map<string, string>;
  /** Patch group -> OperatingSystem -> baseline ID. */
  groups: Map<string, Map<string, string>>;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');
/** 16 hex digits derived from the parts (no draw from the fleet's random sequence). */
export const derivedHex = (...parts: Array<string | number>) => hex(hashSeed(...parts, 'hi')) + hex(hashSeed(...parts, 'lo'));

/** The AWS account that owns the predefined baselines in a region (differs per region, as on AWS). */
export function awsBaselineAccount(region: string): string {
  return String(100_000_000_000 + (hashSeed('aws-patch-baselines', region) % 899_999_999_999)).padStart(12, '0');
}

const AWS_CREATED = Date.UTC(2023, 2, 15, 18, 4, 11);

function awsBaselines(region: string): SimBaseline[] {
  const account = awsBaselineAccount(region);
  return AWS_BASELINES.map(([name, os, description, kind, days], i) => ({
    id: `arn:aws:ssm:${region}:${account}:patchbaseline/pb-0${derivedHex(region, name).slice(0, 16)}`,
    name,
    operatingSystem: os,
    description,
    owner: 'AWS',
    rules: rulesFor(kind, days),
    globalFilters: [],
    approvedPatches: [],
    rejectedPatches: [],
    rejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
    patchGroups: [],
    createdDate: AWS_CREATED + i * 7 * DAY,
    modifiedDate: AWS_CREATED + i * 7 * DAY,
  }));
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `customIds` gives the account's baseline IDs by key (the generator's seeded IDs);
 * missing keys get IDs derived from `salt`. Without `withCustom`, only AWS's baselines exist.
 */
export function buildPatchConfig(region: string, opts: { now: number; salt: string; customIds?: ReadonlyMap<string, string>; withCustom?: boolean }): RegionPatchConfig {
  const baselines = awsBaselines(region);
  const defaults = new Map<string, string>();
  for (const b of baselines) if (!defaults.has(b.operatingSystem)) defaults.set(b.operatingSystem, b.id);
  const groups = new Map<string, Map<string, string>>();
  if (opts.withCustom !== false) {
    CUSTOM_BASELINES.forEach((def, i) => {
      const rules = rulesFor(def.kind, def.days ?? 0, def.level, def.nonSecurity ?? false);
      if (def.untilDaysAgo !== undefined) {
        for (const rule of rules) {
          delete rule.approveAfterDays;
          rule.approveUntilDate = isoDay(opts.now - def.untilDaysAgo * DAY);
        }
      }
      const id = opts.customIds?.get(def.key) ?? `pb-0${derivedHex(region, def.key, opts.salt)}`;
      baselines.push({
        id,
        name: def.name,
        operatingSystem: def.operatingSystem,
        description: def.description,
        owner: 'Self',
        rules,
        globalFilters: [{ Key: 'PRODUCT', Values: def.products }],
        approvedPatches: [],
        rejectedPatches: def.rejected ?? [],
        rejectedPatchesAction: def.rejected ? 'BLOCK' : 'ALLOW_AS_DEPENDENCY',
        patchGroups: [def.patchGroup],
        createdDate: Math.round(opts.now - (180 + i * 23) * DAY),
        modifiedDate: Math.round(opts.now - (2 + i * 5) * DAY - i * 3_600_000),
      });
      if (def.isDefault) defaults.set(def.operatingSystem, id);
      const byOs = groups.get(def.patchGroup) ?? new Map<string, string>();
      byOs.set(def.operatingSystem, id);
      groups.set(def.patchGroup, byOs);
    });
  }
  return { region, baselines, byId: new Map(baselines.map((b) => [b.id, b])), defaults, groups };
}

export function operatingSystemOf(node: SimNode): string {
  return OS_OF_FAMILY[platformSpec(node.platform).family];
}

/** The baseline a node is patched against: its patch group's for its OS, else the region's default for its OS. */
export function baselineIdFor(config: RegionPatchConfig, patchGroup: string, operatingSystem: string): string {
  return config.groups.get(patchGroup)?.get(operatingSystem) ?? (config.defaults.get(operatingSystem) as string);
}

/** The node's "Patch Group" tag ("" when it has none). */
export function patchGroupOf(node: SimNode): string {
  return node.tags.find((t) => t.Key === 'Patch Group' || t.Key === 'PatchGroup')?.Value ?? '';
}
