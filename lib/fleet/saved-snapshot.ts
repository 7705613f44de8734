import 'server-only';
import { sameScope, scopeKey, type AwsScope } from '@/lib/aws/scope';
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { awsSettings } from '@/lib/aws/config';
import type { FleetSnapshot, RegionSnapshot } from './types';

/**
 * The last good read of each region, kept on disk (DATA_DIR/snapshots/<region>.json) so that a restarted dashboard
 * shows the fleet at once, marked `restored` with the time it was read, while its first refresh runs. Only regions
 * read whole are saved (a failed region keeps its last good copy), at most once per SNAPSHOT_SAVE_SECONDS (default 60)
 * per region, written to a temporary file and renamed so a crash never leaves half a file. A copy is used only by a
 * dashboard reading the same AWS (endpoint and profile) in the same format; anything else is ignored.
 */
// 2: a saved region carries its account.
const FORMAT = 2;

interface SavedRegion {
  format: number;
  source: string;
  savedAt: string;
  region: Omit<RegionSnapshot, 'extras' | 'opsItems' | 'restored'> & {
    extras: [string, unknown][];
    opsItems: [string, unknown][];
  };
}

const dir = () => path.resolve(process.env.DATA_DIR || '.data', 'snapshots');
/** <region>.json for the base identity, <account>-<region>.json for an account of the accounts file. */
const fileOf = (scope: AwsScope) => path.join(dir(), `${scopeKey(scope).replace('/', '-')}.json`);
const saveEveryMs = () => {
  const n = Number(process.env.SNAPSHOT_SAVE_SECONDS);
  return (Number.isFinite(n) && n >= 0 && process.env.SNAPSHOT_SAVE_SECONDS?.trim() ? n : 60) * 1000;
};

/** What the copy was read from: a copy of another account or endpoint is never shown as this one. */
function sourceKey(): string {
  const { endpoint, profile } = awsSettings();
  return JSON.stringify({ endpoint: endpoint ?? 'aws', profile: profile ?? 'default' });
}

const g = globalThis as unknown as { __savedAt?: Map<string, number>; __saving?: Promise<void> };

/** Save the regions of a fresh snapshot (in the background: never delays or fails a refresh). */
export function saveSnapshot(snap: FleetSnapshot): Promise<void> {
  const last = (g.__savedAt ??= new Map());
  const now = Date.now();
  const due = snap.regions.filter((r) => r.ok && !r.restored && now - (last.get(scopeKey(r)) ?? -Infinity) >= saveEveryMs());
  if (!due.length) return g.__saving ?? Promise.resolve();
  for (const r of due) last.set(scopeKey(r), now);
  const source = sourceKey();
  // One write at a time, in order: a slow disk never has two copies of a region being written at once.
  const p = (g.__saving ?? Promise.resolve()).then(async () => {
    try {
      mkdirSync(dir(), { recursive: true });
      for (const r of due) {
        const { extras, opsItems, ...rest } = r; // never a restored region (see `due`)
        const saved: SavedRegion = { format: FORMAT, source, savedAt: new Date().toISOString(), region: { ...rest, extras: [...extras], opsItems: [...opsItems] } };
        const file = fileOf(r);
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(saved));
        await rename(tmp, file);
      }
    } catch (err) {
      for (const r of due) last.delete(scopeKey(r));
      console.error('[fleet] could not save the fleet snapshot:', (err as Error).message);
    }
  });
  g.__saving = p;
  return p;
}

/** The saved copies of the given scopes (those with no usable copy are left out), marked restored. */
export function loadSavedRegions(scopes: readonly AwsScope[]): RegionSnapshot[] {
  const source = sourceKey();
  const out: RegionSnapshot[] = [];
  for (const scope of scopes) {
    let text: string;
    try {
      text = readFileSync(fileOf(scope), 'utf8');
    } catch {
      continue; // none saved yet
    }
    try {
      const saved = JSON.parse(text) as SavedRegion;
      if (saved.format !== FORMAT || saved.source !== source || !saved.region || !sameScope(saved.region, scope) || !Array.isArray(saved.region.nodes)) continue;
      const r = saved.region;
      out.push({ ...r, extras: new Map(r.extras) as RegionSnapshot['extras'], opsItems: new Map(r.opsItems) as RegionSnapshot['opsItems'], restored: true });
    } catch (err) {
      console.error(`[fleet] ignoring the saved snapshot of ${scopeKey(scope)}:`, (err as Error).message);
    }
  }
  return out;
}

/** Tests and benchmarks: the saves under way, done. */
export function flushSnapshotSaves(): Promise<void> {
  return g.__saving ?? Promise.resolve();
}

/** Tests: forget when regions were last saved. */
export function resetSaveTimes(): void {
  g.__savedAt?.clear();
  g.__saving = undefined;
}
