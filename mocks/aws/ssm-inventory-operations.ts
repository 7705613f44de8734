/**
 * SSM Inventory -> the simulated fleet: GetInventory, ListInventoryEntries, GetInventorySchema,
 * DescribeInstanceAssociationsStatus. Inventory values are strings; CaptureTime is an ISO
 * string (`2025-06-01T10:02:03Z`, the model's pattern), ExecutionDate a JSON 1.1 timestamp.
 */
import type {
  DescribeInstanceAssociationsStatusRequest, DescribeInstanceAssociationsStatusResult, GetInventoryRequest, GetInventoryResult,
  GetInventorySchemaRequest, GetInventorySchemaResult, InventoryAggregator, ListInventoryEntriesRequest, ListInventoryEntriesResult,
} from '@aws-sdk/client-ssm';
import type { InventoryAggregatorInput, Simulation } from '../fleet-sim';
import { epochSeconds as at } from './protocol/json11';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;

const filtersOf = (filters: Array<{ Key?: string; Values?: string[]; Type?: string }> | undefined) =>
  filters?.map((f) => ({ Key: f.Key ?? '', Values: f.Values ?? [], Type: f.Type }));

const aggregatorsOf = (aggs: InventoryAggregator[] | undefined): InventoryAggregatorInput[] | undefined =>
  aggs?.map((a) => ({ Expression: a.Expression, Aggregators: aggregatorsOf(a.Aggregators), Groups: a.Groups }));

function getInventory(sim: Simulation, region: string, input: GetInventoryRequest): GetInventoryResult {
  const page = sim.inventory(region, {
    filters: filtersOf(input.Filters),
    aggregators: aggregatorsOf(input.Aggregators),
    resultAttributes: input.ResultAttributes?.map((r) => r.TypeName as string),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return { Entities: page.entities, NextToken: page.nextToken };
}

function listInventoryEntries(sim: Simulation, region: string, input: ListInventoryEntriesRequest): ListInventoryEntriesResult {
  const page = sim.inventoryEntries(region, {
    instanceId: input.InstanceId as string,
    typeName: input.TypeName as string,
    filters: filtersOf(input.Filters),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return {
    TypeName: page.typeName,
    InstanceId: page.instanceId,
    SchemaVersion: page.schemaVersion,
    CaptureTime: page.captureTime,
    Entries: page.entries,
    NextToken: page.nextToken,
  };
}

function getInventorySchema(sim: Simulation, region: string, input: GetInventorySchemaRequest): GetInventorySchemaResult {
  const page = sim.inventorySchemas(region, {
    typeName: input.TypeName,
    aggregator: input.Aggregator,
    subType: input.SubType,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return {
    Schemas: page.schemas.map((s) => ({ TypeName: s.TypeName, Version: s.Version, Attributes: s.Attributes, DisplayName: s.DisplayName })),
    NextToken: page.nextToken,
  };
}

function describeInstanceAssociationsStatus(sim: Simulation, region: string, input: DescribeInstanceAssociationsStatusRequest): DescribeInstanceAssociationsStatusResult {
  const page = sim.instanceAssociationsStatus(region, { instanceId: input.InstanceId as string, maxResults: input.MaxResults, nextToken: input.NextToken });
  return {
    InstanceAssociationStatusInfos: page.infos.map((a) => ({
      AssociationId: a.associationId,
      Name: a.documentName,
      DocumentVersion: a.documentVersion,
      AssociationVersion: a.associationVersion,
      InstanceId: a.instanceId,
      ExecutionDate: at(a.executionDate),
      Status: a.status,
      DetailedStatus: a.detailedStatus,
      ExecutionSummary: a.executionSummary,
      AssociationName: a.associationName,
    })),
    NextToken: page.nextToken,
  };
}

export const SSM_INVENTORY_OPERATIONS: Record<string, Operation> = {
  GetInventory: operation(getInventory),
  ListInventoryEntries: operation(listInventoryEntries),
  GetInventorySchema: operation(getInventorySchema),
  DescribeInstanceAssociationsStatus: operation(describeInstanceAssociationsStatus),
};
