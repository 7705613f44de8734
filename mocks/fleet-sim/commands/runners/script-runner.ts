/**
 * Script documents: AWS-RunShellScript / AWS-RunPowerShellScript (the `commands` lines)
 * and documents whose step runs a script (the step's runCommand with {{ parameters }}
 * filled in, e.g. Ops-RestartService). The script runs through the shell simulation,
 * once at the end for the exit code and again whenever its output is read.
 */
import type { ResolvedVersion, StepDef } from '../../documents/types';
import { platformSpec } from '../../catalog';
import type { SimNode } from '../../types';
import { pluginDir, runsOn, stepDir, substitute } from '../documents';
import { runScript } from '../shell/run-script';
import type { RunContext, Runner } from './types';

const SCRIPT_ACTIONS = new Set(['aws:runShellScript', 'aws:runPowerShellScript']);

/** The script step that runs on the node's platform. */
function scriptStep(doc: ResolvedVersion, node: SimNode): StepDef {
  const platform = platformSpec(node.platform).platformType;
  return doc.def.steps.find((s) => SCRIPT_ACTIONS.has(s.action) && runsOn(s, platform)) ?? doc.def.steps[0];
}

/** Seconds the script sleeps (`sleep N` / `Start-Sleep -Seconds N`), to make runs longer on purpose. */
export function scriptSleepSeconds(commands: readonly string[]): number {
  let total = 0;
  for (const line of commands) {
    for (const m of line.matchAll(/\b(?:sleep|Start-Sleep(?:\s+-Seconds)?)\s+(\d+)/g)) total += Number(m[1]);
  }
  return total;
}

export function scriptLines(doc: ResolvedVersion, step: StepDef, params: Record<string, string[]>): string[] {
  if (doc.def.schemaVersion === '1.2') return params.commands ?? [];
  const run = step.inputs.runCommand;
  return (Array.isArray(run) ? (run as string[]) : [String(run)]).map((line) => substitute(line, params));
}

function timeoutOf(doc: ResolvedVersion, params: Record<string, string[]>): number {
  if (doc.def.schemaVersion === '1.2') return Number(params.executionTimeout?.[0] ?? '3600');
  const step = doc.def.steps.find((s) => SCRIPT_ACTIONS.has(s.action));
  return Number(substitute(String(step?.inputs.timeoutSeconds ?? 3600), params)) || 3600;
}

function execute(ctx: RunContext) {
  const { cmd, node } = ctx;
  const step = scriptStep(cmd.doc, node);
  const params = cmd.effectiveParameters;
  const result = runScript({
    seed: cmd.seed, accountId: ctx.store.accountId, commandId: cmd.id, node, start: ctx.start, pluginDir: pluginDir(step), stepDir: stepDir(step),
    powershell: step.action === 'aws:runPowerShellScript', lines: scriptLines(cmd.doc, step, params), workingDirectory: params.workingDirectory?.[0] ?? '',
    timeoutSeconds: cmd.executionTimeoutSeconds,
  });
  return { step, result };
}

/** Sleep seconds per (command parameters, script step): the same for every node of a command. */
const sleepCache = new WeakMap<Record<string, string[]>, Map<StepDef, number>>();

function sleepOf(doc: ResolvedVersion, step: StepDef, params: Record<string, string[]>): number {
  let byStep = sleepCache.get(params);
  if (!byStep) sleepCache.set(params, (byStep = new Map()));
  let seconds = byStep.get(step);
  if (seconds === undefined) byStep.set(step, (seconds = scriptSleepSeconds(scriptLines(doc, step, params))));
  return seconds;
}

export const scriptRunner: Runner = {
  durationMs: (rng, params, node, doc) => Math.round(rng.range(0.5, 3) * 1000) + sleepOf(doc, scriptStep(doc, node), params) * 1000,
  timeoutSeconds: (params, doc) => timeoutOf(doc, params),
  complete(ctx) {
    if (ctx.inv.plan.durationMs > ctx.cmd.executionTimeoutSeconds * 1000) return { exitCode: -1, timedOut: true };
    return { exitCode: execute(ctx).result.code };
  },
  render(ctx) {
    const { step, result } = execute(ctx);
    return { [step.name]: { stdout: result.stdout, stderr: result.stderr, code: result.code } };
  },
};
