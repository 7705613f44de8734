/** SSM operation name -> simulated fleet call. Input has already passed model validation. */
import type {
  DescribeInstanceInformationRequest, DescribeInstanceInformationResult, DescribeInstancePatchStatesRequest,
  DescribeInstancePatchStatesResult, ListTagsForResourceRequest,
  ListTagsForResourceResult,
} from '@aws-sdk/client-ssm';
import { SimError, type Simulation } from '../fleet-sim';
import { SSM_COMMAND_OPERATIONS } from './ssm-command-operations';
import { SSM_DOCUMENT_OPERATIONS } from './ssm-document-operations';
import { SSM_INVENTORY_OPERATIONS } from './ssm-inventory-operations';
import { SSM_OPS_OPERATIONS } from './ssm-ops-operations';
import { toInstanceInformation, toInstancePatchState } from './ssm-output';
import { SSM_PATCH_OPERATIONS } from './ssm-patch-operations';
import { SSM_SETUP_OPERATIONS } from './ssm-setup-operations';

export type SsmOperation = (sim: Simulation, region: string, input: Record<string, unknown>) => object;

/** The input was validated against the model before the call, so it has the request's shape. */
const operation = <I, O extends object>(fn: (sim: Simulation, region: string, input: I) => O): SsmOperation => fn as unknown as SsmOperation;

function describeInstanceInformation(sim: Simulation, region: string, input: DescribeInstanceInformationRequest): DescribeInstanceInformationResult {
  const page = sim.instanceInformation(region, {
    filterList: input.InstanceInformationFilterList?.map((f) => ({ key: f.key as string, valueSet: f.valueSet ?? [] })),
    filters: input.Filters?.map((f) => ({ Key: f.Key as string, Values: f.Values ?? [] })),
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
  });
  const now = sim.clock.now();
  return { InstanceInformationList: page.nodes.map((n) => toInstanceInformation(n, now)), NextToken: page.nextToken };
}

function describeInstancePatchStates(sim: Simulation, region: string, input: DescribeInstancePatchStatesRequest): DescribeInstancePatchStatesResult {
  const page = sim.patchStates(region, { instanceIds: input.InstanceIds ?? [], maxResults: input.MaxResults, nextToken: input.NextToken });
  return {
    InstancePatchStates: page.states.map((s) => toInstancePatchState(s.node, s.scan, s.counts)),
    NextToken: page.nextToken,
  };
}

function listTagsForResource(sim: Simulation, region: string, input: ListTagsForResourceRequest): ListTagsForResourceResult {
  if (input.ResourceType !== 'ManagedInstance') {
    throw new SimError('InvalidResourceType', `The simulated AWS lists tags only for ResourceType ManagedInstance (got ${input.ResourceType}).`);
  }
  const node = input.ResourceId ? sim.node(region, input.ResourceId) : undefined;
  if (!node || node.ec2 || !node.ssm) {
    throw new SimError('InvalidResourceId', `The resource ID "${input.ResourceId}" is not valid. Verify the ID and try again.`);
  }
  return { TagList: node.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}

export const SSM_OPERATIONS: Record<string, SsmOperation> = {
  DescribeInstanceInformation: operation(describeInstanceInformation),
  DescribeInstancePatchStates: operation(describeInstancePatchStates),
  ListTagsForResource: operation(listTagsForResource),
  ...SSM_PATCH_OPERATIONS,
  ...SSM_COMMAND_OPERATIONS,
  ...SSM_DOCUMENT_OPERATIONS,
  ...SSM_INVENTORY_OPERATIONS,
  ...SSM_OPS_OPERATIONS,
  ...SSM_SETUP_OPERATIONS,
};
