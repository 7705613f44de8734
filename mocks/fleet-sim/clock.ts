/**
 * The simulation clock. Every "now" in the simulated fleet goes through it.
 *
 *   simulated now = start + (real time elapsed x speed) + advanced offset
 *
 * Changing the speed re-anchors the clock at the current simulated time, so time never
 * jumps; advance() moves it forward at once (never backwards: command progress is
 * computed forward from the clock).
 */
export interface SimClock {
  /** Milliseconds since the epoch, simulated. */
  now(): number;
  /** Simulated milliseconds per real millisecond (0 freezes time). */
  readonly speed: number;
  setSpeed(speed: number): void;
  /** Moves simulated time forward by `ms` at once. */
  advance(ms: number): void;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const MAX_TIME_SPEED = 10_000;
export const MAX_ADVANCE_MS = 366 * DAY;

export function checkSpeed(speed: unknown): string | null {
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 0 || speed > MAX_TIME_SPEED) {
    return `speed must be a number between 0 and ${MAX_TIME_SPEED} (got ${JSON.stringify(speed)})`;
  }
  return null;
}

export function checkAdvance(ms: unknown): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    return `advanceMs must be a number of milliseconds between 0 and ${MAX_ADVANCE_MS} (got ${JSON.stringify(ms)})`;
  }
  return null;
}

/** `realNow` is the real time source (Date.now; tests pass a fixed value). */
export function createClock(realNow: () => number = Date.now, initialSpeed = 1): SimClock {
  const bad = checkSpeed(initialSpeed);
  if (bad) throw new RangeError(bad);
  let anchorReal = realNow();
  let anchorSim = anchorReal;
  let speed = initialSpeed;
  const now = () => Math.floor(anchorSim + (realNow() - anchorReal) * speed);
  return {
    now,
    get speed() {
      return speed;
    },
    setSpeed(next) {
      const problem = checkSpeed(next);
      if (problem) throw new RangeError(problem);
      anchorSim = now();
      anchorReal = realNow();
      speed = next;
    },
    advance(ms) {
      const problem = checkAdvance(ms);
      if (problem) throw new RangeError(problem);
      anchorSim += ms;
    },
  };
}
