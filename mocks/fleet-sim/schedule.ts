/**
 * Maintenance window schedules: the next run of the cron and rate expressions the
 * simulated windows use, formatted as DescribeMaintenanceWindows reports it:
 *   cron windows: minute precision in the window's time zone, e.g. "2019-02-03T02:00-08:00"
 *                 ("...Z" without a time zone)
 *   rate windows: full ISO-8601 in UTC, e.g. "2020-02-25T00:08:15.099Z"
 * Supported cron forms: cron(M H ? * DOW[#n] *) and cron(M H * * ? *), DOW as SUN..SAT.
 */
import { DAY, MINUTE } from './clock';

export type Schedule =
  | { kind: 'cron'; minute: number; hour: number; dayOfWeek?: number; nth?: number }
  | { kind: 'rate'; everyMs: number };

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const UNITS: Record<string, number> = { minute: MINUTE, minutes: MINUTE, hour: 60 * MINUTE, hours: 60 * MINUTE, day: DAY, days: DAY };

export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression);
  if (rate) return { kind: 'rate', everyMs: Number(rate[1]) * UNITS[rate[2]] };
  const cron = /^cron\((\d{1,2}) (\d{1,2}) (\*|\?) \* (\?|\*|[A-Z]{3}(?:#[1-5])?) \*\)$/.exec(expression);
  if (!cron) throw new Error(`unsupported schedule ${expression}`);
  const [, minute, hour, , dow] = cron;
  if (dow === '?' || dow === '*') return { kind: 'cron', minute: Number(minute), hour: Number(hour) };
  const [name, nth] = dow.split('#');
  return { kind: 'cron', minute: Number(minute), hour: Number(hour), dayOfWeek: DAYS.indexOf(name), nth: nth ? Number(nth) : undefined };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at `utcMs`. */
export function zoneOffsetMinutes(timeZone: string | undefined, utcMs: number): number {
  if (!timeZone) return 0;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, fmt);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)?.value);
  const parts = fmt.formatToParts(new Date(utcMs));
  const wall = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'), part(parts, 'hour'), part(parts, 'minute'), part(parts, 'second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE);
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatZoned(utcMs: number, timeZone: string | undefined): string {
  const offset = zoneOffsetMinutes(timeZone, utcMs);
  const wall = new Date(utcMs + offset * MINUTE).toISOString().slice(0, 16);
  if (!timeZone) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The next run strictly after `now` (epoch ms). `anchor` is when a rate schedule started. */
export function nextRun(schedule: Schedule, now: number, opts: { timeZone?: string; anchor: number }): number {
  if (schedule.kind === 'rate') {
    const periods = Math.floor((now - opts.anchor) / schedule.everyMs) + 1;
    return opts.anchor + Math.max(periods, 1) * schedule.everyMs;
  }
  const wallNow = now + zoneOffsetMinutes(opts.timeZone, now) * MINUTE;
  const today = Math.floor(wallNow / DAY) * DAY;
  for (let i = 0; i < 40; i++) {
    const day = today + i * DAY;
    const date = new Date(day);
    if (schedule.dayOfWeek !== undefined && date.getUTCDay() !== schedule.dayOfWeek) continue;
    if (schedule.nth !== undefined && Math.ceil(date.getUTCDate() / 7) !== schedule.nth) continue;
    const wall = day + (schedule.hour * 60 + schedule.minute) * MINUTE;
    const utc = wall - zoneOffsetMinutes(opts.timeZone, wall - zoneOffsetMinutes(opts.timeZone, wall) * MINUTE) * MINUTE;
    if (utc > now) return utc;
  }
  throw new Error('no run found within 40 days');
}

/** NextExecutionTime as DescribeMaintenanceWindows returns it. */
export function formatNextRun(schedule: Schedule, utcMs: number, timeZone: string | undefined): string {
  return schedule.kind === 'rate' ? new Date(utcMs).toISOString() : formatZoned(utcMs, timeZone);
}
