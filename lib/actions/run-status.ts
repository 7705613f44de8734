import 'server-only';
import type { RunDetail, RunNode, RunStatus, SentCommand, InvocationOutput } from '@/lib/contracts/run';
import { getInvocationDetails, listCommandInvocations, type CommandInvocation } from '@/lib/aws/ssm/list-command-invocations';
import { getCommand } from '@/lib/aws/ssm/list-commands';
import { getCommandInvocation, STDERR_LIMIT, STDOUT_LIMIT } from '@/lib/aws/ssm/get-command-invocation';
import { toAwsError } from '@/lib/aws/errors';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { ApiError } from '@/lib/api/route';
import { createSwrCache, type SwrCache } from '@/lib/fleet/swr-cache';
import { getRun, saveFinalState } from './runs-store';

export const TERMINAL = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled', 'Undeliverable', 'Terminated', 'NotSent']);
const COMMAND_TERMINAL = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
/**
 * How long one read of a run's progress is shared by every viewer of it: 2 s, longer for big runs (0.5 s per command
 * still running, at most 15 s), so a run of any size costs at most about 2 ListCommandInvocations calls a second.
 */
export function shareMs(runningCommands: number): number {
  return Math.min(15_000, Math.max(2_000, runningCommands * 500));
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

type CommandState = { nodes: RunNode[]; done: boolean; error?: RunDetail['errors'][number] };

const g = globalThis as unknown as { __runCaches?: Map<string, SwrCache<RunDetail>>; __commandDone?: Map<string, RunNode[]> };
const caches = (g.__runCaches ??= new Map());
/** Commands that ended: their invocations never change again, so they are read from AWS once. */
const finished = (g.__commandDone ??= new Map());

function toNode(inv: CommandInvocation, c: SentCommand, names: Map<string, string | null>): RunNode {
  const id = inv.InstanceId ?? '';
  return {
    nodeId: id, name: names.get(id) ?? inv.InstanceName ?? null, region: c.region, commandId: c.commandId!, status: inv.Status ?? 'Pending',
    statusDetails: inv.StatusDetails ?? null, responseCode: null, startedAt: iso(inv.RequestedDateTime), endedAt: null,
  };
}

async function readCommand(c: SentCommand, names: Map<string, string | null>): Promise<CommandState> {
  const key = `${c.region}/${c.commandId}`;
  const cached = finished.get(key);
  if (cached) return { nodes: cached, done: true };
  try {
    const invs = await listCommandInvocations(c.region, c.commandId!);
    const nodes = invs.map((i) => toNode(i, c, names));
    const allEnded = nodes.length > 0 && nodes.every((n) => TERMINAL.has(n.status));
    let done = allEnded && (nodes.length >= c.expectedNodes || !c.instanceIds);
    if (!done && allEnded) {
      // Fewer invocations than nodes: AWS stopped sending (MaxErrors) or is still fanning out; the command knows.
      const cmd = await getCommand(c.region, c.commandId!);
      done = COMMAND_TERMINAL.has(cmd?.Status ?? '');
      if (done) {
        const seen = new Set(nodes.map((n) => n.nodeId));
        for (const id of c.instanceIds ?? []) {
          if (!seen.has(id)) nodes.push({ nodeId: id, name: names.get(id) ?? null, region: c.region, commandId: c.commandId!, status: 'NotSent', statusDetails: `command ended ${cmd?.Status}`, responseCode: null, startedAt: null, endedAt: null });
        }
      }
    }
    if (done) finished.set(key, nodes);
    return { nodes, done };
  } catch (err) {
    const e = toAwsError(err);
    return { nodes: [], done: false, error: { commandId: c.commandId!, region: c.region, code: e.code, message: e.message } };
  }
}

export function runStatusOf(nodes: RunNode[], done: boolean, commands: SentCommand[]): RunStatus {
  if (!commands.some((c) => c.commandId)) return 'NotSent';
  if (!done) return 'InProgress';
  if (commands.some((c) => c.error)) return 'Partial';
  const has = (s: string) => nodes.some((n) => n.status === s);
  if (has('Failed') || has('Undeliverable') || has('NotSent')) return 'Failed';
  if (has('TimedOut')) return 'TimedOut';
  if (has('Cancelled')) return 'Cancelled';
  return 'Success';
}

async function readRun(id: string): Promise<RunDetail> {
  const run = getRun(id);
  if (!run) throw new ApiError(404, 'RunNotFound', `no run ${id}`);
  if (run.finalState) return run.finalState as RunDetail;
  const snap = await getFleetSnapshot();
  const names = new Map(snap.nodes.map((n) => [n.id, n.name]));
  const sent = run.commands.filter((c) => c.commandId);
  const states = await Promise.all(sent.map((c) => readCommand(c, names)));
  const nodes = states.flatMap((s) => s.nodes).sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  const done = states.every((s) => s.done);
  const counts: Record<string, number> = {};
  for (const n of nodes) counts[n.status] = (counts[n.status] ?? 0) + 1;
  const detail: RunDetail = {
    run, status: runStatusOf(nodes, done, run.commands), done, counts, nodes,
    errors: states.flatMap((s) => (s.error ? [s.error] : [])), checkedAt: new Date().toISOString(),
  };
  if (done) {
    const final = { ...detail, run: { ...run, finalStatus: detail.status } };
    saveFinalState(id, final);
    // The run changed patch states: refresh the fleet now so compliance shows it without waiting for the cache.
    getFleetSnapshot({ refresh: true }).catch(() => undefined);
    return final;
  }
  return detail;
}

/** A run's progress; any number of viewers polling it cause one AWS read every couple of seconds. */
export function getRunDetail(id: string, opts: { refresh?: boolean } = {}): Promise<RunDetail> {
  let c = caches.get(id);
  if (!c) {
    const cache: SwrCache<RunDetail> = createSwrCache({
      ttlMs: () => {
        const d = cache.peek();
        return shareMs(d ? d.run.commands.filter((x) => x.commandId && !finished.has(`${x.region}/${x.commandId}`)).length : 0);
      },
      load: () => readRun(id),
    });
    caches.set(id, (c = cache));
  }
  if (caches.size > 500) caches.clear();
  return c.get(opts);
}

/** One node's output, as complete as AWS returns it here. */
export async function getRunOutput(id: string, nodeId: string): Promise<InvocationOutput> {
  const run = getRun(id);
  if (!run) throw new ApiError(404, 'RunNotFound', `no run ${id}`);
  const detail = await getRunDetail(id);
  const node = detail.nodes.find((n) => n.nodeId === nodeId);
  if (!node) throw new ApiError(404, 'NodeNotInRun', `${nodeId} is not part of run ${id}`);
  if (node.status === 'NotSent') throw new ApiError(404, 'NoOutput', `${nodeId} was never sent the command`);
  // A multi-step document (AWS-RunPatchBaseline has PatchWindows, PatchLinux, PatchMacOS) gives output per step:
  // find the step that ran on this node, then read its full output.
  const inv = await getInvocationDetails(node.region, node.commandId, nodeId);
  const plugins = inv?.CommandPlugins ?? [];
  const ran = plugins.find((p) => !/^Step execution skipped/i.test(p.Output ?? '')) ?? plugins[0];
  const out = await getCommandInvocation(node.region, node.commandId, nodeId, plugins.length > 1 ? ran?.Name : undefined);
  const stdout = out.StandardOutputContent ?? '';
  const stderr = out.StandardErrorContent ?? '';
  return {
    nodeId, commandId: node.commandId, status: out.Status ?? node.status, statusDetails: out.StatusDetails ?? null,
    responseCode: out.ResponseCode ?? null, stdout, stderr,
    stdoutTruncated: stdout.length >= STDOUT_LIMIT, stderrTruncated: stderr.length >= STDERR_LIMIT,
    startedAt: out.ExecutionStartDateTime || null, endedAt: out.ExecutionEndDateTime || null,
  };
}
