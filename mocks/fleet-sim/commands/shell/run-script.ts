/**
 * One script run on one node, deterministic per (seed, command, node): where the agent
 * writes the script, the node-level faults that stop it before it starts (a full disk,
 * no PowerShell on Linux), then the Linux or PowerShell interpreter.
 */
import { hashSeed } from '../../prng';
import type { SimNode } from '../../types';
import { hasFullDisk } from './failures';
import { runLinuxScript, type ScriptResult } from './interpreter';
import { nodeFacts } from './node-facts';
import { runPowerShellScript } from './powershell';
import type { ShellRun } from './types';

export interface ScriptRequest {
  seed: number;
  accountId: string;
  commandId: string;
  node: SimNode;
  /** When the plugin started. */
  start: number;
  /** The plugin's folder (awsrunShellScript) and the step's (0.awsrunShellScript or the step name). */
  pluginDir: string;
  stepDir: string;
  powershell: boolean;
  lines: readonly string[];
  workingDirectory: string;
  timeoutSeconds: number;
}

/** The orchestration folder of a step on the node (the agent's layout). */
export function orchestrationDir(node: SimNode, commandId: string, pluginDir: string, stepDir: string): string {
  const windows = nodeFacts(node).family === 'windows';
  if (windows) return `C:\\ProgramData\\Amazon\\SSM\\InstanceData\\${node.id}\\document\\orchestration\\${commandId}\\${pluginDir}\\${stepDir}`;
  return `/var/lib/amazon/ssm/${node.id}/document/orchestration/${commandId}/${pluginDir}/${stepDir}`;
}

const failed = (stderr: string): ScriptResult => ({ stdout: '', stderr, code: 1, timedOut: false });

export function runScript(req: ScriptRequest): ScriptResult {
  const facts = nodeFacts(req.node);
  const windows = facts.family === 'windows';
  const dir = orchestrationDir(req.node, req.commandId, req.pluginDir, req.stepDir);
  const scriptPath = windows ? `${dir}\\_script.ps1` : `${dir}/${req.powershell ? '_script.ps1' : '_script.sh'}`;
  if (hasFullDisk(req.seed, req.node.id)) {
    return failed(`failed to create script file. open ${scriptPath}: ${windows ? 'There is not enough space on the disk.' : 'no space left on device'}`);
  }
  if (req.powershell && !windows) return failed('failed to run commands: exec: "pwsh": executable file not found in $PATH');
  const base = hashSeed('shell', req.seed, req.commandId, req.node.id);
  const run: ShellRun = {
    node: req.node, facts, seed: req.seed, accountId: req.accountId, commandId: req.commandId, start: req.start, scriptPath,
    roll: (...salt) => hashSeed(base, ...salt) / 2 ** 32,
    vars: new Map(), line: 0, lastCode: 0, slept: 0, errexit: false, cwd: req.workingDirectory || dir,
  };
  return windows ? runPowerShellScript(run, req.lines, req.timeoutSeconds) : runLinuxScript(run, req.lines, req.timeoutSeconds);
}
