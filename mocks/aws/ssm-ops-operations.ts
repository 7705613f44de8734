/**
 * SSM OpsCenter operations -> the simulated fleet's OpsItems. Input has passed model validation.
 * Timestamps arrive as epoch seconds (JSON 1.1) and are kept in epoch milliseconds.
 */
import type {
  AssociateOpsItemRelatedItemRequest, AssociateOpsItemRelatedItemResponse, CreateOpsItemRequest, CreateOpsItemResponse,
  DescribeOpsItemsRequest, DescribeOpsItemsResponse, DisassociateOpsItemRelatedItemRequest, DisassociateOpsItemRelatedItemResponse,
  GetOpsItemRequest, GetOpsItemResponse, ListOpsItemRelatedItemsRequest, ListOpsItemRelatedItemsResponse, UpdateOpsItemRequest,
  UpdateOpsItemResponse,
} from '@aws-sdk/client-ssm';
import { opsItemArn, type Simulation } from '../fleet-sim';
import { toOpsItem, toOpsItemSummary, toRelatedItemSummary } from './ssm-output';

type Operation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): Operation => fn as unknown as Operation;

/** A JSON 1.1 timestamp as it arrives (epoch seconds; the SDK types say Date) -> epoch ms. */
const ms = (t: Date | number | undefined): number | undefined => (t === undefined ? undefined : Math.round(Number(t) * 1000));

const times = (input: CreateOpsItemRequest | UpdateOpsItemRequest) => ({
  PlannedStartTime: ms(input.PlannedStartTime), PlannedEndTime: ms(input.PlannedEndTime),
  ActualStartTime: ms(input.ActualStartTime), ActualEndTime: ms(input.ActualEndTime),
});

function describeOpsItems(sim: Simulation, region: string, input: DescribeOpsItemsRequest): DescribeOpsItemsResponse {
  const page = sim.opsItems(region, {
    filters: input.OpsItemFilters?.map((f) => ({ Key: f.Key as string, Values: f.Values ?? [], Operator: f.Operator as string })),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  return { OpsItemSummaries: page.items.map(toOpsItemSummary), NextToken: page.nextToken };
}

function getOpsItem(sim: Simulation, region: string, input: GetOpsItemRequest): GetOpsItemResponse {
  return { OpsItem: toOpsItem(sim.opsItem(region, input.OpsItemId as string, input.OpsItemArn)) };
}

function createOpsItem(sim: Simulation, region: string, input: CreateOpsItemRequest): CreateOpsItemResponse {
  const { item } = sim.createOpsItem(region, {
    Title: input.Title as string, Description: input.Description as string, Source: input.Source as string,
    OpsItemType: input.OpsItemType, Severity: input.Severity, Priority: input.Priority, Category: input.Category,
    OperationalData: input.OperationalData, Notifications: input.Notifications, RelatedOpsItems: input.RelatedOpsItems,
    Tags: input.Tags?.map((t) => ({ Key: t.Key as string, Value: t.Value as string })), AccountId: input.AccountId,
    ...times(input),
  });
  return { OpsItemId: item.id, OpsItemArn: opsItemArn(item) };
}

function updateOpsItem(sim: Simulation, region: string, input: UpdateOpsItemRequest): UpdateOpsItemResponse {
  sim.updateOpsItem(region, {
    OpsItemId: input.OpsItemId as string, OpsItemArn: input.OpsItemArn, Status: input.Status,
    Title: input.Title, Description: input.Description, Severity: input.Severity, Priority: input.Priority, Category: input.Category,
    OperationalData: input.OperationalData, OperationalDataToDelete: input.OperationalDataToDelete,
    Notifications: input.Notifications, RelatedOpsItems: input.RelatedOpsItems,
    ...times(input),
  });
  return {};
}

function listOpsItemRelatedItems(sim: Simulation, region: string, input: ListOpsItemRelatedItemsRequest): ListOpsItemRelatedItemsResponse {
  const page = sim.opsItemRelatedItems(region, {
    opsItemId: input.OpsItemId,
    filters: input.Filters?.map((f) => ({ Key: f.Key as string, Values: f.Values ?? [], Operator: f.Operator as string })),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  const item = page.item;
  return { Summaries: item ? page.items.map((r) => toRelatedItemSummary(item, r)) : [], NextToken: page.nextToken };
}

function associateOpsItemRelatedItem(sim: Simulation, region: string, input: AssociateOpsItemRelatedItemRequest): AssociateOpsItemRelatedItemResponse {
  const related = sim.associateOpsItemRelatedItem(region, {
    OpsItemId: input.OpsItemId as string, AssociationType: input.AssociationType as string,
    ResourceType: input.ResourceType as string, ResourceUri: input.ResourceUri as string,
  });
  return { AssociationId: related.associationId };
}

function disassociateOpsItemRelatedItem(sim: Simulation, region: string, input: DisassociateOpsItemRelatedItemRequest): DisassociateOpsItemRelatedItemResponse {
  sim.disassociateOpsItemRelatedItem(region, input.OpsItemId as string, input.AssociationId as string);
  return {};
}

export const SSM_OPS_OPERATIONS: Record<string, Operation> = {
  DescribeOpsItems: operation(describeOpsItems),
  GetOpsItem: operation(getOpsItem),
  CreateOpsItem: operation(createOpsItem),
  UpdateOpsItem: operation(updateOpsItem),
  ListOpsItemRelatedItems: operation(listOpsItemRelatedItems),
  AssociateOpsItemRelatedItem: operation(associateOpsItemRelatedItem),
  DisassociateOpsItemRelatedItem: operation(disassociateOpsItemRelatedItem),
};
