import 'server-only';
import { SLOT_MS } from '../store';

/**
 * The simulated past of the demo fleet: when patches were released and installed, when the SSM Agent had a new
 * version, when connectivity dipped. All relative to the first real refresh, so the story always ends "now".
 */

export const DEMO_DAYS = 30;
/** One simulated point every 30 minutes (1,440 points), not every 5: the 7-day chart's resolution is 30 minutes anyway. */
export const DEMO_STEP_MINUTES = 30;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Dip {
  from: number;
  to: number;
  /** Share of the online nodes that lost their connection. */
  share: number;
  /** The refreshes during the dip's first hour missed a region (recorded partial). */
  partial: boolean;
}

export interface DemoCalendar {
  start: number;
  /** The first real refresh: simulated points and changes are all before it, in earlier 5-minute slots. */
  end: number;
  step: number;
  /** Weekly patch releases, oldest first; the newest was 2.5 days ago and its patch window is still to come. */
  releases: number[];
  /** Patch windows (Install), three days after each release but the newest. */
  windows: number[];
  /** A few nodes were moved to a stricter baseline around then (a scan with another baseline). */
  baselineSwitch: number;
  /** A new SSM Agent version came out; auto-update rolled it out over the next days. */
  agentRelease: number;
  dips: Dip[];
}

export function demoCalendar(now: number): DemoCalendar {
  const step = DEMO_STEP_MINUTES * 60_000;
  const start = Math.floor((now - DEMO_DAYS * DAY) / step) * step;
  const releases: number[] = [];
  for (let r = now - 2.5 * DAY; r > start - 7 * DAY; r -= 7 * DAY) releases.unshift(r);
  return {
    start,
    end: now,
    step,
    releases,
    windows: releases.slice(0, -1).map((r) => r + 3 * DAY),
    baselineSwitch: now - 12.3 * DAY,
    agentRelease: now - 18.2 * DAY,
    dips: [
      { from: now - 24.3 * DAY, to: now - 24.3 * DAY + 4 * HOUR, share: 0.12, partial: false },
      { from: now - 11.6 * DAY, to: now - 11.6 * DAY + 3 * HOUR, share: 0.3, partial: true },
      { from: now - 3.2 * DAY, to: now - 3.2 * DAY + 2.5 * HOUR, share: 0.06, partial: false },
    ],
  };
}

/** The times of the simulated points: every step from the start up to (not into) the first real refresh's slot. */
export function demoSteps(cal: DemoCalendar): number[] {
  const last = Math.floor(cal.end / SLOT_MS) * SLOT_MS;
  const out: number[] = [];
  for (let t = cal.start; t < last; t += cal.step) out.push(t);
  return out;
}
