/** A restarted dashboard serves the fleet saved by the one before it at once, marked with its age, while it refreshes. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { getFleetSnapshot, getLiveFleetSnapshot, resetFleetCache } from './fleet';
import { flushSnapshotSaves, resetSaveTimes } from './saved-snapshot';
import { regionStatus } from './types';

const mock = installMockAws({ nodes: 300 });
const file = (region: string) => path.join(process.env.DATA_DIR!, 'snapshots', `${region}.json`);
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

/** A first process reads the fleet and saves it; then "restarts" (same data dir, empty memory). */
async function readThenRestart() {
  resetSaveTimes();
  const before = await getFleetSnapshot();
  await flushSnapshotSaves();
  resetFleetCache({ restart: true });
  mock.stats.reset();
  return before;
}

describe('the fleet saved across a restart', () => {
  beforeEach(() => {
    rmSync(path.join(process.env.DATA_DIR!, 'snapshots'), { recursive: true, force: true });
  });

  it('is served at once after a restart, marked restored with the time it was read, while the first refresh runs', async () => {
    const before = await readThenRestart();
    // Served without waiting for AWS: every region is the saved copy (a read would have replaced it).
    const restored = await getFleetSnapshot();
    expect(ids(restored.nodes)).toEqual(ids(before.nodes));
    // Dated by its oldest read ("Updated 5m ago"), not by the restart.
    expect(restored.generatedAt).toBe(before.regions.map((r) => r.fetchedAt!).sort()[0]);
    for (const r of restored.regions) {
      const was = before.regions.find((b) => b.region === r.region)!;
      expect(regionStatus(r)).toMatchObject({ ok: true, restored: true, fetchedAt: was.fetchedAt, nodes: was.nodes.length });
      expect([...r.extras.keys()].sort()).toEqual([...was.extras.keys()].sort());
    }
    // The node page reads the same copy, SSM extras included.
    const managed = before.nodes.find((n) => n.managed)!;
    expect(restored.byId.get(managed.id)?.region.extras.get(managed.id)).toEqual(before.byId.get(managed.id)!.region.extras.get(managed.id));

    // The refresh it started replaces the copy.
    const fresh = await getLiveFleetSnapshot();
    expect(fresh.regions.every((r) => r.ok && !r.restored)).toBe(true);
    expect(mock.stats.snapshot().total).toBeGreaterThan(0);
    expect(ids(fresh.nodes)).toEqual(ids(before.nodes));
  });

  it('keeps a region that cannot be read after the restart as saved, marked failed and restored', async () => {
    const before = await readThenRestart();
    mock.scenario.failRegions = ['eu-west-1'];
    const after = await getFleetSnapshot({ refresh: true });
    const eu = after.regions.find((r) => r.region === 'eu-west-1')!;
    expect(regionStatus(eu)).toMatchObject({ ok: false, restored: true, fetchedAt: before.regions.find((r) => r.region === 'eu-west-1')!.fetchedAt });
    expect(eu.errors[0].code).toBe('ServiceUnavailable');
    expect(after.regions.find((r) => r.region === 'us-east-1')).toMatchObject({ ok: true });
    expect(after.regions.find((r) => r.region === 'us-east-1')!.restored).toBeUndefined();
    // A failed region's copy on disk is the last good one, not overwritten by the failure.
    await flushSnapshotSaves();
    expect(JSON.parse(readFileSync(file('eu-west-1'), 'utf8')).region.fetchedAt).toBe(eu.fetchedAt);
  });

  it('shows a configured region with no saved copy as not read yet, and ignores copies of another AWS or a broken file', async () => {
    await readThenRestart();
    rmSync(file('ap-southeast-2'));
    const saved = JSON.parse(readFileSync(file('eu-west-1'), 'utf8'));
    writeFileSync(file('eu-west-1'), JSON.stringify({ ...saved, source: JSON.stringify({ endpoint: 'https://elsewhere.example', profile: 'other' }) }));
    writeFileSync(file('us-east-1'), '{"format":1,"source":');
    const snap = await getFleetSnapshot();
    // Nothing usable on disk: the first read is awaited, as before this feature.
    expect(snap.regions.every((r) => r.ok && !r.restored)).toBe(true);

    await flushSnapshotSaves();
    resetSaveTimes();
    await getFleetSnapshot({ refresh: true });
    await flushSnapshotSaves();
    resetFleetCache({ restart: true });
    rmSync(file('ap-southeast-2'));
    mock.scenario.latencyMs = 300;
    const partial = await getFleetSnapshot();
    const ap = partial.regions.find((r) => r.region === 'ap-southeast-2')!;
    expect(regionStatus(ap)).toMatchObject({ ok: false, restored: true, nodes: 0, fetchedAt: null });
    expect(ap.errors[0].code).toBe('NotReadYet');
    expect(partial.regions.filter((r) => r.ok && r.restored).map((r) => r.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    mock.scenario.latencyMs = 0;
    await getLiveFleetSnapshot();
  });

  it('never plans an action from the saved copy: the live snapshot waits for the fresh read', async () => {
    await readThenRestart();
    mock.scenario.failRegions = ['eu-west-1'];
    const live = await getLiveFleetSnapshot();
    expect(live.regions.filter((r) => r.restored && r.ok)).toEqual([]);
    expect(live.regions.find((r) => r.region === 'eu-west-1')!.ok).toBe(false);
  });
});
