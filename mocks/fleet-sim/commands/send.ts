/**
 * SendCommand: validates the document, its parameters and the targets, resolves the
 * targets, and records the command with one Pending invocation per target node. Every
 * random choice for an invocation is drawn here from (seed, command ID, node ID).
 */
import { platformSpec } from '../catalog';
import { SimError } from '../errors';
import { createRng, hashSeed, LightRng } from '../prng';
import type { FleetStore } from '../store';
import type { SimNode } from '../types';
import { checkParameters } from '../documents/parameters';
import type { ResolvedVersion } from '../documents/types';
import { commandDocument } from './documents';
import { runnerFor } from './runners';
import { resolveTargets } from './targets';
import type { InvocationPlan, SimCommand, SimInvocation, TargetDef } from './types';

export interface SendCommandInput {
  documentName: string;
  documentVersion?: string;
  instanceIds?: string[];
  targets?: TargetDef[];
  parameters?: Record<string, string[]>;
  timeoutSeconds?: number;
  comment?: string;
  maxConcurrency?: string;
  maxErrors?: string;
  serviceRoleArn?: string;
  outputS3BucketName?: string;
  outputS3KeyPrefix?: string;
  outputS3Region?: string;
  cloudWatchOutputConfig?: { logGroupName?: string; enabled?: boolean };
}

const SECOND = 1000;

/** "10" or "10%" of `targets` (percentages round down; concurrency is at least 1). */
export function limitOf(value: string, targets: number, atLeastOne: boolean): number {
  const n = value.endsWith('%') ? Math.floor((targets * Number(value.slice(0, -1))) / 100) : Number(value);
  return atLeastOne ? Math.max(1, n) : n;
}

export function commandIdFor(seed: number, seq: number): string {
  const h = createRng(hashSeed('command-id', seed, seq)).hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function plan(seed: number, commandId: string, node: SimNode, doc: ResolvedVersion, params: Record<string, string[]>): InvocationPlan {
  const rng = new LightRng(hashSeed('invocation', seed, commandId, node.id));
  return {
    readyDelayMs: 400 + rng.int(2000),
    pickupMs: 200 + rng.int(1300),
    durationMs: runnerFor(doc).durationMs(rng, params, node, doc),
    cancelDelayMs: 1000 + rng.int(3000),
    transientFailure: rng.chance(0.01),
    roll: rng.next(),
  };
}

function invocation(index: number, node: SimNode, p: InvocationPlan): SimInvocation {
  return {
    index,
    nodeId: node.id,
    instanceName: node.ssm?.computerName ?? '',
    platformType: platformSpec(node.platform).platformType,
    phase: 'queued',
    status: 'Pending',
    statusDetails: 'Pending',
    responseCode: -1,
    plan: p,
  };
}

export function createCommand(store: FleetStore, seed: number, region: string, now: number, input: SendCommandInput): SimCommand {
  const doc = commandDocument(store, input.documentName, input.documentVersion);
  const effective = checkParameters(doc, input.parameters);
  const nodes = resolveTargets(store, region, { instanceIds: input.instanceIds, targets: input.targets });
  if ((input.instanceIds ?? []).length > 0) {
    const unsupported = nodes.filter((n) => !doc.doc.platformTypes.includes(platformSpec(n.platform).platformType));
    if (unsupported.length > 0) {
      throw new SimError('UnsupportedPlatformType', `The platform type of the managed nodes [${unsupported.map((n) => n.id).join(', ')}] is not supported by document ${doc.doc.name}.`);
    }
  }
  const seq = store.commands.list.length + 1;
  const id = commandIdFor(seed, seq);
  const timeoutSeconds = input.timeoutSeconds ?? 3600;
  const executionTimeoutSeconds = runnerFor(doc).timeoutSeconds(effective, doc);
  const maxConcurrency = input.maxConcurrency ?? '50';
  const maxErrors = input.maxErrors ?? '0';
  const command: SimCommand = {
    id,
    seq,
    region,
    documentName: input.documentName,
    documentVersion: input.documentVersion ?? '',
    doc,
    comment: input.comment ?? '',
    parameters: input.parameters ?? {},
    effectiveParameters: effective,
    instanceIds: input.instanceIds ?? [],
    targets: input.targets ?? [],
    requestedAt: now,
    expiresAfter: now + (timeoutSeconds + executionTimeoutSeconds) * SECOND,
    timeoutSeconds,
    executionTimeoutSeconds,
    maxConcurrency,
    maxErrors,
    concurrencyLimit: limitOf(maxConcurrency, nodes.length, true),
    errorLimit: limitOf(maxErrors, nodes.length, false),
    serviceRole: input.serviceRoleArn ?? '',
    outputS3BucketName: input.outputS3BucketName,
    outputS3KeyPrefix: input.outputS3KeyPrefix,
    outputS3Region: input.outputS3Region,
    cloudWatch: input.cloudWatchOutputConfig,
    invocations: nodes.map((node, i) => invocation(i, node, plan(seed, id, node, doc, effective))),
    byNode: new Map(),
    doneByDetails: {},
    nextQueued: 0,
    runningCount: 0,
    doneCount: 0,
    slotFreeAt: now,
    errors: 0,
    stopped: false,
    timeoutSwept: false,
    timeline: [],
    finished: nodes.length === 0,
    seed,
  };
  for (const inv of command.invocations) command.byNode.set(inv.nodeId, inv);
  store.commands.list.push(command);
  store.commands.byId.set(id, command);
  if (!command.finished) store.commands.active.add(command);
  return command;
}
