import { OUTCOMES } from '@/lib/contracts/command-status';
import { OPS_LIMITS } from '@/lib/contracts/ops-items';
import type { TriageGroup } from '@/lib/contracts/run';
import { formatNumber } from '@/lib/format';
import type { CreatePreset } from '@/components/ops-items/create-draft';

const why = (g: TriageGroup) => (g.outcome === 'failed' && g.exitCode !== null ? `exit code ${g.exitCode}` : OUTCOMES[g.outcome].label.toLowerCase());
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The create form for a failed run's triage group: the server relates the group's nodes (first 100) and records the run,
 * its command IDs, the document and the error sample; a group spanning regions becomes one OpsItem per region.
 */
export function triagePreset(run: { id: string; document: string }, g: TriageGroup): CreatePreset {
  const nodes = `${formatNumber(g.count)} node${g.count === 1 ? '' : 's'}`;
  const description = [
    `Run ${run.id} of ${run.document}: ${nodes} ${g.outcome === 'failed' ? 'failed' : `ended ${OUTCOMES[g.outcome].label}`} in ${g.regions.join(', ')}.`,
    `Signature: ${g.signature}`,
    ...(g.sample ? ['', `Sample from ${g.sample.nodeId}:`, g.sample.text] : []),
  ].join('\n');
  return {
    dialogTitle: `Create OpsItem from ${nodes} that failed the same way`,
    title: `${run.document}: ${nodes} failed (${why(g)})`,
    description: clip(description, OPS_LIMITS.description),
    severity: '2',
    priority: 2,
    category: 'Availability',
    regions: g.regions,
    regionFromSource: true,
    from: { kind: 'triage', runId: run.id, group: g.key },
    sourceNote: (
      <>
        Relates these {nodes}
        {g.count > OPS_LIMITS.relatedNodes ? ` (the first ${OPS_LIMITS.relatedNodes}; the run keeps the full list)` : ' (first 100 if more)'} and records the run, its command IDs, the document and the error sample.
        {g.regions.length > 1 && <b> The group spans {g.regions.length} regions ({g.regions.join(', ')}): one OpsItem per region.</b>}
      </>
    ),
  };
}
