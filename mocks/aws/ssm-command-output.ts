/**
 * Simulated commands -> SSM Run Command structures (typed by the SDK's own output types),
 * with AWS's output limits: plugin Output in ListCommandInvocations is the agent's
 * combined stdout/stderr cut to 2,500 chars; GetCommandInvocation returns the first
 * 24,000 chars of stdout and 8,000 of stderr. Like AWS: DocumentVersion "" when none was
 * requested, empty S3 URLs, ExecutionStartDateTime "" before the plugin started.
 */
import type { Command, CommandInvocation, CommandPlugin, GetCommandInvocationResult } from '@aws-sdk/client-ssm';
import { commands, type SimCommand, type SimInvocation, type Simulation, type SimNode } from '../fleet-sim';
import { epochSeconds as at } from './protocol/json11';

export const PLUGIN_OUTPUT_LIMIT = 2500;
export const STDOUT_LIMIT = 24_000;
export const STDERR_LIMIT = 8000;

export function toCommand(cmd: SimCommand): Command {
  const { status, details } = commands.commandStatus(cmd);
  const counts = commands.commandCounts(cmd);
  return {
    CommandId: cmd.id,
    DocumentName: cmd.documentName,
    DocumentVersion: cmd.documentVersion,
    Comment: cmd.comment,
    ExpiresAfter: at(cmd.expiresAfter),
    Parameters: cmd.parameters,
    InstanceIds: cmd.instanceIds,
    Targets: cmd.targets,
    RequestedDateTime: at(cmd.requestedAt),
    Status: status,
    StatusDetails: details,
    OutputS3Region: cmd.outputS3Region,
    OutputS3BucketName: cmd.outputS3BucketName,
    OutputS3KeyPrefix: cmd.outputS3KeyPrefix ?? '',
    MaxConcurrency: cmd.maxConcurrency,
    MaxErrors: cmd.maxErrors,
    TargetCount: counts.targetCount,
    CompletedCount: counts.completedCount,
    ErrorCount: counts.errorCount,
    DeliveryTimedOutCount: counts.deliveryTimedOutCount,
    ServiceRole: cmd.serviceRole,
    TimeoutSeconds: cmd.timeoutSeconds,
  };
}

function toPlugin(cmd: SimCommand, p: commands.PluginView): CommandPlugin {
  return {
    Name: p.name,
    Status: p.status,
    StatusDetails: p.details,
    ResponseCode: p.responseCode,
    ResponseStartDateTime: p.startedAt === undefined ? undefined : at(p.startedAt),
    ResponseFinishDateTime: p.endedAt === undefined ? undefined : at(p.endedAt),
    Output: commands.truncateOutput(p.stdout, p.stderr, PLUGIN_OUTPUT_LIMIT),
    StandardOutputUrl: '',
    StandardErrorUrl: '',
    OutputS3Region: cmd.region,
    OutputS3BucketName: cmd.outputS3BucketName,
    OutputS3KeyPrefix: cmd.outputS3KeyPrefix ?? '',
  };
}

const nodeOf = (sim: Simulation, inv: SimInvocation): SimNode | undefined => sim.store.byId.get(inv.nodeId);

export function toInvocation(sim: Simulation, cmd: SimCommand, inv: SimInvocation, details: boolean): CommandInvocation {
  return {
    CommandId: cmd.id,
    InstanceId: inv.nodeId,
    InstanceName: inv.instanceName,
    Comment: cmd.comment,
    DocumentName: cmd.documentName,
    DocumentVersion: cmd.documentVersion,
    RequestedDateTime: at(cmd.requestedAt),
    Status: inv.status,
    StatusDetails: inv.statusDetails,
    StandardOutputUrl: '',
    StandardErrorUrl: '',
    CommandPlugins: details ? commands.pluginViews(cmd, inv, nodeOf(sim, inv), sim.clock.now()).map((p) => toPlugin(cmd, p)) : [],
    ServiceRole: cmd.serviceRole,
  };
}

/** An ISO-8601 duration as Java's Duration prints it: PT0.541S, PT1M5.2S, PT1H. */
export function isoDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  let out = 'PT';
  if (h > 0) out += `${h}H`;
  if (m > 0) out += `${m}M`;
  if (s > 0 || out === 'PT') out += `${Number(s.toFixed(3))}S`;
  return out;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export function toGetInvocation(sim: Simulation, ref: commands.InvocationRef & { step?: commands.StepSpec }): GetCommandInvocationResult {
  const { cmd, inv, step } = ref;
  const now = sim.clock.now();
  const base = { CommandId: cmd.id, InstanceId: inv.nodeId, Comment: cmd.comment, DocumentName: cmd.documentName, DocumentVersion: cmd.documentVersion };
  const urls = { StandardOutputUrl: '', StandardErrorUrl: '' };
  if (!step) {
    // A multi-step document without PluginName: the invocation's status, no output.
    return {
      ...base, ResponseCode: inv.responseCode, ExecutionStartDateTime: '', ExecutionElapsedTime: '', ExecutionEndDateTime: '',
      Status: inv.status, StatusDetails: inv.statusDetails, StandardOutputContent: '', StandardErrorContent: '', ...urls,
    };
  }
  const plugin = commands.pluginViews(cmd, inv, nodeOf(sim, inv), now).find((p) => p.name === step.name) as commands.PluginView;
  const started = plugin.startedAt;
  return {
    ...base,
    PluginName: plugin.name,
    ResponseCode: plugin.responseCode,
    ExecutionStartDateTime: iso(started),
    ExecutionElapsedTime: started === undefined ? '' : isoDuration((plugin.endedAt ?? now) - started),
    ExecutionEndDateTime: iso(plugin.endedAt),
    Status: plugin.status,
    StatusDetails: plugin.details,
    StandardOutputContent: plugin.stdout.slice(0, STDOUT_LIMIT),
    StandardErrorContent: plugin.stderr.slice(0, STDERR_LIMIT),
    ...urls,
  };
}
