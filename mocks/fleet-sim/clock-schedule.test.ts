import { describe, expect, it } from 'vitest';
import { createClock, DAY, HOUR } from './clock';
import { buildMaintenanceWindows, nextExecutionTime } from './maintenance-windows';
import { formatNextRun, nextRun, parseSchedule, zoneOffsetMinutes } from './schedule';

describe('simulation clock', () => {
  it('runs at its speed from the real clock, re-anchors on speed changes (no jump) and advances at once', () => {
    let real = 1_000_000;
    const clock = createClock(() => real, 1);
    real += 500;
    expect(clock.now()).toBe(1_000_500);
    clock.setSpeed(60);
    expect(clock.now()).toBe(1_000_500);
    real += 1000;
    expect(clock.now()).toBe(1_060_500);
    clock.advance(HOUR);
    expect(clock.now()).toBe(1_060_500 + HOUR);
    clock.setSpeed(0);
    real += 99_999;
    expect(clock.now()).toBe(1_060_500 + HOUR);
    expect(clock.speed).toBe(0);
  });

  it('rejects speeds and advances it cannot honour', () => {
    const clock = createClock(() => 0);
    expect(() => clock.setSpeed(-1)).toThrow(RangeError);
    expect(() => clock.setSpeed(Number.NaN)).toThrow(/speed must be a number between 0 and 10000/);
    expect(() => clock.setSpeed(10_001)).toThrow(RangeError);
    expect(() => clock.advance(-5)).toThrow(/advanceMs must be/);
    expect(() => clock.advance(400 * DAY)).toThrow(RangeError);
    expect(() => createClock(() => 0, Infinity)).toThrow(RangeError);
    expect(clock.now()).toBe(0);
  });
});

describe('maintenance window schedules', () => {
  const SUNDAY_NOON = Date.UTC(2025, 5, 1, 12);

  it('computes cron runs in the window time zone, across daylight saving changes', () => {
    const weekly = parseSchedule('cron(0 3 ? * SUN *)');
    expect(formatNextRun(weekly, nextRun(weekly, SUNDAY_NOON, { timeZone: 'America/New_York', anchor: 0 }), 'America/New_York')).toBe('2025-06-08T03:00-04:00');
    const winter = Date.UTC(2025, 10, 1, 12); // Saturday; US DST ends Sunday 2 November
    expect(formatNextRun(weekly, nextRun(weekly, winter, { timeZone: 'America/New_York', anchor: 0 }), 'America/New_York')).toBe('2025-11-02T03:00-05:00');
    expect(new Date(nextRun(weekly, winter, { timeZone: 'America/New_York', anchor: 0 })).toISOString()).toBe('2025-11-02T08:00:00.000Z');
    expect(formatNextRun(weekly, nextRun(weekly, SUNDAY_NOON, { timeZone: 'Australia/Sydney', anchor: 0 }), 'Australia/Sydney')).toBe('2025-06-08T03:00+10:00');
    expect(zoneOffsetMinutes('Europe/Dublin', SUNDAY_NOON)).toBe(60);
  });

  it('supports daily, nth-weekday and rate schedules', () => {
    const daily = parseSchedule('cron(30 23 * * ? *)');
    expect(formatNextRun(daily, nextRun(daily, SUNDAY_NOON, { anchor: 0 }), undefined)).toBe('2025-06-01T23:30Z');
    const secondSaturday = parseSchedule('cron(0 2 ? * SAT#2 *)');
    expect(new Date(nextRun(secondSaturday, SUNDAY_NOON, { anchor: 0 })).toISOString()).toBe('2025-06-14T02:00:00.000Z');
    const rate = parseSchedule('rate(7 days)');
    const anchor = SUNDAY_NOON - 10 * DAY + 1234;
    expect(formatNextRun(rate, nextRun(rate, SUNDAY_NOON, { anchor }), undefined)).toBe(new Date(anchor + 14 * DAY).toISOString());
    expect(() => parseSchedule('cron(0 3 L * ? *)')).toThrow(/unsupported schedule/);
  });

  it('gives each region enabled windows a next run after now, and none to disabled ones', () => {
    const windows = buildMaintenanceWindows('eu-west-1', SUNDAY_NOON, 'salt');
    expect(windows.every((w) => /^mw-[0-9a-f]{17}$/.test(w.id))).toBe(true);
    for (const w of windows) {
      const next = nextExecutionTime(w, SUNDAY_NOON);
      if (!w.enabled) expect(next).toBeUndefined();
      else expect(Date.parse(next as string)).toBeGreaterThan(SUNDAY_NOON);
    }
    expect(nextExecutionTime(windows[0], SUNDAY_NOON)).toBe('2025-06-08T03:00+01:00');
  });
});
