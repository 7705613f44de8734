/** How a Command document runs on a node: duration, timeout, outcome (with effects) and output. */
import type { ResolvedVersion } from '../../documents/types';
import type { LightRng } from '../../prng';
import type { FleetStore } from '../../store';
import type { SimNode } from '../../types';
import type { RunResult, SimCommand, SimInvocation } from '../types';

export interface RunContext {
  store: FleetStore;
  cmd: SimCommand;
  inv: SimInvocation;
  node: SimNode;
  /** When the plugin started and ended (simulated ms). */
  start: number;
  end: number;
}

export interface StepOutput {
  stdout: string;
  stderr: string;
  code: number;
}

export interface Runner {
  /** How long the run takes on a node (ms), drawn at send time. */
  durationMs(rng: LightRng, params: Record<string, string[]>, node: SimNode, doc: ResolvedVersion): number;
  /** The execution timeout (seconds) for these parameters. */
  timeoutSeconds(params: Record<string, string[]>, doc: ResolvedVersion): number;
  /** At the end of the run: its outcome, with its effects applied to the node. */
  complete(ctx: RunContext): RunResult;
  /** Each step that ran on the node -> its output, rendered from the outcome (pure). */
  render(ctx: RunContext, result: RunResult): Record<string, StepOutput>;
}

/** The agent's suffix on stderr for a non-zero exit. */
export const exitSuffix = (code: number) => `failed to run commands: exit status ${code}`;
