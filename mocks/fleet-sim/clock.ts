/**
 * The simulation clock. Every "now" in the simulated fleet goes through it, so later
 * work can speed time up or advance it without touching the fleet code.
 */
export interface SimClock {
  /** Milliseconds since the epoch, simulated. */
  now(): number;
}

export function createClock(now: () => number = Date.now): SimClock {
  return { now };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
