/** A region's maintenance windows and SSM DescribeMaintenanceWindows over them (filters, paging). */
import { DAY, HOUR } from './clock';
import { SimError } from './errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import { derivedHex } from './patch-config';
import { formatNextRun, nextRun, parseSchedule } from './schedule';
import type { FleetStore } from './store';

export interface SimMaintenanceWindow {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  duration: number;
  cutoff: number;
  schedule: string;
  timeZone?: string;
  /** When the window was created (rate schedules count from here). */
  createdAt: number;
  order: number;
}

const LOCAL_ZONE: Record<string, string> = { 'us-east-1': 'America/New_York', 'eu-west-1': 'Europe/Dublin', 'ap-southeast-2': 'Australia/Sydney' };

/** [name, description, schedule, local time zone?, duration h, cutoff h, enabled] */
const WINDOWS: ReadonlyArray<readonly [string, string, string, boolean, number, number, boolean]> = [
  ['prod-linux-patch-sunday', 'Production Linux patching, Sunday night local time', 'cron(0 3 ? * SUN *)', true, 4, 1, true],
  ['prod-windows-patch-sunday', 'Production Windows patching, Sunday night local time', 'cron(0 5 ? * SUN *)', true, 4, 1, true],
  ['staging-patch-weekly', 'Staging patching every 7 days', 'rate(7 days)', false, 3, 1, true],
  ['dev-patch-daily', 'Development patching every night (UTC)', 'cron(0 1 * * ? *)', false, 2, 0, true],
  ['fleet-scan-nightly', 'Patch compliance scan of the whole fleet', 'cron(30 23 * * ? *)', false, 1, 0, true],
  ['sql-patch-second-saturday', 'SQL Server hosts, second Saturday of the month', 'cron(0 2 ? * SAT#2 *)', true, 6, 2, true],
  ['legacy-app-patching', 'Retired: legacy application servers', 'cron(0 4 ? * SAT *)', false, 2, 1, false],
];

export function buildMaintenanceWindows(region: string, now: number, salt: string): SimMaintenanceWindow[] {
  return WINDOWS.map(([name, description, schedule, local, duration, cutoff, enabled], order) => ({
    id: `mw-0${derivedHex(region, name, salt)}`,
    name,
    description,
    enabled,
    duration,
    cutoff,
    schedule,
    timeZone: local ? LOCAL_ZONE[region] : undefined,
    createdAt: now - (40 + order * 17) * DAY - (order + 3) * HOUR - 17_345,
    order,
  }));
}

/** NextExecutionTime for an enabled window (AWS omits it for disabled ones). */
export function nextExecutionTime(window: SimMaintenanceWindow, now: number): string | undefined {
  if (!window.enabled) return undefined;
  const schedule = parseSchedule(window.schedule);
  return formatNextRun(schedule, nextRun(schedule, now, { timeZone: window.timeZone, anchor: window.createdAt }), window.timeZone);
}

export interface MaintenanceWindowsQuery {
  filters?: Array<{ Key: string; Values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

export function queryMaintenanceWindows(store: FleetStore, region: string, query: MaintenanceWindowsQuery): { windows: SimMaintenanceWindow[]; nextToken?: string } {
  const preds: Array<(w: SimMaintenanceWindow) => boolean> = [];
  for (const { Key, Values } of query.filters ?? []) {
    if (Key === 'Name') preds.push((w) => Values.includes(w.name));
    else if (Key === 'Enabled') {
      const wanted = Values.map((v) => v.toLowerCase());
      const bad = wanted.find((v) => v !== 'true' && v !== 'false');
      if (bad) throw new SimError('ValidationException', `Invalid value ${bad} for filter Enabled. Valid values: true, false.`);
      preds.push((w) => wanted.includes(String(w.enabled)));
    } else throw new SimError('ValidationException', `Invalid filter key ${Key}. Valid filter keys: Name, Enabled.`);
  }
  const scope = `DescribeMaintenanceWindows/${region}/${hashToken(JSON.stringify(query.filters ?? []))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('ValidationException', 'The specified token is not valid.');
    after = cursor;
  }
  const windows = store.maintenanceWindows.get(region) ?? [];
  const page = pageAfter(windows, (w) => w.order, after, query.maxResults ?? 10, (w) => preds.every((p) => p(w)));
  return { windows: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}
