import 'server-only';
import type { NodeRow, PingStatus } from '@/lib/contracts/node';
import type { Observation } from '../changes';
import type { StoredPoint } from '../store';
import type { DemoCalendar } from './calendar';
import { lostAt, nodeConnectivity } from './connectivity';
import { rngFor, rngFrom, hash } from './rng';

/**
 * The simulated fleet summaries, counted from the same per-node pasts the simulated compliance changes come from, so
 * the fleet chart and every node's timeline tell one story. Connectivity follows each node's last ping and its spells
 * of lost connection (connectivity.ts), with the calendar's dips on top; the agent rollout and the OpsItems likewise.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface NodePast {
  row: NodeRow;
  /** From when the node (or the instance it replaced, in the state of its first observation) counts. */
  counted: number;
  observations: Observation[];
}

/** Counts over the steps: each node adds itself over a time interval; prefix sums give each step's count. */
class Tally {
  private readonly d: Int32Array;
  constructor(private readonly steps: number[]) {
    this.d = new Int32Array(steps.length + 1);
  }
  private idx(t: number): number {
    if (t === Infinity) return this.steps.length;
    const { steps } = this;
    const step = steps.length > 1 ? steps[1] - steps[0] : 1;
    return Math.min(steps.length, Math.max(0, Math.ceil((t - steps[0]) / step)));
  }
  add(from: number, to = Infinity): void {
    const i = this.idx(from);
    const j = this.idx(to);
    if (i < j) {
      this.d[i]++;
      this.d[j]--;
    }
  }
  values(): number[] {
    let run = 0;
    return this.steps.map((_, i) => (run += this.d[i]));
  }
}

const METRICS = [
  'total', 'managed', 'Online', 'ConnectionLost', 'Inactive', 'NotManaged', 'NotRunning', 'Unknown', 'compliant', 'noncompliant', 'notScanned',
  'patchUnknown', 'criticalNodes', 'agentKnown', 'agentOutdated', 'spell',
] as const;
type Metric = (typeof METRICS)[number];

function tallyNode(t: Record<Metric, Tally>, { row, counted, observations }: NodePast, cal: DemoCalendar): void {
  t.total.add(counted);
  const lost = lostAt(row, counted, cal);
  if (lost !== null) t.Online.add(counted, lost);
  t[row.ping satisfies PingStatus].add(lost ?? counted);
  for (const [from, to] of nodeConnectivity(row, counted, cal)?.spells ?? []) t.spell.add(from, to);
  if (!row.managed) return;
  t.managed.add(counted);
  if (row.patchStatus === null) t.patchUnknown.add(counted);
  observations.forEach((o, i) => {
    const from = i === 0 ? counted : o.at;
    const until = observations[i + 1]?.at ?? Infinity;
    t[o.status].add(from, until);
    if ((o.critical ?? 0) > 0) t.criticalNodes.add(from, until);
  });
  if (row.agentLatest === null) return;
  t.agentKnown.add(counted);
  const rng = rngFor(`${row.id}:agent`);
  const rel = Math.max(counted, cal.agentRelease);
  if (row.agentLatest) t.agentOutdated.add(rel, cal.agentRelease + Math.min(6 * DAY, -Math.log(1 - rng()) * 0.8 * DAY) + 10 * MINUTE);
  else t.agentOutdated.add(rng() < 0.4 ? counted : rel); // some were behind already, the rest since the release
}

/** Open OpsItems: a slow random walk that ends at today's count. */
function opsItemsWalk(n: number, current: number, seed: number): number[] {
  const rng = rngFrom(seed);
  const out = new Array<number>(n);
  let v = current;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = v;
    const r = rng();
    v = Math.max(0, v + (r < 0.03 ? -1 : r > 0.97 ? 1 : 0));
  }
  return out;
}

export function demoPoints(cal: DemoCalendar, steps: number[], pasts: NodePast[], current: StoredPoint): StoredPoint[] {
  const t = Object.fromEntries(METRICS.map((m) => [m, new Tally(steps)])) as Record<Metric, Tally>;
  for (const p of pasts) tallyNode(t, p, cal);
  const v = Object.fromEntries(METRICS.map((m) => [m, t[m].values()])) as Record<Metric, number[]>;
  const ops = opsItemsWalk(steps.length, current.openOpsItems, hash(`ops:${steps.length}:${pasts.length}`));
  return steps.map((at, i) => {
    const dip = cal.dips.find((d) => at >= d.from && at < d.to);
    // Online nodes in a spell (lost for a while, back later) count as lost; a dip takes a share of the rest.
    const online = v.Online[i] - v.spell[i];
    const moved = dip ? Math.round(online * dip.share) : 0;
    return {
      at,
      total: v.total[i],
      managed: v.managed[i],
      online: online - moved,
      connectionLost: v.ConnectionLost[i] + v.spell[i] + moved,
      inactive: v.Inactive[i],
      notManaged: v.NotManaged[i],
      notRunning: v.NotRunning[i],
      compliant: v.compliant[i],
      noncompliant: v.noncompliant[i],
      notScanned: v.notScanned[i],
      patchUnknown: v.patchUnknown[i],
      criticalNodes: v.criticalNodes[i],
      agentLatest: v.agentKnown[i] - v.agentOutdated[i],
      agentOutdated: v.agentOutdated[i],
      openOpsItems: ops[i],
      partial: !!dip?.partial && at < dip.from + 60 * MINUTE,
      simulated: true,
    };
  });
}
