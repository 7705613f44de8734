import type { LaunchSpec } from './run-launcher';
import type { RunTargets } from '@/lib/contracts/run-request';

/** Patching is one use of a run: AWS-RunPatchBaseline with Operation and RebootOption. */
export const patchSpec = (title: string, targets: RunTargets): LaunchSpec => ({
  title, targets, document: 'AWS-RunPatchBaseline', lockDocument: true, parameters: { Operation: ['Scan'], RebootOption: ['RebootIfNeeded'] },
  options: { maxConcurrency: '10%', maxErrors: '0', timeoutSeconds: 3600 },
});

/** The one-click fleet task: bring SSM Agents up to date (AWS-UpdateSSMAgent). */
export const updateAgentSpec = (title: string, targets: RunTargets): LaunchSpec => ({
  title, targets, document: 'AWS-UpdateSSMAgent', lockDocument: true, options: { maxConcurrency: '10%', maxErrors: '5%', timeoutSeconds: 600 },
});

export const commandSpec = (title: string, targets?: RunTargets): LaunchSpec => ({ title, targets, document: 'AWS-RunShellScript' });
