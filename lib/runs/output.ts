import 'server-only';
import { scopeOf } from '@/lib/aws/scope';
import { getCommandInvocation, STDERR_LIMIT, STDOUT_LIMIT } from '@/lib/aws/ssm/get-command-invocation';
import { getInvocationDetails } from '@/lib/aws/ssm/list-command-invocations';
import { invocationOutcome } from '@/lib/contracts/command-status';
import { logStreamUrl } from '@/lib/contracts/links';
import type { InvocationOutput } from '@/lib/contracts/run';
import { notFound } from '@/lib/errors';
import { runNodes } from './progress';
import { getRun } from './store';

/** One node's output, as complete as AWS returns it here, with where the rest is when output goes to S3 or CloudWatch. */
export async function getRunOutput(id: string, nodeId: string): Promise<InvocationOutput> {
  const run = getRun(id);
  if (!run) throw notFound('RunNotFound', `no run ${id}`);
  const node = (await runNodes(id)).find((n) => n.nodeId === nodeId);
  if (!node) throw notFound('NodeNotInRun', `${nodeId} is not part of run ${id}`);
  if (node.outcome === 'notSent') throw notFound('NoOutput', `${nodeId} was never sent the command`);
  // A multi-step document (AWS-RunPatchBaseline has PatchWindows, PatchLinux, PatchMacOS) gives output per step:
  // find the step that ran on this node, then read its full output.
  const inv = await getInvocationDetails(scopeOf(node), node.commandId, nodeId);
  const plugins = inv?.CommandPlugins ?? [];
  const ran = plugins.find((p) => !/^Step execution skipped/i.test(p.Output ?? '')) ?? plugins[0];
  const pluginName = plugins.length > 1 ? (ran?.Name ?? null) : null;
  const out = await getCommandInvocation(scopeOf(node), node.commandId, nodeId, pluginName ?? undefined);
  const stdout = out.StandardOutputContent ?? '';
  const stderr = out.StandardErrorContent ?? '';
  const cw = out.CloudWatchOutputConfig?.CloudWatchOutputEnabled ? out.CloudWatchOutputConfig : null;
  const group = cw ? cw.CloudWatchLogGroupName || `/aws/ssm/${run.document}` : null;
  const stream = (s: string) => `${node.commandId}/${nodeId}/${(ran?.Name ?? out.PluginName ?? 'aws:runShellScript').replace(/:/g, '-')}/${s}`;
  return {
    nodeId, commandId: node.commandId, region: node.region, pluginName: out.PluginName ?? ran?.Name ?? null, status: out.Status ?? node.status,
    statusDetails: out.StatusDetails ?? null, outcome: invocationOutcome(out.Status ?? node.status, out.StatusDetails ?? node.statusDetails),
    responseCode: out.ResponseCode ?? null, stdout, stderr, stdoutTruncated: stdout.length >= STDOUT_LIMIT, stderrTruncated: stderr.length >= STDERR_LIMIT,
    stdoutUrl: out.StandardOutputUrl || null, stderrUrl: out.StandardErrorUrl || null,
    cloudWatch: group ? { logGroup: group, stdoutStream: stream('stdout'), stderrStream: stream('stderr'), consoleUrl: logStreamUrl(node.region, group, stream('stdout')) } : null,
    startedAt: out.ExecutionStartDateTime || null, endedAt: out.ExecutionEndDateTime || null,
  };
}
