import 'server-only';
import { resolveSoftwareFilter } from '@/lib/inventory/software-filter';
import { OUTCOMES, RETRYABLE_OUTCOMES } from '@/lib/contracts/command-status';
import { checkParameters } from '@/lib/contracts/documents';
import type { RunPreview } from '@/lib/contracts/run-preview';
import type { RunRequest } from '@/lib/contracts/run-request';
import { getLiveFleetSnapshot } from '@/lib/fleet/fleet';
import { documentRegions, getDocumentDetail } from '@/lib/documents/catalog';
import { invalid, notFound } from '@/lib/errors';
import { buildPreview, type BuiltPreview } from './preview';
import { previewToken } from './preview-token';
import { resolveTargets } from './targets';
import { extensionFor } from './extensions';
import { runNodes } from './progress';
import { getRun } from './store';
import { scopeKey } from '@/lib/aws/scope';
import { scopeLabel } from '@/lib/contracts/scope-label';

/**
 * The node IDs a retry picks from an earlier run: its failed nodes (not those whose platform the document does not
 * support: they would fail again), some outcomes of them, or one triage group.
 */
async function retryNodeIds(t: Extract<RunRequest['targets'], { mode: 'run' }>): Promise<string[]> {
  if (!getRun(t.runId)) throw notFound('RunNotFound', `no run ${t.runId}`);
  const nodes = await runNodes(t.runId);
  const outcomes = new Set(t.outcomes?.length ? t.outcomes : RETRYABLE_OUTCOMES);
  const picked = nodes.filter((n) => (t.group ? n.group === t.group : outcomes.has(n.outcome) && OUTCOMES[n.outcome].terminal));
  if (!picked.length) throw invalid('NothingToRetry', t.group ? `no node of ${t.runId} is in failure group ${t.group}` : `${t.runId} has no failed node to retry (yet)`);
  return picked.map((n) => n.nodeId);
}

/**
 * A retry keeps the run it retries and its comment (the change ticket), unless the operator gave another comment.
 * Normalized here so the preview, its token and the run agree.
 */
function normalize(req: RunRequest): RunRequest {
  if (req.targets.mode !== 'run') return req;
  const earlier = getRun(req.targets.runId);
  return { ...req, retryOf: req.targets.runId, comment: req.comment ?? earlier?.comment ?? undefined };
}

/** What a run would do against the current fleet (the cached snapshot the operator is looking at, never the copy saved before a restart). Sends nothing. */
export async function previewRun(input: RunRequest): Promise<BuiltPreview & { previewToken: string }> {
  const req = normalize(input);
  const doc = await getDocumentDetail(req.document, req.documentVersion);
  if (doc.documentType !== 'Command') throw invalid('NotACommandDocument', `${req.document} is a ${doc.documentType} document; Run Command takes Command documents`);
  const problems = checkParameters(doc.parameters, req.parameters);
  if (problems.length) throw invalid('InvalidParameters', problems.map((p) => p.message).join('; '));
  const snap = await getLiveFleetSnapshot();
  const runNodeIds = req.targets.mode === 'run' ? await retryNodeIds(req.targets) : undefined;
  const fleet = snap.nodes;
  const byId = new Map(fleet.map((n) => [n.id, n]));
  const sw = req.targets.mode === 'view' ? new URLSearchParams(req.targets.query).get('sw') : null;
  const software = sw ? await resolveSoftwareFilter(sw) : undefined;
  const resolved = resolveTargets(req.targets, { fleet, byId, now: Date.parse(snap.generatedAt), runNodeIds, software });
  const regions = await documentRegions(req.document);
  const retry: RunPreview['retry'] = req.retryOf ? { runId: req.retryOf, comment: req.comment ?? null } : null;
  const built = buildPreview({
    req, doc: { name: doc.name, version: doc.documentVersion ?? req.documentVersion, platformTypes: doc.platformTypes, description: doc.description },
    resolved, fleet, docRegions: regions.length ? regions : null, ext: extensionFor(req.document), fleetAsOf: snap.generatedAt,
    incomplete: snap.regions.filter((r) => !r.ok || r.errors.length).map(scopeLabel), retry,
    down: snap.regions.filter((r) => !r.ok).map((r) => {
      const e = r.errors.find((x) => x.source === 'ssm:DescribeInstanceInformation') ?? r.errors[0];
      // Keyed by scope: one account's region being down leaves the others' nodes of that region alone.
      return { region: scopeKey(r), lastReadAt: r.fetchedAt, code: e?.code ?? 'Error', reason: e?.message ?? 'the node list could not be read' };
    }),
  });
  return { ...built, previewToken: previewToken(built) };
}

/** The preview as the browser gets it (the planned commands' instance IDs stay on the server). */
export function previewBody(p: BuiltPreview & { previewToken: string }): RunPreview {
  const { planned: _planned, ...rest } = p;
  void _planned;
  return rest;
}
