/** Which runner a Command document uses: by name for AWS's plugin documents, else its script step. */
import type { ResolvedVersion } from '../../documents/types';
import type { RunResult } from '../types';
import { refreshAssociationRunner, updateAgentRunner } from './agent-runner';
import { ansibleRunner } from './ansible-runner';
import { packageRunner } from './package-runner';
import { patchRunner } from './patch-runner';
import { remoteScriptRunner } from './remote-script-runner';
import { scriptRunner } from './script-runner';
import type { RunContext, Runner, StepOutput } from './types';
import { windowsUpdatesRunner } from './windows-updates-runner';

const BY_NAME: Record<string, Runner> = {
  'AWS-RunPatchBaseline': patchRunner,
  'AWS-UpdateSSMAgent': updateAgentRunner,
  'AWS-RefreshAssociation': refreshAssociationRunner,
  'AWS-ConfigureAWSPackage': packageRunner,
  'AWS-InstallWindowsUpdates': windowsUpdatesRunner,
  'AWS-RunAnsiblePlaybook': ansibleRunner,
  'AWS-RunRemoteScript': remoteScriptRunner,
};

export function runnerFor(doc: ResolvedVersion): Runner {
  return BY_NAME[doc.doc.name] ?? scriptRunner;
}

/** The run's result, with its effects applied to the node. */
export function completeRun(ctx: RunContext): RunResult {
  return runnerFor(ctx.cmd.doc).complete(ctx);
}

/** Each step's output for a finished run ({} before it ended). */
export function renderRun(ctx: RunContext): Record<string, StepOutput> {
  const result = ctx.inv.result;
  const runner = runnerFor(ctx.cmd.doc);
  // Only scripts have partial output to show after an execution timeout.
  if (!result || (result.timedOut && runner !== scriptRunner)) return {};
  return runner.render(ctx, result);
}

export type { RunContext, Runner, StepOutput } from './types';
