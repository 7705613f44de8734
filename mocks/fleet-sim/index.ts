/**
 * The simulated fleet: seeded, stateful, plain TypeScript (no HTTP). Same seed, same fleet.
 *
 *   const sim = createSimulation({ seed: 42, nodes: 300 });
 *   sim.instanceInformation('us-east-1', { maxResults: 50 });
 */
import { createClock, type SimClock } from './clock';
import {
  advanceCommands, cancelCommand, createCommand, getInvocation, listCommands, listInvocations,
  type CommandsQuery, type SendCommandInput, type SimCommand,
} from './commands';
import { describeDocument, listDocuments, listDocumentVersions, type DocumentsQuery } from './documents/query';
import type { ResolvedVersion } from './documents/types';
import { generateFleet } from './generate';
import {
  queryInstanceAssociationsStatus, queryInventory, queryInventoryEntries, queryInventorySchemas,
  type InventoryEntriesQuery, type InventoryQuery, type InventorySchemaQuery,
} from './inventory-query';
import { queryMaintenanceWindows, type MaintenanceWindowsQuery } from './maintenance-windows';
import { createNetworkApi, type NetworkApi } from './network';
import { hashSeed } from './prng';
import { queryEc2Instances, type Ec2InstancesQuery } from './query-ec2-instances';
import { queryInstanceInformation, type InstanceInformationQuery } from './query-instance-information';
import { queryInstancePatches, type InstancePatchesQuery } from './query-instance-patches';
import {
  associateRelatedItem, callerArn, createOpsItem, DEFAULT_OPEN_OPS_ITEM_LIMIT, disassociateRelatedItem, getOpsItem, listRelatedItems,
  OPS_ITEM_DEDUP_MODES, updateOpsItem, type AssociateInput, type CreateOpsItemInput, type OpsCenterSettings, type OpsItemDedupMode,
  type RelatedItemsQuery, type UpdateOpsItemInput,
} from './ops-items';
import { queryOpsItems, type OpsItemsQuery } from './query-ops-items';
import { getPatchBaseline, queryPatchBaselines, queryPatchGroups, type PatchFiltersQuery } from './query-patch-baselines';
import { queryPatchStates, type PatchStatesQuery } from './query-patch-states';
import { buildStore, nodeInRegion, type FleetStore } from './store';
import type { OpsItem, OpsItemRelatedItem, SimNode } from './types';

export const DEFAULT_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
/** Per simulation (one account): large enough for a whole demo organization's fleet in its management account. */
export const MAX_NODES = 200_000;

export interface SimulationOptions {
  seed?: number;
  nodes?: number;
  regions?: readonly string[];
  accountId?: string;
  /** The real time source (default Date.now); simulated time runs from it at `timeSpeed`. */
  now?: () => number;
  /** Simulated ms per real ms (default 1). */
  timeSpeed?: number;
  /**
   * A clock to share (`now` and `timeSpeed` are then ignored): the accounts of one simulated organization keep
   * one simulated time, so advancing or speeding it moves every account's fleet together.
   */
  clock?: SimClock;
  /**
   * What CreateOpsItem answers when its `/aws/dedup` string matches an open OpsItem of the region:
   * 'return-existing' (default: 200 with that OpsItem's ID and ARN) or 'already-exists'
   * (OpsItemAlreadyExistsException with its OpsItemId). Changeable later via `sim.opsCenter.dedup`.
   */
  opsItemDedup?: OpsItemDedupMode;
  /** Open (Open + InProgress) OpsItems a region may hold before OpsItemLimitExceededException (default 10,000; `sim.opsCenter.openLimit`). */
  opsItemOpenLimit?: number;
}

export interface Simulation {
  readonly seed: number;
  readonly nodeCount: number;
  readonly regions: readonly string[];
  readonly accountId: string;
  readonly clock: SimClock;
  /** The current fleet (replaced by reset()). */
  readonly store: FleetStore;
  /** A fresh fleet from the same seed (all changes dropped). */
  reset(): void;
  /** OpsCenter settings: dedup answer and open-OpsItem quota (mutable; kept across reset()). */
  readonly opsCenter: OpsCenterSettings;
  /** The caller's ARN: CreatedBy/LastModifiedBy of OpsItems written through the API. */
  readonly callerArn: string;
  /** The network and identity layer: planted causes (ground truth), VPCs, IAM, and changes a test can make. */
  readonly network: NetworkApi;
  node(region: string, id: string): SimNode | undefined;
  instanceInformation(region: string, query: InstanceInformationQuery): ReturnType<typeof queryInstanceInformation>;
  patchStates(region: string, query: PatchStatesQuery): ReturnType<typeof queryPatchStates>;
  opsItems(region: string, query: OpsItemsQuery): ReturnType<typeof queryOpsItems>;
  /** GetOpsItem (OpsItemNotFoundException for IDs of other regions too). */
  opsItem(region: string, id: string, arn?: string): OpsItem;
  /** CreateOpsItem: created false when deduplicated to an open OpsItem (in 'return-existing' mode). */
  createOpsItem(region: string, input: CreateOpsItemInput): { item: OpsItem; created: boolean };
  updateOpsItem(region: string, input: UpdateOpsItemInput): OpsItem;
  opsItemRelatedItems(region: string, query: RelatedItemsQuery): ReturnType<typeof listRelatedItems>;
  associateOpsItemRelatedItem(region: string, input: AssociateInput): OpsItemRelatedItem;
  disassociateOpsItemRelatedItem(region: string, opsItemId: string, associationId: string): void;
  ec2Instances(region: string, query: Ec2InstancesQuery): ReturnType<typeof queryEc2Instances>;
  /** Brings every command up to the clock (the reads below do this first). */
  sync(): void;
  instancePatches(region: string, query: InstancePatchesQuery): ReturnType<typeof queryInstancePatches>;
  patchBaselines(region: string, query: PatchFiltersQuery): ReturnType<typeof queryPatchBaselines>;
  patchBaseline(region: string, baselineId: string): ReturnType<typeof getPatchBaseline>;
  patchGroups(region: string, query: PatchFiltersQuery): ReturnType<typeof queryPatchGroups>;
  maintenanceWindows(region: string, query: MaintenanceWindowsQuery): ReturnType<typeof queryMaintenanceWindows>;
  sendCommand(region: string, input: SendCommandInput): SimCommand;
  cancelCommand(region: string, commandId: string, instanceIds?: readonly string[]): void;
  commands(region: string, query: CommandsQuery): ReturnType<typeof listCommands>;
  commandInvocations(region: string, query: CommandsQuery): ReturnType<typeof listInvocations>;
  commandInvocation(region: string, commandId: string, instanceId: string, pluginName?: string): ReturnType<typeof getInvocation>;
  /** ListDocuments (AWS-owned and the account's documents; the same in every region). */
  documents(region: string, query: DocumentsQuery): ReturnType<typeof listDocuments>;
  /** DescribeDocument / GetDocument: a document version, or InvalidDocument / InvalidDocumentVersion. */
  document(region: string, name: string, documentVersion?: string, versionName?: string): ResolvedVersion;
  documentVersions(region: string, name: string, maxResults?: number, nextToken?: string): ReturnType<typeof listDocumentVersions>;
  /** GetInventory: inventoried nodes (filtered, paged), or aggregated counts when aggregators are given. */
  inventory(region: string, query: InventoryQuery): ReturnType<typeof queryInventory>;
  /** ListInventoryEntries: one node's rows of one inventory type. */
  inventoryEntries(region: string, query: InventoryEntriesQuery): ReturnType<typeof queryInventoryEntries>;
  /** GetInventorySchema (the same in every region). */
  inventorySchemas(region: string, query: InventorySchemaQuery): ReturnType<typeof queryInventorySchemas>;
  /** DescribeInstanceAssociationsStatus: the node's SSM Agent update and inventory associations. */
  instanceAssociationsStatus(region: string, query: { instanceId: string; maxResults?: number; nextToken?: string }): ReturnType<typeof queryInstanceAssociationsStatus>;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 42;
  const nodeCount = options.nodes ?? 300;
  const regions = [...(options.regions ?? DEFAULT_REGIONS)];
  const accountId = options.accountId ?? '123456789012';
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > MAX_NODES) {
    throw new RangeError(`nodes must be an integer between 0 and ${MAX_NODES} (got ${nodeCount})`);
  }
  if (regions.length === 0) throw new RangeError('at least one region is needed');
  const opsCenter: OpsCenterSettings = { dedup: options.opsItemDedup ?? 'return-existing', openLimit: options.opsItemOpenLimit ?? DEFAULT_OPEN_OPS_ITEM_LIMIT };
  if (!OPS_ITEM_DEDUP_MODES.includes(opsCenter.dedup)) throw new RangeError(`opsItemDedup must be one of ${OPS_ITEM_DEDUP_MODES.join(', ')} (got ${opsCenter.dedup})`);
  if (!Number.isInteger(opsCenter.openLimit) || opsCenter.openLimit < 0) throw new RangeError(`opsItemOpenLimit must be a whole number >= 0 (got ${opsCenter.openLimit})`);
  const caller = callerArn(accountId);
  const clock = options.clock ?? createClock(options.now, options.timeSpeed ?? 1);
  const build = (): FleetStore => {
    const now = clock.now();
    const fleet = generateFleet({ seed, nodes: nodeCount, regions, accountId, now });
    return buildStore(fleet.nodes, fleet.opsItems, {
      accountId, regions, generatedAt: now, tokenSecret: `${hashSeed('tokens', seed, now)}`,
      patchConfigs: fleet.patchConfigs, maintenanceWindows: fleet.maintenanceWindows, network: fleet.network,
    });
  };
  let store = build();
  const sync = () => advanceCommands(store, clock.now());
  const network = createNetworkApi(() => ({ network: store.network, nodes: store.byId, clock }));
  return {
    seed,
    nodeCount,
    regions,
    accountId,
    clock,
    get store() {
      return store;
    },
    reset() {
      store = build();
    },
    opsCenter,
    callerArn: caller,
    network,
    node: (region, id) => nodeInRegion(store, region, id),
    // Runs (an agent update) change what nodes report, so reads replay commands first.
    instanceInformation: (region, query) => (sync(), queryInstanceInformation(store, region, query)),
    patchStates: (region, query) => (sync(), queryPatchStates(store, region, query)),
    opsItems: (region, query) => queryOpsItems(store, region, query),
    opsItem: (region, id, arn) => getOpsItem(store, region, id, arn),
    createOpsItem: (region, input) => createOpsItem(store, opsCenter, region, clock.now(), caller, input),
    updateOpsItem: (region, input) => updateOpsItem(store, opsCenter, region, clock.now(), caller, input),
    opsItemRelatedItems: (region, query) => listRelatedItems(store, region, query),
    associateOpsItemRelatedItem: (region, input) => associateRelatedItem(store, region, clock.now(), caller, input),
    disassociateOpsItemRelatedItem: (region, opsItemId, associationId) => disassociateRelatedItem(store, region, opsItemId, associationId),
    ec2Instances: (region, query) => queryEc2Instances(store, region, query),
    sync,
    instancePatches: (region, query) => (sync(), queryInstancePatches(store, region, query)),
    patchBaselines: (region, query) => queryPatchBaselines(store, region, query),
    patchBaseline: (region, id) => getPatchBaseline(store, region, id),
    patchGroups: (region, query) => queryPatchGroups(store, region, query),
    maintenanceWindows: (region, query) => queryMaintenanceWindows(store, region, query),
    sendCommand: (region, input) => (sync(), createCommand(store, seed, region, clock.now(), input)),
    cancelCommand: (region, id, ids) => (sync(), cancelCommand(store, region, id, ids, clock.now())),
    commands: (region, query) => (sync(), listCommands(store, region, query)),
    commandInvocations: (region, query) => (sync(), listInvocations(store, region, query)),
    commandInvocation: (region, id, instanceId, plugin) => (sync(), getInvocation(store, region, id, instanceId, plugin)),
    documents: (_region, query) => listDocuments(store, query),
    document: (_region, name, version, versionName) => describeDocument(store, name, version, versionName),
    documentVersions: (_region, name, max, token) => listDocumentVersions(store, name, max, token),
    // Inventory reads the agent version, Distributor packages and Windows hotfixes live: replay commands first.
    inventory: (region, query) => (sync(), queryInventory(store, region, query)),
    inventoryEntries: (region, query) => (sync(), queryInventoryEntries(store, region, query)),
    inventorySchemas: (_region, query) => queryInventorySchemas(store, query),
    instanceAssociationsStatus: (region, query) => queryInstanceAssociationsStatus(store, seed, region, query),
  };
}

export { SimError } from './errors';
export { nodePatchCounts, patchCounts, patchList, updatePatchList, isCompliant, type PatchCounts } from './patches';
export { isLatestAgent } from './query-instance-information';
export { stateCode, type ReservationGroup } from './query-ec2-instances';
export { platformSpec, LATEST_AGENT } from './catalog';
export { privateDnsName, publicDnsName } from './infra';
export { resourceArn } from './generate-ops-items';
export {
  callerArn, opsItemArn, resourceArnsOf, resourceTypeOfArn, dedupStringOf, DEFAULT_OPEN_OPS_ITEM_LIMIT, OPS_ITEM_DEDUP_MODES, MAX_OPDATA_VALUE_BYTES,
  type OpsCenterSettings, type OpsItemDedupMode, type CreateOpsItemInput, type UpdateOpsItemInput, type AssociateInput, type RelatedItemsQuery,
} from './ops-items';
export * as network from './network/public';
export type { NetworkApi, ChangeResult } from './network';
export type * from './network/types';
export { isListedBySsm, regionFleet, type FleetStore, type RegionFleet } from './store';
export type { SimClock } from './clock';
export { checkAdvance, checkSpeed, MAX_TIME_SPEED } from './clock';
export * as commands from './commands';
export type { SimCommand, SimInvocation, SendCommandInput, CommandsQuery, PluginView } from './commands';
export * as documents from './documents';
export * as inventory from './inventory';
export type { InventoryQuery, InventoryEntriesQuery, InventorySchemaQuery, InventoryFilterInput, InventoryAggregatorInput, InventoryEntity, AssociationStatusInfo } from './inventory-query';
export type { InventoryTypeSchema } from './inventory-schema';
export type { InventoryRow } from './inventory-types';
export { nextExecutionTime, type SimMaintenanceWindow } from './maintenance-windows';
export { patchConfigFor } from './store';
export { baselineIdFor, operatingSystemOf, patchGroupOf, awsBaselineAccount, type RegionPatchConfig } from './patch-config';
export type { SimBaseline, PatchRuleDef, PatchFilterDef } from './patch-baselines';
export type { BaselineIdentity, PatchGroupMapping } from './query-patch-baselines';
export type * from './types';
export type { InstanceInformationQuery, Ec2InstancesQuery, OpsItemsQuery, PatchStatesQuery, InstancePatchesQuery, PatchFiltersQuery, MaintenanceWindowsQuery };
