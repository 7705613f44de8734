/** The shell simulation's shared shapes. */
import type { SimNode } from '../../types';
import type { NodeFacts } from './node-facts';

export interface CmdResult {
  out: string;
  err: string;
  code: number;
}

/** One script run on one node: everything a command's output may depend on. */
export interface ShellRun {
  node: SimNode;
  facts: NodeFacts;
  seed: number;
  accountId: string;
  commandId: string;
  /** When the plugin started (simulated epoch ms). */
  start: number;
  /** Where the agent wrote the script (error messages name it). */
  scriptPath: string;
  /** Deterministic in [0, 1) for this run (seed, command, node) and a salt. */
  roll(...salt: Array<string | number>): number;
  vars: Map<string, string>;
  /** 1-based line of the script being run. */
  line: number;
  lastCode: number;
  /** Seconds slept so far (sleep N). */
  slept: number;
  errexit: boolean;
  cwd: string;
}

export type Handler = (args: string[], run: ShellRun, stdin: string) => CmdResult;

export const ok = (out = '', err = ''): CmdResult => ({ out, err, code: 0 });
export const fail = (code: number, err: string, out = ''): CmdResult => ({ out, err, code });

/** Lines with a trailing newline (or "" for none). */
export const lines = (items: readonly string[]): string => (items.length > 0 ? `${items.join('\n')}\n` : '');
