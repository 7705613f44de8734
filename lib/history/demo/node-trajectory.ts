import 'server-only';
import type { NodeRow } from '@/lib/contracts/node';
import { observe, type Observation } from '../changes';
import type { DemoCalendar } from './calendar';
import { hash, int, rngFor, type Rng } from './rng';

/**
 * One node's simulated patch past, as the scans a refresh would have observed, ending in the node's current state:
 * weekly releases make some nodes noncompliant at their next daily scan, patch windows fix most of them (an Install,
 * which replaces the Scan's summary), a few installs fail, a few nodes move to a stricter baseline. The node's last
 * scan (patchScannedAt) reported its current state; nothing is simulated after it.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** When the node joined the simulated fleet: its launch, if that was within the simulated days. */
export function appearedAt(row: NodeRow, cal: DemoCalendar): number {
  const launched = row.launchTime ? Date.parse(row.launchTime) : NaN;
  return launched > cal.start && launched < cal.end ? launched : cal.start;
}

/**
 * From when the node counts in the simulated fleet figures. Most instances launched within the simulated days replaced
 * an earlier one (Auto Scaling, rebuilds), which the figures count in their place; one in three is growth.
 */
export function countedFrom(row: NodeRow, cal: DemoCalendar, appear = appearedAt(row, cal)): number {
  return appear > cal.start && hash(`${row.id}:growth`) % 3 !== 0 ? cal.start : appear;
}

type Kind = 'slip' | 'newest' | 'install' | 'rescan' | 'switch';
interface Event {
  at: number;
  kind: Kind;
  fixes?: boolean;
}

/** Patch windows by environment: dev first, then staging, prod two days after dev. */
export const WINDOW_OFFSET: Record<string, number> = { dev: 0, test: 0, staging: DAY, prod: 2 * DAY };

function slip(o: Observation, rng: Rng, extra = 0): void {
  o.status = 'noncompliant';
  o.missing = (o.missing ?? 0) + 1 + int(rng, 4) + extra;
  o.critical = (o.critical ?? 0) + (rng() < 0.3 ? 1 : 0);
}

function clean(o: Observation): void {
  o.status = 'compliant';
  o.missing = o.failed = o.critical = o.pendingReboot = 0;
}

/** A made-up earlier baseline ID, shaped like the node's current one. */
function legacyBaseline(id: string): string {
  const legacy = id.replace(/pb-0[0-9a-f]+$/i, `pb-0${hash(id).toString(16).padStart(8, '0')}a1e9ac7b`);
  return legacy === id ? `${id}-previous` : legacy;
}

export function nodeObservations(row: NodeRow, cal: DemoCalendar): Observation[] {
  const final = observe(row, cal.end);
  if (!final) return [];
  const appear = appearedAt(row, cal);
  const lastScan = Math.min(final.scannedAt ?? cal.end, cal.end - MINUTE);
  // Never scanned, or not since it joined: its current state is all there is to show.
  if (final.status === 'notScanned' || lastScan <= appear) return [{ ...final, at: appear }];

  const rng = rngFor(row.id);
  const env = (row.tags.Environment ?? '').toLowerCase();
  const pSlip = env === 'prod' ? 0.3 : env === 'staging' ? 0.45 : 0.55;
  const pFix = env === 'prod' ? 0.92 : 0.8;
  const scanTime = rng() * DAY;
  const nextScan = (t: number) => t + ((scanTime - (t % DAY) + DAY) % DAY) + (rng() < 0.2 ? DAY : 0);
  const events: Event[] = [];
  const newest = cal.releases[cal.releases.length - 1];
  for (const r of cal.releases) {
    if (r === newest) {
      if (final.status === 'noncompliant') events.push({ at: nextScan(r), kind: 'newest' });
    } else if (rng() < pSlip) events.push({ at: nextScan(r), kind: 'slip' });
  }
  const lastWindow = cal.windows[cal.windows.length - 1];
  for (const w of cal.windows) {
    const at = w + (WINDOW_OFFSET[env] ?? 0) + (20 + int(rng, 70)) * MINUTE;
    events.push({ at, kind: 'install', fixes: rng() < pFix || (w === lastWindow && final.status === 'compliant') });
    // The next daily scan finds the same patches: no change, but the summary is a Scan's again.
    events.push({ at: nextScan(at + MINUTE), kind: 'rescan' });
  }
  const switchAt = final.baselineId && rng() < 0.06 ? cal.baselineSwitch + rng() * DAY : null;
  if (switchAt !== null) events.push({ at: switchAt, kind: 'switch' });

  const o: Observation = { ...final, at: appear, scannedAt: appear, operation: 'Scan' };
  if (rng() < pSlip) slip(o, rng);
  else clean(o);
  if (switchAt !== null && appear < switchAt) o.baselineId = legacyBaseline(final.baselineId!);
  const out: Observation[] = [{ ...o }];
  for (const e of events.sort((a, b) => a.at - b.at)) {
    if (e.at <= appear) continue;
    if (e.at >= lastScan) break;
    if (e.kind === 'newest') Object.assign(o, final);
    o.at = o.scannedAt = e.at;
    if (e.kind === 'slip' || e.kind === 'switch' || e.kind === 'rescan') o.operation = 'Scan';
    if (e.kind === 'slip') slip(o, rng);
    if (e.kind === 'switch') {
      o.baselineId = final.baselineId; // a stricter baseline: more patches count as missing
      slip(o, rng, 2);
    }
    if (e.kind === 'install') {
      o.operation = 'Install';
      if (o.status === 'compliant' || e.fixes) clean(o);
      else {
        o.failed = 1 + int(rng, 2);
        o.missing = Math.max(1, (o.missing ?? 1) - 1);
      }
    }
    out.push({ ...o });
  }
  out.push({ ...final, at: lastScan });
  return out;
}
