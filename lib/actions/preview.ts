/** Builds the preview an operator confirms: pure, so its arithmetic is tested directly. */
import type { NodeRow } from '@/lib/contracts/node';
import type { GroupExposure, PatchRunPreview, PatchRunRequest, PreviewNode } from '@/lib/contracts/patch-run';
import { describeTargets, effectiveConcurrency, errorBudget, planCommands, resolveTargets } from './plan';

export const PROD_VALUES = new Set(['prod', 'production', 'prd']);
const isProd = (n: NodeRow) => PROD_VALUES.has((n.tags.Environment ?? '').toLowerCase());

function likelyReboot(req: PatchRunRequest, n: NodeRow): boolean {
  if (req.operation !== 'Install' || req.rebootOption !== 'RebootIfNeeded') return false;
  // Something to install or a reboot already owed; unknown patch state counts as "may reboot".
  return n.patchStatus === null || n.patchStatus === 'notScanned' || (n.patchMissing ?? 0) + (n.patchFailed ?? 0) + (n.patchPendingReboot ?? 0) > 0;
}

function previewNode(req: PatchRunRequest, n: NodeRow): PreviewNode {
  return {
    id: n.id, name: n.name, region: n.region, ping: n.ping, environment: n.tags.Environment ?? null, az: n.az, asg: n.asg,
    platform: n.platformName, missing: n.patchMissing, pendingReboot: n.patchPendingReboot,
    likelyReboot: likelyReboot(req, n), unreachable: n.ping !== 'Online',
  };
}

const DIMENSIONS: { dimension: GroupExposure['dimension']; key: (n: NodeRow) => string | null }[] = [
  { dimension: 'asg', key: (n) => (n.asg ? `${n.region}/${n.asg}` : null) },
  { dimension: 'az', key: (n) => n.az },
  { dimension: 'environment', key: (n) => n.tags.Environment ?? null },
];

export function buildPreview(req: PatchRunRequest, fleet: NodeRow[], fleetAsOf: string): Omit<PatchRunPreview, 'previewToken'> {
  const targets = resolveTargets(req.targets, fleet);
  const reachable = targets.filter((n) => n.ping === 'Online');
  const commands = planCommands(req, reachable, targets);
  const sent = req.targets.mode === 'nodes' ? reachable : targets;
  const reachableOf = (ids: Set<string>) => reachable.filter((n) => ids.has(n.id));

  // Per command: how many of its reachable nodes run at once.
  const perCommand = commands.map((c) => {
    const nodes = c.instanceIds
      ? reachableOf(new Set(c.instanceIds))
      : reachable.filter((n) => n.region === c.region);
    return { nodes, at: effectiveConcurrency(c.maxConcurrency, c.instanceIds ? c.instanceIds.length : c.expectedNodes) };
  });
  const maxAtOnce = perCommand.reduce((a, p) => a + Math.min(p.at, p.nodes.length), 0);
  const waves = Math.max(0, ...perCommand.map((p) => (p.nodes.length ? Math.ceil(p.nodes.length / p.at) : 0)));

  const exposure: GroupExposure[] = [];
  for (const d of DIMENSIONS) {
    const inFleet = new Map<string, number>();
    for (const n of fleet) if (n.managed && d.key(n)) inFleet.set(d.key(n)!, (inFleet.get(d.key(n)!) ?? 0) + 1);
    const groups = new Map<string, number>();
    for (const n of reachable) if (d.key(n)) groups.set(d.key(n)!, (groups.get(d.key(n)!) ?? 0) + 1);
    for (const [group, targeted] of groups) {
      // In each command, at most min(concurrency, that command's nodes of the group) run together.
      const atOnce = perCommand.reduce((a, p) => a + Math.min(p.at, p.nodes.filter((n) => d.key(n) === group).length), 0);
      const fleetSize = inFleet.get(group) ?? targeted;
      exposure.push({ dimension: d.dimension, group, targeted, inFleet: fleetSize, maxAtOnce: atOnce, wholeGroup: atOnce >= fleetSize });
    }
  }
  exposure.sort((a, b) => Number(b.wholeGroup) - Number(a.wholeGroup) || b.maxAtOnce - a.maxAtOnce);

  const nodes = targets.map((n) => previewNode(req, n));
  const unreachable = nodes.filter((n) => n.unreachable).length;
  const reboot = nodes.filter((n) => n.likelyReboot && !n.unreachable).length;
  const production = sent.filter(isProd).length;
  const warnings: string[] = [];
  if (unreachable) {
    warnings.push(
      req.targets.mode === 'nodes'
        ? `${unreachable} selected node${unreachable > 1 ? 's are' : ' is'} not Online and will be left out: AWS cannot deliver commands to them.`
        : `${unreachable} matching node${unreachable > 1 ? 's are' : ' is'} not Online: AWS will try them and they will end Undeliverable or Delivery Timed Out.`,
    );
  }
  if (req.targets.mode !== 'nodes') {
    warnings.push('AWS resolves the tag when it sends: it also targets registered nodes this view cannot list (stopped instances); they will end Delivery Timed Out.');
  }
  if (req.operation === 'Install') {
    for (const e of exposure.filter((x) => x.wholeGroup && x.inFleet > 0 && x.dimension !== 'environment')) {
      const what = e.dimension === 'asg' ? `Auto Scaling group ${e.group.split('/')[1]}` : `Availability Zone ${e.group}`;
      warnings.push(`All ${e.inFleet} node${e.inFleet > 1 ? 's' : ''} of ${what} could be patched${req.rebootOption === 'RebootIfNeeded' ? ' and rebooted' : ''} at the same time.`);
    }
    for (const e of exposure.filter((x) => x.wholeGroup && x.dimension === 'environment')) {
      warnings.push(`Every node of the ${e.group} environment (${e.inFleet}) could be patched at the same time.`);
    }
    if (reboot) warnings.push(`${reboot} node${reboot > 1 ? 's' : ''} will likely reboot (RebootIfNeeded with patches to install or a reboot pending).`);
    const budget = commands.map((c) => errorBudget(c.maxErrors, c.expectedNodes));
    if (req.maxErrors === '0' || req.maxErrors === '0%') {
      warnings.push('MaxErrors 0: the first failed node stops its command from reaching further nodes.');
    } else if (!req.maxErrors.endsWith('%') && commands.length > 1) {
      warnings.push(`AWS counts errors per command: MaxErrors ${req.maxErrors} is split between the ${commands.length} commands as ${budget.join(', ')}.`);
    }
  }
  return {
    request: req,
    targetSummary: describeTargets(req.targets),
    nodes,
    reachable: nodes.length - unreachable,
    unreachable,
    unreachableSent: req.targets.mode !== 'nodes' && unreachable > 0,
    likelyReboot: reboot,
    production,
    confirmationPhrase: production ? `${req.operation.toUpperCase()} ${sent.length}` : null,
    commands,
    maxAtOnce,
    waves,
    exposure,
    warnings,
    fleetAsOf,
  };
}
