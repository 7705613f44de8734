/** AWS-RunPatchBaseline: Scan/Install effects on the node's patch list (effects.ts), output (patch-output.ts). */
import { platformSpec } from '../../catalog';
import { patchRun } from '../effects';
import { renderPatchOutput } from '../patch-output';
import type { Runner } from './types';

const STEP = { Windows: 'PatchWindows', Linux: 'PatchLinux', MacOS: 'PatchMacOS' } as const;

export const patchRunner: Runner = {
  durationMs(rng, params, node) {
    const windows = platformSpec(node.platform).platformType === 'Windows';
    const install = params.Operation[0] === 'Install';
    const [min, max] = install ? (windows ? [30, 75] : [15, 45]) : windows ? [10, 25] : [5, 15];
    return Math.round(rng.range(min, max) * 1000);
  },
  timeoutSeconds: () => 7200,
  complete: (ctx) => patchRun(ctx.store, ctx.cmd, ctx.inv, ctx.node, ctx.end),
  render(ctx, result) {
    if (!result.patch) return {};
    const { stdout, stderr } = renderPatchOutput(ctx.cmd, ctx.inv, ctx.node, result.patch);
    return { [STEP[platformSpec(ctx.node.platform).platformType]]: { stdout, stderr, code: result.exitCode } };
  },
};
