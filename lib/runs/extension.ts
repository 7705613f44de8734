/**
 * What a document adds to the generic preview of a run. Patching (AWS-RunPatchBaseline) is one: it knows which nodes
 * will likely reboot and what the operator types to confirm. Documents without one get the generic preview.
 */
import type { NodeRow } from '@/lib/contracts/node';
import type { RunRequest } from '@/lib/contracts/run-request';

export interface RunExtension {
  /** A note per node in the preview ("likely reboot · 3 missing"). */
  note?(row: NodeRow, req: RunRequest): string | null;
  /** Warnings about the nodes that will run it. */
  warnings?(req: RunRequest, sent: NodeRow[]): string[];
  /** The word of the typed confirmation for production nodes ("INSTALL 12"); default RUN. */
  verb?(req: RunRequest): string;
  /** What running it does to a node ("patched and rebooted"), for exposure warnings; default "run it". */
  effect?(req: RunRequest): string | null;
}
