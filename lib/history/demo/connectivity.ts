import 'server-only';
import type { NodeRow } from '@/lib/contracts/node';
import type { DemoCalendar } from './calendar';
import { WINDOW_OFFSET } from './node-trajectory';
import { rngFor, type Rng } from './rng';

/**
 * A managed node's simulated connectivity: online from when it counts until its last ping if it is lost (or inactive)
 * today, and, before that, the times it lost its connection and came back: reboots that took a while (after a patch
 * window's install, most often), agents that stopped and were restarted, network trouble. A few percent of the fleet
 * is in such a spell at any time; the flaky nodes have more of them. Every spell ends before the node's last ping (or,
 * for a node online today, before the last simulated point), so the past ends in today's state.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Spells per day of a flaky node and of any other; one node in four is flaky, and most nodes lost today are. */
const FLAKY_RATE = 0.17;
const STEADY_RATE = 0.03;
/** Nodes whose install in a patch window rebooted them and that took a while to reconnect. */
const SLOW_REBOOT = 0.05;
/** Spells are drawn from this long before the simulated start, so the first point already has its share. */
const WARM_UP = 6 * DAY;

export interface Connectivity {
  /** Online from `counted` until this time (the last ping, or the end of the simulation). */
  onlineUntil: number;
  /** Lost in between and back again, [from, to), sorted, not overlapping, all within [counted, onlineUntil). */
  spells: Array<[number, number]>;
}

/** How long a spell lasts: mostly under a day, a fifth of them days. SSM calls a node lost after a few minutes. */
function spellLength(rng: Rng): number {
  const r = rng();
  if (r < 0.45) return 20 * MINUTE + rng() * 100 * MINUTE;
  if (r < 0.8) return 2 * HOUR + rng() * 22 * HOUR;
  return DAY + rng() * 3 * DAY;
}

const exponential = (rng: Rng, perDay: number) => (-Math.log(1 - rng()) / perDay) * DAY;

/** When the node dropped off for good (its last ping, which SSM notices minutes later), if that was within the simulated days. */
export function lostAt(row: NodeRow, counted: number, cal: DemoCalendar): number | null {
  if (row.ping !== 'ConnectionLost' && row.ping !== 'Inactive') return null;
  const lost = row.lastPingAt ? Date.parse(row.lastPingAt) + 10 * MINUTE : NaN;
  return lost > counted && lost < cal.end ? lost : null;
}

/**
 * The node's spells before `until` (its last ping, or the end): a spell that would reach past it is left out, not cut
 * short, so the share of nodes lost eases off towards the end rather than dropping at it.
 */
export function nodeConnectivity(row: NodeRow, counted: number, cal: DemoCalendar): Connectivity | null {
  if (!row.managed) return null;
  const lost = lostAt(row, counted, cal);
  const onlineToday = row.ping === 'Online';
  if (!onlineToday && lost === null) return null; // lost (or inactive) since before it counted: never online here
  const onlineUntil = lost ?? cal.end;
  // Spells end before the last ping, or an hour before the first real refresh (the last simulated point is within it).
  const until = onlineToday ? cal.end - HOUR : onlineUntil - 30 * MINUTE;
  const rng = rngFor(`${row.id}:ping`);
  const flaky = rng() < (onlineToday ? 0.25 : 0.6);
  const rate = flaky ? FLAKY_RATE : STEADY_RATE;
  const spells: Array<[number, number]> = [];
  const drawn: Array<[number, number]> = [];
  const from = counted > cal.start ? counted : cal.start - WARM_UP;
  for (let t = from + exponential(rng, rate); t < until; ) {
    const to = t + spellLength(rng);
    drawn.push([t, to]);
    t = to + exponential(rng, rate);
  }
  // A slow reboot after the install in a patch window (dev first, prod two days later).
  const env = (row.tags.Environment ?? '').toLowerCase();
  for (const w of cal.windows) {
    if (rng() >= SLOW_REBOOT) continue;
    const at = w + (WINDOW_OFFSET[env] ?? 0) + (30 + rng() * 90) * MINUTE;
    drawn.push([at, at + 30 * MINUTE + rng() * 150 * MINUTE]);
  }
  drawn.sort((a, b) => a[0] - b[0]);
  for (const [a, b] of drawn) {
    if (b > until) continue;
    const start = Math.max(a, counted);
    const prev = spells[spells.length - 1];
    if (prev && start <= prev[1]) prev[1] = Math.max(prev[1], b);
    else if (start < b) spells.push([start, b]);
  }
  return { onlineUntil, spells };
}
