/** Recording refreshes: the 5-minute rule, partial refreshes, pruning, and compliance change detection. */
import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeDb, databasePath, db } from '@/lib/db/database';
import { useTempDataDir } from '@/lib/testing/actions';
import { recordRefresh } from './record';
import { readHistory, readNodeHistory } from './read';
import { DAY, MIN, T0, fleet, nodeId, region, row, snapshot, sourceError } from './test-fleet';

const count = (table: string) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const points = () => db().prepare('SELECT slot, at, compliant, noncompliant, partial FROM fleet_history ORDER BY slot').all() as {
  slot: number; at: number; compliant: number; noncompliant: number; partial: number;
}[];
const changesOf = (i: number, now = T0 + 5 * DAY) => readNodeHistory(nodeId(i), now).changes;

beforeEach(() => {
  useTempDataDir();
  delete process.env.DEMO_MODE;
});

describe('fleet summaries', () => {
  it('keeps one summary per 5-minute slot: the newest refresh in it', () => {
    const rows = fleet(30);
    // 12:00:00 to 12:04:30 every 30 s: one slot; 12:05 opens the next.
    for (let s = 0; s <= 270; s += 30) recordRefresh(snapshot(T0 + s * 1000, s === 270 ? rows.slice(0, 20) : rows));
    recordRefresh(snapshot(T0 + 5 * MIN, rows));
    const kept = points();
    expect(kept).toHaveLength(2);
    expect(kept[0].at).toBe(T0 + 270_000);
    expect(kept[0].compliant + kept[0].noncompliant).toBeLessThan(30); // the newest (smaller) fleet, not the first
    expect(kept[1].at).toBe(T0 + 5 * MIN);
    expect(kept[1].slot - kept[0].slot).toBe(1);
  });

  it('never lets a partial refresh replace a complete one in its slot, but a complete one replaces a partial', () => {
    const rows = fleet(30);
    const failing = snapshot(T0 + MIN, [region(rows, { errors: [sourceError('ssm:DescribeOpsItems')] })]);
    expect(recordRefresh(snapshot(T0, rows)).kept).toBe(true);
    expect(recordRefresh(failing).kept).toBe(false);
    expect(points()).toEqual([expect.objectContaining({ at: T0, partial: 0 })]);

    const next = T0 + 5 * MIN;
    expect(recordRefresh(snapshot(next, [region(rows, { ok: false, errors: [sourceError('ssm:DescribeInstanceInformation')] }), region([row(99)], { region: 'eu-west-1' })])).kept).toBe(true);
    expect(points()[1]).toMatchObject({ at: next, partial: 1 });
    expect(recordRefresh(snapshot(next + MIN, rows)).kept).toBe(true);
    expect(points()[1]).toMatchObject({ at: next + MIN, partial: 0 });
    expect(readHistory(1, next + 2 * MIN).points.map((p) => p.partial)).toEqual([false, false]);
  });

  it('records nothing when every region failed: no figures were read', () => {
    const r = recordRefresh(snapshot(T0, [region([], { ok: false, errors: [sourceError('ssm:DescribeInstanceInformation')] })]));
    expect(r).toEqual({ kept: false, changes: 0, seeded: false });
    expect(count('fleet_history')).toBe(0);
  });

  it('stores the overview figures of the refresh', () => {
    const rows = [row(1), row(2, { status: 'noncompliant', critical: 2 }), row(3, { status: null }), row(4, { status: 'notScanned' }), row(5, { status: null }, { managed: false, ping: 'NotManaged' })];
    recordRefresh(snapshot(T0, rows));
    expect(readHistory(1, T0 + MIN).points).toEqual([
      {
        at: new Date(T0).toISOString(), total: 5, managed: 4, online: 4, connectionLost: 0, inactive: 0, notManaged: 1, notRunning: 0,
        compliant: 1, noncompliant: 1, notScanned: 1, patchUnknown: 1, criticalNodes: 1, agentLatest: 4, agentOutdated: 0, openOpsItems: 0,
        partial: false, simulated: false,
      },
    ]);
  });

  it('prunes summaries, changes and forgotten nodes older than 90 days', () => {
    recordRefresh(snapshot(T0, [row(1), row(2)]));
    recordRefresh(snapshot(T0 + 10 * DAY, [row(1, { status: 'noncompliant' })]));
    expect(count('fleet_history')).toBe(2);
    expect(count('compliance_changes')).toBe(3);

    recordRefresh(snapshot(T0 + 90 * DAY + MIN, [row(1, { status: 'noncompliant' })]));
    expect(points().map((p) => p.at)).toEqual([T0 + 10 * DAY, T0 + 90 * DAY + MIN]);
    expect(changesOf(1, T0 + 90 * DAY + MIN).map((c) => c.to)).toEqual(['noncompliant']); // its first-seen is gone
    expect(count('node_compliance_state')).toBe(1); // node 2 was last seen 90 days ago: forgotten

    // Node 2 comes back: first seen again, not "unchanged since 90 days ago".
    recordRefresh(snapshot(T0 + 91 * DAY, [row(1, { status: 'noncompliant' }), row(2)]));
    expect(changesOf(2, T0 + 91 * DAY)).toEqual([expect.objectContaining({ from: null, to: 'compliant' })]);
  });
});

describe('compliance changes', () => {
  it('records first sight, each status change and each change of missing, failed or critical; nothing else', () => {
    const at = (k: number) => T0 + k * 10 * MIN;
    recordRefresh(snapshot(at(0), [row(1)]));
    recordRefresh(snapshot(at(1), [row(1)])); // the same: nothing
    recordRefresh(snapshot(at(2), [row(1, { status: 'noncompliant', missing: 2 })]));
    recordRefresh(snapshot(at(3), [row(1, { status: 'noncompliant', missing: 2 }, { patchPendingReboot: 1, patchScannedAt: new Date(at(3)).toISOString() })])); // not counted
    recordRefresh(snapshot(at(4), [row(1, { status: 'noncompliant', missing: 5, critical: 1 })]));
    recordRefresh(snapshot(at(5), [row(1, { status: 'noncompliant', missing: 5, critical: 1, failed: 1 })]));
    recordRefresh(snapshot(at(6), [row(1)]));
    const changes = changesOf(1);
    expect(changes.map((c) => [c.from, c.to, c.missing, c.failed, c.critical])).toEqual([
      ['noncompliant', 'compliant', 0, 0, 0],
      ['noncompliant', 'noncompliant', 5, 1, 1],
      ['noncompliant', 'noncompliant', 5, 0, 1],
      ['compliant', 'noncompliant', 2, 0, 0],
      [null, 'compliant', 0, 0, 0],
    ]);
    expect(changes[0]).toMatchObject({ at: new Date(at(6)).toISOString(), overwritten: false, simulated: false, previousOperation: 'Scan' });
  });

  it('marks a change overwritten when the summary comes from another baseline or another operation, not when one becomes known', () => {
    recordRefresh(snapshot(T0, [row(1), row(2), row(3), row(4)]));
    recordRefresh(snapshot(T0 + DAY / 2, [
      row(1, { status: 'noncompliant', baselineId: 'pb-0ffffffffffffffff' }),
      row(2, { status: 'noncompliant', operation: 'Install' }),
      row(3, { status: 'noncompliant' }),
      row(4, { status: 'compliant', operation: 'Install' }), // another operation, same result: no change to record
    ]));
    expect(changesOf(1)[0]).toMatchObject({ overwritten: true, baselineId: 'pb-0ffffffffffffffff', previousBaselineId: 'pb-0123456789abcdef0' });
    expect(changesOf(2)[0]).toMatchObject({ overwritten: true, operation: 'Install', previousOperation: 'Scan' });
    expect(changesOf(3)[0]).toMatchObject({ overwritten: false });
    expect(changesOf(4)).toHaveLength(1);
    // Node 4's state now says Install: its next Scan that finds something is measured against the Install.
    recordRefresh(snapshot(T0 + DAY, [row(4, { status: 'noncompliant' })]));
    expect(changesOf(4)[0]).toMatchObject({ overwritten: true, operation: 'Scan', previousOperation: 'Install' });

    // notScanned (no operation, no baseline) -> compliant is a first scan, not an overwrite.
    recordRefresh(snapshot(T0 + 2 * DAY, [row(5, { status: 'notScanned' })]));
    recordRefresh(snapshot(T0 + 3 * DAY, [row(5, { status: 'compliant', operation: 'Install' })]));
    expect(changesOf(5)[0]).toMatchObject({ from: 'notScanned', to: 'compliant', overwritten: false });
  });

  it('takes no change from a partial refresh: unknown patch states and carried-over regions keep the last known state', () => {
    const us = [row(1), row(2)];
    const eu = [row(3, {}, { region: 'eu-west-1' })];
    recordRefresh(snapshot(T0, [region(us), region(eu)]));
    // US: patch states failed (unknown); EU: node list failed, its rows are carried over from before, but say noncompliant.
    const r = recordRefresh(snapshot(T0 + 10 * MIN, [
      region([row(1, { status: null }), row(2, { status: null })], { errors: [sourceError('ssm:DescribeInstancePatchStates')] }),
      region([row(3, { status: 'noncompliant' }, { region: 'eu-west-1' })], { region: 'eu-west-1', ok: false, errors: [sourceError('ssm:DescribeInstanceInformation')] }),
    ]));
    expect(r).toMatchObject({ kept: true, changes: 0 });
    expect(readHistory(1, T0 + 11 * MIN).points[1]).toMatchObject({ partial: true, patchUnknown: 2 });
    // Patch states are back and unchanged: still nothing; node 1 really changed: one change, from compliant.
    expect(recordRefresh(snapshot(T0 + 20 * MIN, [region([row(1, { status: 'noncompliant' }), row(2)]), region(eu)])).changes).toBe(1);
    expect(changesOf(1)[0]).toMatchObject({ from: 'compliant', to: 'noncompliant' });
  });

  it('at 10,000 nodes, an unchanged refresh writes no node state, and the states survive a restart', () => {
    const rows = fleet(10_000);
    expect(recordRefresh(snapshot(T0, rows)).changes).toBe(10_000);
    const before = db().prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(recordRefresh(snapshot(T0 + MIN, rows)).changes).toBe(0);
    const after = db().prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(after.n - before.n).toBe(1); // the slot's summary, nothing else

    closeDb(); // a restart: the states come from disk
    const changed = rows.map((r, i) => (i === 42 ? row(42, { status: 'noncompliant', missing: 7 }) : r));
    expect(recordRefresh(snapshot(T0 + 2 * MIN, changed)).changes).toBe(1);
  });

  it('reloads the last known states when another connection changed them', () => {
    recordRefresh(snapshot(T0, [row(1)]));
    const other = new Database(databasePath());
    other.prepare("UPDATE node_compliance_state SET status = 'noncompliant', missing = 3").run();
    other.close();
    // Compared with the state on disk (noncompliant), not with the one this process remembers (compliant).
    expect(recordRefresh(snapshot(T0 + MIN, [row(1)])).changes).toBe(1);
    expect(changesOf(1)[0]).toMatchObject({ from: 'noncompliant', to: 'compliant' });
  });
});
