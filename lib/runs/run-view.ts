import type { RunDetail } from '@/lib/contracts/run';
import type { StoredRun } from './store';

/** A stored run as the run page shows it: the request without its (possibly huge) list of node IDs. */
export function runView(run: StoredRun): RunDetail['run'] {
  const r = run.request;
  const targets = r.targets.mode === 'nodes' ? { mode: 'nodes' as const, count: r.targets.nodeIds.length } : r.targets;
  return {
    id: run.id, createdAt: run.createdAt, actor: run.actor, document: run.document, documentVersion: run.documentVersion, comment: run.comment,
    targetMode: run.targetMode, targetSummary: run.targetSummary, expectedNodes: run.expectedNodes, regions: run.regions, accounts: run.accounts, commandCount: run.commandCount,
    status: run.status, counts: run.counts, endedAt: run.endedAt, retryOf: run.retryOf, rerunOf: run.rerunOf, cancelRequested: run.cancelRequested,
    spec: {
      document: r.document, documentVersion: run.documentVersion, parameters: r.parameters, targets, maxConcurrency: r.maxConcurrency, maxErrors: r.maxErrors,
      timeoutSeconds: r.timeoutSeconds, output: r.output ?? null, keepUnsupported: r.keepUnsupported,
    },
    commands: run.commands.map(({ instanceIds, ...c }) => ({ ...c, instanceCount: instanceIds?.length ?? null })),
  };
}
