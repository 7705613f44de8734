/**
 * Simulated commands -> SSM Run Command structures (typed by the SDK's own output types),
 * with AWS's output limits: plugin Output in ListCommandInvocations is the agent's
 * combined stdout/stderr cut to 2,500 chars; GetCommandInvocation returns the first
 * 24,000 chars of stdout and 8,000 of stderr. Like AWS: DocumentVersion "" when none was
 * requested, ExecutionStartDateTime "" before the plugin started, S3 URLs only once a
 * step that ran has finished and only when OutputS3BucketName was given:
 *   https://s3.<region>.amazonaws.com/<bucket>/<prefix>/<commandId>/<instanceId>/<plugin>/<step>/stdout
 * (<plugin> awsrunShellScript; <step> 0.awsrunShellScript for 1.2 documents, else the step name).
 */
import type { CloudWatchOutputConfig, Command, CommandInvocation, CommandPlugin, GetCommandInvocationResult } from '@aws-sdk/client-ssm';
import { commands, type SimCommand, type SimInvocation, type Simulation, type SimNode } from '../fleet-sim';
import { epochSeconds as at } from './protocol/json11';

export const PLUGIN_OUTPUT_LIMIT = 2500;
export const STDOUT_LIMIT = 24_000;
export const STDERR_LIMIT = 8000;

function cloudWatch(cmd: SimCommand): CloudWatchOutputConfig {
  return { CloudWatchLogGroupName: cmd.cloudWatch?.logGroupName ?? '', CloudWatchOutputEnabled: cmd.cloudWatch?.enabled ?? false };
}

/** The S3 address of a step's stdout/stderr ("" without a bucket, or before the step finished). */
export function outputUrl(cmd: SimCommand, inv: SimInvocation, step: commands.StepDef, stream: 'stdout' | 'stderr'): string {
  if (!cmd.outputS3BucketName) return '';
  const key = [cmd.outputS3KeyPrefix ?? '', cmd.id, inv.nodeId, commands.pluginDir(step), commands.stepDir(step), stream].filter(Boolean).join('/').replace(/\/{2,}/g, '/');
  return `https://s3.${cmd.outputS3Region ?? cmd.region}.amazonaws.com/${cmd.outputS3BucketName}/${key}`;
}

/** The step's S3 URLs once it ran and finished ("" otherwise). */
const urls = (cmd: SimCommand, inv: SimInvocation, step: commands.StepDef | undefined, ready: boolean) => {
  const ok = step !== undefined && ready;
  return { StandardOutputUrl: ok ? outputUrl(cmd, inv, step, 'stdout') : '', StandardErrorUrl: ok ? outputUrl(cmd, inv, step, 'stderr') : '' };
};
const finished = (p: commands.PluginView) => p.ran && p.endedAt !== undefined;

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
    CloudWatchOutputConfig: cloudWatch(cmd),
    TimeoutSeconds: cmd.timeoutSeconds,
  };
}

function toPlugin(cmd: SimCommand, inv: SimInvocation, p: commands.PluginView, step: commands.StepDef): CommandPlugin {
  return {
    Name: p.name,
    Status: p.status,
    StatusDetails: p.details,
    ResponseCode: p.responseCode,
    ResponseStartDateTime: p.startedAt === undefined ? undefined : at(p.startedAt),
    ResponseFinishDateTime: p.endedAt === undefined ? undefined : at(p.endedAt),
    Output: commands.truncateOutput(p.stdout, p.stderr, PLUGIN_OUTPUT_LIMIT),
    ...urls(cmd, inv, step, finished(p)),
    // AWS reports the bucket's region here (the request's OutputS3Region is deprecated and ignored).
    OutputS3Region: cmd.outputS3Region ?? cmd.region,
    OutputS3BucketName: cmd.outputS3BucketName,
    OutputS3KeyPrefix: cmd.outputS3KeyPrefix ?? '',
  };
}

const nodeOf = (sim: Simulation, inv: SimInvocation): SimNode | undefined => sim.store.byId.get(inv.nodeId);

export function toInvocation(sim: Simulation, cmd: SimCommand, inv: SimInvocation, details: boolean): CommandInvocation {
  const steps = cmd.doc.def.steps;
  const views = details ? commands.pluginViews(sim.store, cmd, inv, nodeOf(sim, inv), sim.clock.now()) : [];
  const single = steps.length === 1 && inv.endedAt !== undefined && inv.result !== undefined;
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
    // Populated only when the document has a single plugin (AWS API reference).
    ...urls(cmd, inv, steps.length === 1 ? steps[0] : undefined, single),
    CommandPlugins: details ? views.map((p, i) => toPlugin(cmd, inv, p, steps[i])) : [],
    ServiceRole: cmd.serviceRole,
    CloudWatchOutputConfig: cloudWatch(cmd),
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

export function toGetInvocation(sim: Simulation, ref: commands.InvocationRef & { step?: commands.StepDef }): GetCommandInvocationResult {
  const { cmd, inv, step } = ref;
  const now = sim.clock.now();
  const base = { CommandId: cmd.id, InstanceId: inv.nodeId, Comment: cmd.comment, DocumentName: cmd.documentName, DocumentVersion: cmd.documentVersion, CloudWatchOutputConfig: cloudWatch(cmd) };
  if (!step) {
    // A multi-step document without PluginName: the invocation's status, no output.
    return {
      ...base, ResponseCode: inv.responseCode, ExecutionStartDateTime: '', ExecutionElapsedTime: '', ExecutionEndDateTime: '',
      Status: inv.status, StatusDetails: inv.statusDetails, StandardOutputContent: '', StandardErrorContent: '', StandardOutputUrl: '', StandardErrorUrl: '',
    };
  }
  const plugin = commands.pluginViews(sim.store, cmd, inv, nodeOf(sim, inv), now).find((p) => p.name === step.name) as commands.PluginView;
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
    ...urls(cmd, inv, step, finished(plugin)),
  };
}
