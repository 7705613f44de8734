/** What the operator should know before confirming a run: exposure of groups, nodes left out, error budgets. Pure. */
import type { NodeRow } from '@/lib/contracts/node';
import type { SentCommand } from '@/lib/contracts/run';
import type { FailedRegion, GroupExposure, NodeFate } from '@/lib/contracts/run-preview';
import type { RunRequest } from '@/lib/contracts/run-request';
import type { RunExtension } from './extension';
import { errorBudget } from './plan';
import type { Resolved } from './targets';
import { scopeKey } from '@/lib/aws/scope';
import { scopeLabel } from '@/lib/contracts/scope-label';

const DIMENSIONS: { dimension: GroupExposure['dimension']; key: (n: NodeRow) => string | null }[] = [
  { dimension: 'asg', key: (n) => (n.asg ? `${n.region}/${n.asg}` : null) },
  { dimension: 'az', key: (n) => n.az },
  { dimension: 'environment', key: (n) => n.tags.Environment ?? null },
];

/** Per AZ, environment and Auto Scaling group: how many of its nodes can run the document at the same time. */
export function exposureOf(perCommand: { nodes: NodeRow[]; at: number }[], fleet: NodeRow[]): GroupExposure[] {
  const exposure: GroupExposure[] = [];
  for (const d of DIMENSIONS) {
    const inFleet = new Map<string, number>();
    for (const n of fleet) {
      const k = n.managed ? d.key(n) : null;
      if (k) inFleet.set(k, (inFleet.get(k) ?? 0) + 1);
    }
    const atOnce = new Map<string, number>();
    const targeted = new Map<string, number>();
    for (const p of perCommand) {
      const counts = new Map<string, number>();
      for (const n of p.nodes) {
        const k = d.key(n);
        if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      // In each command, at most min(concurrency, that command's nodes of the group) run together.
      for (const [k, c] of counts) {
        atOnce.set(k, (atOnce.get(k) ?? 0) + Math.min(p.at, c));
        targeted.set(k, (targeted.get(k) ?? 0) + c);
      }
    }
    for (const [group, t] of targeted) {
      const size = inFleet.get(group) ?? t;
      const max = atOnce.get(group) ?? 0;
      exposure.push({ dimension: d.dimension, group, targeted: t, inFleet: size, maxAtOnce: max, wholeGroup: max >= size });
    }
  }
  return exposure.sort((a, b) => Number(b.wholeGroup) - Number(a.wholeGroup) || b.maxAtOnce - a.maxAtOnce);
}

const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
const listed = (ids: string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;

interface WarningInput {
  req: RunRequest;
  resolved: Resolved;
  judged: { n: NodeRow; fate: NodeFate; included: boolean }[];
  planned: SentCommand[];
  exposure: GroupExposure[];
  docRegions: string[] | null;
  doc: string;
  ext: RunExtension | undefined;
  running: NodeRow[];
  failedRegions?: FailedRegion[];
}

const readAt = (iso: string | null) => (iso ? `last read ${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never read');

/** A region that could not be read: its nodes are left out unless kept, and kept ones are planned from old data. */
function regionWarnings(w: WarningInput): string[] {
  return (w.failedRegions ?? []).map((f) => {
    const what = `${f.region} could not be read in the last fleet refresh (${f.reason.replace(/\.$/, '')})`;
    return f.kept
      ? `${what}: kept, ${f.nodes === 1 ? 'its targeted node is' : `its ${n(f.nodes, 'targeted node')} are`} planned from data ${readAt(f.lastReadAt)}; the send there may fail.`
      : `${what}: ${f.nodes === 1 ? 'its targeted node is' : `its ${n(f.nodes, 'targeted node')} are`} left out (their state is from data ${readAt(f.lastReadAt)}). Keep ${f.region} to send there anyway.`;
  });
}

function fateWarnings(w: WarningInput): string[] {
  const out: string[] = [];
  const of = (f: NodeFate) => w.judged.filter((j) => j.fate === f);
  const explicit = w.resolved.kind === 'explicit';
  if (w.resolved.missing.length) out.push(`${n(w.resolved.missing.length, 'node is', 'nodes are')} no longer in the fleet (terminated or gone) and left out: ${listed(w.resolved.missing)}.`);
  const offline = of('offline').length;
  if (offline) out.push(explicit ? `${n(offline, 'node is', 'nodes are')} not Online and left out: AWS cannot deliver commands to them.` : `${n(offline, 'matching node is', 'matching nodes are')} not Online: AWS will try them and they will end Undeliverable or Delivery Timed Out.`);
  const stopped = of('stopped');
  if (stopped.length) out.push(explicit ? `${n(stopped.length, 'EC2 instance is', 'EC2 instances are')} not running and left out: ${listed(stopped.map((j) => j.n.id))}.` : `${n(stopped.length, 'matching EC2 instance is', 'matching EC2 instances are')} not running: AWS targets those registered with Systems Manager, and they will end Delivery Timed Out.`);
  const unmanaged = of('unmanaged').length;
  if (unmanaged) out.push(`${n(unmanaged, 'node is', 'nodes are')} not managed by Systems Manager: no command can reach ${unmanaged === 1 ? 'it' : 'them'}.`);
  const unsupported = of('unsupported').length;
  if (unsupported) {
    out.push(
      !explicit ? `${n(unsupported, 'matching node runs', 'matching nodes run')} a platform ${w.doc} does not support and will end Invalid Platform (AWS resolves the tag; choose nodes instead to leave them out).`
        : w.req.keepUnsupported ? `${n(unsupported, 'node runs', 'nodes run')} a platform ${w.doc} does not support: kept, ${unsupported === 1 ? 'it' : 'they'} will end Invalid Platform.`
          : `${n(unsupported, 'node runs', 'nodes run')} a platform ${w.doc} does not support and ${unsupported === 1 ? 'is' : 'are'} left out (would end Invalid Platform).`,
    );
  }
  if (w.docRegions) {
    const absent = [...new Set(w.judged.filter((j) => j.included && !w.docRegions!.includes(scopeKey(j.n))).map((j) => scopeLabel(j.n)))];
    for (const r of absent) {
      const k = w.judged.filter((j) => j.included && scopeLabel(j.n) === r).length;
      out.push(`${w.doc} does not exist in ${r}: ${k === 1 ? 'its node there is' : `its ${n(k, 'node')} there are`} left out.`);
    }
  }
  return out;
}

function exposureWarnings(w: WarningInput): string[] {
  const effect = w.ext?.effect ? w.ext.effect(w.req) : 'run it';
  if (effect === null) return [];
  const whole = w.exposure.filter((x) => x.wholeGroup && x.inFleet > 1);
  const lines = whole.filter((x) => x.dimension !== 'environment').map((e) => `All ${e.inFleet} nodes of ${e.dimension === 'asg' ? `Auto Scaling group ${e.group.split('/')[1]}` : `Availability Zone ${e.group}`} could ${effect} at the same time.`);
  for (const e of whole.filter((x) => x.dimension === 'environment')) lines.push(`Every node of the ${e.group} environment (${e.inFleet}) could ${effect} at the same time.`);
  return lines.length > 4 ? [...lines.slice(0, 4), `…and ${lines.length - 4} more groups could be affected as a whole (see the table).`] : lines;
}

function errorWarnings(w: WarningInput): string[] {
  if (w.req.maxErrors === '0' || w.req.maxErrors === '0%') return ['MaxErrors 0: the first failed node stops its command from reaching further nodes.'];
  if (!w.req.maxErrors.endsWith('%') && w.planned.length > 1) {
    const budget = w.planned.map((c) => errorBudget(c.maxErrors, c.expectedNodes));
    const shown = budget.length > 12 ? `${budget.slice(0, 12).join(', ')}, …` : budget.join(', ');
    return [`AWS counts errors per command: MaxErrors ${w.req.maxErrors} is split between the ${w.planned.length} commands as ${shown}.`];
  }
  return [];
}

export function previewWarnings(w: WarningInput): string[] {
  return [...regionWarnings(w), ...fateWarnings(w), ...exposureWarnings(w), ...(w.ext?.warnings?.(w.req, w.running) ?? []), ...errorWarnings(w)];
}
