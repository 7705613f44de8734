/** SSM Inventory of the simulated fleet (see inventory-query.ts for the operations, inventory-data.ts for the data). */
export {
  queryInventory, queryInventoryEntries, queryInventorySchemas, queryInstanceAssociationsStatus, instanceAssociations, regionInventory,
  type InventoryQuery, type InventoryFilterInput, type InventoryAggregatorInput, type InventoryEntity, type InventoryResultItem,
  type InventoryEntriesQuery, type InventoryEntriesPage, type InventorySchemaQuery, type AssociationStatusInfo, type InventoryOperator,
} from './inventory-query';
export {
  hasInventory, hasInventoryAssociation, buildNodeInventory, profileFor, rowsOf, packageRow, applicationRows, collectsType, isoSeconds,
  NOT_INSTALLED, type NodeInventory, type Profile,
} from './inventory-data';
export { INVENTORY_SCHEMAS, inventorySchema, type InventoryTypeSchema, type InventoryAttribute } from './inventory-schema';
export type { InventoryRow, InventoryFamily, VersionSpec, SourceSpec, PackageSpec, ProfileSpec } from './inventory-types';
