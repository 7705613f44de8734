import 'server-only';
import { scopeOf } from '@/lib/aws/scope';
import pLimit from 'p-limit';
import { getInvocationDetails, listCommandInvocations, type CommandInvocation } from '@/lib/aws/ssm/list-command-invocations';
import { getCommand } from '@/lib/aws/ssm/list-commands';
import { toAwsError } from '@/lib/aws/errors';
import { invocationOutcome, isCommandTerminal, OUTCOMES, type Outcome } from '@/lib/contracts/command-status';
import type { RunDetail, SentCommand } from '@/lib/contracts/run';
import { splitOutput } from './triage';

/** What AWS says of one node of a command, before the dashboard adds names, groups and revisions. */
export interface InvocationFacts {
  nodeId: string;
  instanceName: string | null;
  account: string;
  region: string;
  commandId: string;
  idx: number;
  outcome: Outcome;
  status: string;
  statusDetails: string | null;
  requestedAt: string | null;
}

export interface CommandRead {
  facts: InvocationFacts[];
  done: boolean;
  pages: number;
  error?: RunDetail['errors'][number];
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function factsOf(inv: CommandInvocation, c: SentCommand): InvocationFacts {
  return {
    nodeId: inv.InstanceId ?? '', instanceName: inv.InstanceName || null, account: c.account, region: c.region, commandId: c.commandId!, idx: c.idx,
    outcome: invocationOutcome(inv.Status, inv.StatusDetails), status: inv.Status ?? 'Pending', statusDetails: inv.StatusDetails ?? null,
    requestedAt: iso(inv.RequestedDateTime),
  };
}

const notSent = (id: string, c: SentCommand, why: string): InvocationFacts => ({
  nodeId: id, instanceName: null, account: c.account, region: c.region, commandId: c.commandId ?? '', idx: c.idx, outcome: 'notSent', status: 'NotSent', statusDetails: why, requestedAt: null,
});

/**
 * One command's invocations (status only: 50 a page, no output). Done when every invocation ended and either every
 * targeted node is there or AWS says the command ended (it stopped sending after MaxErrors, or a tag matched fewer).
 */
export async function readCommand(c: SentCommand, onFacts?: (facts: InvocationFacts[]) => void): Promise<CommandRead> {
  try {
    const onPage = onFacts && ((page: CommandInvocation[]) => onFacts(page.map((i) => factsOf(i, c))));
    const { invocations, pages } = await listCommandInvocations(scopeOf(c), c.commandId!, { onPage });
    const facts = invocations.map((i) => factsOf(i, c));
    const allEnded = facts.length > 0 && facts.every((f) => OUTCOMES[f.outcome].terminal);
    let done = allEnded && (facts.length >= c.expectedNodes || !c.instanceIds);
    let extra = 0;
    if (!done && (allEnded || (facts.length === 0 && !c.instanceIds))) {
      // Fewer invocations than nodes: AWS stopped sending (MaxErrors), a tag matched nothing, or it is still fanning out.
      const cmd = await getCommand(scopeOf(c), c.commandId!);
      extra = 1;
      done = isCommandTerminal(cmd?.Status);
      if (done) {
        const seen = new Set(facts.map((f) => f.nodeId));
        for (const id of c.instanceIds ?? []) if (!seen.has(id)) facts.push(notSent(id, c, `command ended ${cmd?.Status}${cmd?.StatusDetails && cmd.StatusDetails !== cmd.Status ? ` (${cmd.StatusDetails})` : ''}`));
      }
    }
    return { facts, done, pages: pages + extra };
  } catch (err) {
    const e = toAwsError(err);
    return { facts: [], done: false, pages: 1, error: { commandId: c.commandId!, region: c.region, code: e.code, message: e.message } };
  }
}

/** Nodes of commands that were never sent (refused, or the dashboard stopped first): known for explicit targets only. */
export function unsentFacts(c: SentCommand): InvocationFacts[] {
  const why = c.error ? `${c.error.code}: ${c.error.message}` : 'never sent';
  return (c.instanceIds ?? []).map((id) => notSent(id, c, why));
}

export interface ErrorOutput {
  exitCode: number | null;
  text: string;
}

/** The plugin that says why it failed: a failed one, else the one that ran (skipped steps report Success). */
function failingPlugin(inv: CommandInvocation) {
  const plugins = inv.CommandPlugins ?? [];
  return plugins.find((p) => p.Status !== 'Success' || (p.ResponseCode ?? 0) !== 0) ?? plugins.find((p) => !/^Step execution skipped/i.test(p.Output ?? '')) ?? plugins[0];
}

function errorOutputOf(inv: CommandInvocation): ErrorOutput {
  const p = failingPlugin(inv);
  const { stdout, stderr } = splitOutput(p?.Output ?? '');
  return { exitCode: p?.ResponseCode ?? null, text: stderr.trim() ? stderr : stdout };
}

/** Above this many, a command's failed invocations are paged with details (Status filter) instead of read one by one. */
const PAGE_THRESHOLD = 10;

/**
 * The error output (first 2,500 characters per plugin, as ListCommandInvocations gives it) of failed nodes that ran.
 * Read once per node: a failed invocation never changes.
 */
export async function readErrorOutputs(c: SentCommand, nodes: { nodeId: string; outcome: Outcome }[]): Promise<{ outputs: Map<string, ErrorOutput>; pages: number }> {
  const outputs = new Map<string, ErrorOutput>();
  let pages = 0;
  if (nodes.length >= PAGE_THRESHOLD) {
    for (const status of [...new Set(nodes.map((n) => (n.outcome === 'failed' ? 'Failed' : 'TimedOut')))]) {
      const read = await listCommandInvocations(scopeOf(c), c.commandId!, { details: true, filters: [{ key: 'Status', value: status }] });
      pages += read.pages;
      for (const inv of read.invocations) outputs.set(inv.InstanceId ?? '', errorOutputOf(inv));
    }
    return { outputs, pages };
  }
  const limit = pLimit(4);
  await Promise.all(nodes.map((n) => limit(async () => {
    const inv = await getInvocationDetails(scopeOf(c), c.commandId!, n.nodeId);
    pages++;
    if (inv) outputs.set(n.nodeId, errorOutputOf(inv));
  })));
  return { outputs, pages };
}
