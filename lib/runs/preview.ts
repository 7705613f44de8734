/** The preview an operator confirms: pure, so its arithmetic is tested directly. */
import type { NodeRow } from '@/lib/contracts/node';
import type { SentCommand } from '@/lib/contracts/run';
import type { FailedRegion, GroupExposure, NodeFate, PlannedCommand, PreviewNode, RunPreview } from '@/lib/contracts/run-preview';
import { describeTargets, type RunRequest } from '@/lib/contracts/run-request';
import type { RunExtension } from './extension';
import { awsDrafts, effectiveConcurrency, explicitDrafts, withRateControl } from './plan';
import { fateOf, keptRegions, type Resolved } from './targets';
import { exposureOf, previewWarnings } from './preview-warnings';
import { scopeKey } from '@/lib/aws/scope';

const PROD_VALUES = new Set(['prod', 'production', 'prd']);
const isProd = (n: NodeRow) => PROD_VALUES.has((n.tags.Environment ?? '').toLowerCase());

export interface PreviewInput {
  req: RunRequest;
  doc: RunPreview['document'];
  resolved: Resolved;
  fleet: NodeRow[];
  /** Regions where the document exists (null: unknown, assume all). */
  docRegions: string[] | null;
  ext: RunExtension | undefined;
  fleetAsOf: string;
  incomplete: string[];
  /** Regions whose node list failed in the last refresh: their nodes' state is old, and a send there would likely fail. */
  down?: { region: string; lastReadAt: string | null; code: string; reason: string }[];
  retry: RunPreview['retry'];
}

export type BuiltPreview = Omit<RunPreview, 'previewToken'> & { planned: SentCommand[] };

const FATES: NodeFate[] = ['send', 'offline', 'unsupported', 'stopped', 'unmanaged', 'regionDown'];

function previewNode(n: NodeRow, fate: NodeFate, included: boolean, note: string | null): PreviewNode {
  return {
    id: n.id, name: n.name, account: n.account, accountName: n.accountName, region: n.region, ping: n.ping, ec2State: n.ec2State, platformType: n.platformType, platformName: n.platformName,
    environment: n.tags.Environment ?? null, az: n.az, included, fate, note,
  };
}

function plannedView(c: SentCommand): PlannedCommand {
  return {
    account: c.account, region: c.region, instanceCount: c.instanceIds?.length ?? null, targets: c.targets ?? null, byTargets: !!c.byTargets,
    expectedNodes: c.expectedNodes, maxConcurrency: c.maxConcurrency, maxErrors: c.maxErrors,
  };
}

export function buildPreview(i: PreviewInput): BuiltPreview {
  const { req, resolved } = i;
  const inDocRegion = (n: NodeRow) => !i.docRegions || i.docRegions.includes(scopeKey(n));
  // A region that could not be read is left out (its nodes' state is old; AWS there likely fails too) unless kept.
  const kept = new Set(keptRegions(req));
  const leftOut = new Set((i.down ?? []).map((d) => d.region).filter((r) => !kept.has(r)));
  const judged = resolved.rows.map((n) => ({
    n, ...(leftOut.has(scopeKey(n)) ? { fate: 'regionDown' as const, included: false } : fateOf(n, resolved.kind, i.doc.platformTypes, req.keepUnsupported)),
  }));
  const failedRegions: FailedRegion[] = (i.down ?? [])
    .map((d) => ({ ...d, nodes: resolved.rows.filter((n) => scopeKey(n) === d.region).length, kept: kept.has(d.region) }))
    .filter((d) => d.nodes > 0);
  const included = judged.filter((j) => j.included && inDocRegion(j.n));
  const unsupported = new Set(judged.filter((j) => j.fate === 'unsupported').map((j) => j.n.id));
  const drafts = resolved.kind === 'explicit' ? explicitDrafts(included.map((j) => j.n), unsupported) : awsDrafts(included.map((j) => j.n), resolved.targets!);
  const planned = withRateControl(drafts, req.maxConcurrency, req.maxErrors);

  // Per command: the nodes that will actually run it, and how many at once.
  const running = included.filter((j) => j.fate === 'send').map((j) => j.n);
  const perCommand = planned.map((c) => {
    const ids = c.instanceIds ? new Set(c.instanceIds) : null;
    const nodes = running.filter((n) => (ids ? ids.has(n.id) : scopeKey(n) === scopeKey(c)));
    return { nodes, at: effectiveConcurrency(c.maxConcurrency, c.expectedNodes) };
  });
  const maxAtOnce = perCommand.reduce((a, p) => a + Math.min(p.at, p.nodes.length), 0);
  const waves = Math.max(0, ...perCommand.map((p) => (p.nodes.length ? Math.ceil(p.nodes.length / p.at) : 0)));
  const exposure: GroupExposure[] = exposureOf(perCommand, i.fleet);

  const nodes = judged.map((j) => previewNode(j.n, j.fate, j.included && inDocRegion(j.n), i.ext?.note?.(j.n, req) ?? null));
  const counts = Object.fromEntries(FATES.map((f) => [f, 0])) as Record<NodeFate, number>;
  for (const j of judged) counts[j.fate]++;
  const production = included.filter((j) => isProd(j.n)).length;
  // Commands grouped by account and region (the unit SendCommand works in); accounts named for the confirmation.
  const names = new Map(included.map((j) => [j.n.account, j.n.accountName || j.n.account]));
  const byRegion = [...new Set(planned.map(scopeKey))].map((key) => {
    const here = planned.filter((c) => scopeKey(c) === key);
    const { account, region } = here[0];
    return { account, accountName: names.get(account) ?? account, region, commands: here.length, nodes: here.reduce((a, c) => a + c.expectedNodes, 0) };
  });
  const accounts = [...new Set(planned.map((c) => c.account).filter(Boolean))].map((id) => ({
    id, name: names.get(id) ?? id, nodes: planned.filter((c) => c.account === id).reduce((a, c) => a + c.expectedNodes, 0),
  }));
  const warnings = previewWarnings({ req, resolved, judged, planned, exposure, docRegions: i.docRegions, doc: i.doc.name, ext: i.ext, running, failedRegions });
  return {
    request: req, document: i.doc, targetSummary: describeTargets(req.targets), nodes, counts, included: included.length, missing: resolved.missing,
    commands: planned.map(plannedView), byRegion, accounts, maxAtOnce, waves, exposure, warnings, production,
    confirmationPhrase: production ? `${i.ext?.verb?.(req) ?? 'RUN'} ${included.length}` : null,
    retry: i.retry, fleetAsOf: i.fleetAsOf, incomplete: i.incomplete, failedRegions, planned,
  };
}
