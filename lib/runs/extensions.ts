import { PATCH_DOCUMENT, patchRunExtension } from '@/lib/patching/patch-run';
import type { RunExtension } from './extension';

/** Documents whose runs the dashboard knows more about than the generic preview. */
const EXTENSIONS: Record<string, RunExtension> = { [PATCH_DOCUMENT]: patchRunExtension };

export const extensionFor = (document: string): RunExtension | undefined => EXTENSIONS[document];
