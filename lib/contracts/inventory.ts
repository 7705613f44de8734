import { z } from 'zod';
import { VERSION_OPS, VERSION_TEXT, OP_SYMBOL, type VersionFamily, type VersionOp } from './version-order';
import type { SourceError } from './node';

/** Inventory types the node page shows, in this order; others the account defines are listed after them. */
export const KNOWN_INVENTORY_TYPES = [
  'AWS:Application',
  'AWS:Network',
  'AWS:InstanceDetailedInformation',
  'AWS:InstanceInformation',
  'AWS:WindowsUpdate',
  'AWS:Service',
  'AWS:AWSComponent',
  'AWS:WindowsRole',
  'AWS:File',
  'AWS:Tag',
] as const;

/** AWS's inventory type names: `AWS:Name` or custom `Custom:Name` (GetInventorySchema's pattern). */
export const InventoryTypeSchema = z
  .string()
  .max(100)
  .regex(/^(AWS|Custom):[a-zA-Z0-9_\-.]{1,90}$/, 'type must be an inventory type such as AWS:Application, AWS:Network or Custom:MyType');

export const NodeInventoryQuerySchema = z.object({
  type: InventoryTypeSchema.default('AWS:Application'),
  /** AWS's paging token from the previous page. */
  next: z.string().min(1).max(4096).optional(),
});

export interface InventoryTypeInfo {
  typeName: string;
  displayName: string | null;
  attributes: { name: string; dataType: string }[];
}

export type NoInventoryReason = 'not-online' | 'no-association' | 'association-failed' | 'not-collected' | 'not-managed';

export interface NodeInventoryPage {
  nodeId: string;
  region: string;
  typeName: string;
  /** When the node last reported this type (null: never). */
  captureTime: string | null;
  entries: Record<string, string>[];
  /** Token for the next page (50 entries a page, as AWS pages); null on the last page. */
  next: string | null;
  /** Types this account's inventory knows (GetInventorySchema), for the type tabs. */
  types: InventoryTypeInfo[];
  /** Set when the node reports none of this type: why, in words an engineer can act on. */
  none: { reason: NoInventoryReason; detail: string } | null;
}

// ---------------------------------------------------------------- software catalog and search

export const SOFTWARE_MATCH = ['exact', 'prefix'] as const;

export interface VersionQuery {
  op: VersionOp;
  value: string;
}

/** `lt:3.0.13`: operator, colon, version. The version may itself contain colons (an epoch): `ge:1:3.0.8`. */
export const VersionQuerySchema = z.string().transform((raw, ctx): VersionQuery => {
  const at = raw.indexOf(':');
  const op = raw.slice(0, at) as VersionOp;
  const value = raw.slice(at + 1).trim();
  if (at < 1 || !(VERSION_OPS as readonly string[]).includes(op)) {
    ctx.addIssue({ code: 'custom', message: `version must look like lt:3.0.13; the operator is one of ${VERSION_OPS.join(', ')} (${VERSION_OPS.map((o) => OP_SYMBOL[o]).join(' ')})` });
    return z.NEVER;
  }
  if (!VERSION_TEXT.test(value)) {
    ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a version: use letters, digits and . + ~ ^ : _ - (at most 128), e.g. 3.0.13, 1:3.0.8-1.amzn2023.0.14, 10.0.20348.2340` });
    return z.NEVER;
  }
  return { op, value };
});

/** A package name as package managers allow it (and Windows' display names, which have spaces and brackets). */
export const SoftwareNameSchema = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(200, 'name must be at most 200 characters')
  .regex(/^[^\u0000-\u001f]+$/, 'name must not contain control characters');

export const SoftwareQuerySchema = z.object({
  name: SoftwareNameSchema.optional(),
  match: z.enum(SOFTWARE_MATCH, { error: 'match must be exact or prefix' }).default('exact'),
  version: VersionQuerySchema.optional(),
});
export type SoftwareQuery = z.infer<typeof SoftwareQuerySchema>;

/** The node view's `sw` filter: `name`, `name@op:version` or `name*@op:version` (a prefix). */
export function parseSoftwareFilter(raw: string): { ok: true; query: SoftwareQuery } | { ok: false; error: string } {
  const at = raw.lastIndexOf('@');
  const namePart = at > 0 ? raw.slice(0, at) : raw;
  const prefix = namePart.endsWith('*');
  const r = SoftwareQuerySchema.safeParse({
    name: prefix ? namePart.slice(0, -1) : namePart,
    match: prefix ? 'prefix' : 'exact',
    version: at > 0 ? raw.slice(at + 1) : undefined,
  });
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, query: r.data };
}

export function softwareFilterString(q: SoftwareQuery): string {
  return `${q.name ?? ''}${q.match === 'prefix' ? '*' : ''}${q.version ? `@${q.version.op}:${q.version.value}` : ''}`;
}

export function describeSoftwareQuery(q: SoftwareQuery): string {
  const name = q.match === 'prefix' ? `${q.name}*` : q.name;
  return q.version ? `${name} ${OP_SYMBOL[q.version.op]} ${q.version.value}` : `${name}`;
}

/** What a region's inventory read came to. */
export interface InventoryRegionStatus {
  region: string;
  ok: boolean;
  errors: SourceError[];
  /** GetInventory / ListInventoryEntries calls this answer cost (0 when served from cache). */
  calls: number;
  fetchedAt: string | null;
}

export interface CatalogVersion {
  /** As the packaging system writes it: epoch:version-release for RPM, the Debian version, dotted on Windows. */
  version: string;
  family: VersionFamily;
  nodes: number;
}

export interface CatalogApp {
  name: string;
  /** Nodes with any version (a node with two versions counts once per version, so this can exceed the fleet). */
  nodes: number;
  /** Newest first, in the packaging system's order. */
  versions: CatalogVersion[];
  platforms: string[];
}

export interface CountRow {
  value: string;
  nodes: number;
}

export interface CatalogResponse {
  generatedAt: string;
  apps: CatalogApp[];
  /** Fleet counts from inventory aggregators (OS, agent) and from EC2 (instance type: SSM inventory lacks it). */
  facets: {
    os: CountRow[];
    kernel: CountRow[];
    agent: CountRow[];
    instanceType: CountRow[];
  };
  /** Nodes the catalog counts (those that reported inventory, matching the filters). */
  inventoriedNodes: number;
  regions: InventoryRegionStatus[];
  /** Some region or source failed: the figures are incomplete. */
  partial: boolean;
  /** How the node view's filters were applied: natively (region, platform) or by naming the nodes (40 per call). */
  scope: 'fleet' | 'filtered';
}

export interface SoftwareMatch {
  nodeId: string;
  region: string;
  name: string | null;
  ping: string | null;
  platform: string | null;
  software: string;
  version: string;
  family: VersionFamily;
  /** false: inventory still has the node (AWS keeps it 30 days after termination) but the fleet does not. */
  inFleet: boolean;
}

export interface SoftwareSearchResponse {
  generatedAt: string;
  query: { name: string; match: 'exact' | 'prefix'; version: VersionQuery | null; text: string };
  /** Every installed version of the matching software, with whether it matches the version condition. */
  versions: (CatalogVersion & { software: string; matched: boolean; named: number })[];
  matches: SoftwareMatch[];
  /** Distinct nodes in `matches`. */
  nodes: number;
  regions: InventoryRegionStatus[];
  partial: boolean;
  /** Where AWS's filtered answer disagreed with its own counts, and what was done about it. */
  notes: string[];
  /** Nodes checked one by one with ListInventoryEntries (only where GetInventory could not name them). */
  verified: number;
}
