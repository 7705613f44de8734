/** The history of real fleet builds through the real SDK and the simulated AWS, and the demo history. */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb, db } from '@/lib/db/database';
import { getFleetSnapshot, getFleetSummary, resetFleetCache } from '@/lib/fleet/fleet';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { installMockAws } from '@/lib/testing/mock-aws';
import { useTempDataDir } from '@/lib/testing/actions';
import { readHistory, readNodeHistory } from './read';

const mock = installMockAws({ nodes: 300 });
const DAY = 86_400_000;

const simulatedRows = () =>
  (db().prepare('SELECT (SELECT count(*) FROM fleet_history WHERE simulated = 1) + (SELECT count(*) FROM compliance_changes WHERE simulated = 1) AS n').get() as { n: number }).n;

beforeEach(() => {
  useTempDataDir();
  delete process.env.DEMO_MODE;
});
afterAll(() => {
  delete process.env.DEMO_MODE;
});

describe('fleet builds are recorded', () => {
  it('records each build with the overview\'s figures, and each node with a known patch state as first seen', async () => {
    const snap = await getFleetSnapshot();
    const summary = await getFleetSummary();
    const h = readHistory(1);
    expect(h.points).toHaveLength(1);
    expect(h.points[0]).toMatchObject({
      at: snap.generatedAt, total: snap.nodes.length, managed: summary.managed, online: summary.byPing.Online,
      noncompliant: summary.patch.noncompliant, agentOutdated: summary.agents.outdated, openOpsItems: summary.opsItems.items,
      partial: false, simulated: false,
    });
    expect(h.recordedSince).toBe(snap.generatedAt);
    const known = snap.nodes.filter((n) => n.patchStatus !== null);
    expect(known.length).toBeGreaterThan(200);
    for (const n of known.slice(0, 50)) {
      expect(readNodeHistory(n.id).changes).toEqual([expect.objectContaining({ from: null, to: n.patchStatus, missing: n.patchMissing, simulated: false })]);
    }
    expect(simulatedRows()).toBe(0); // not in demo mode: nothing generated
  });

  it('records a refresh with a region down as partial', async () => {
    mock.scenario.failRegions = ['eu-west-1'];
    await getFleetSnapshot();
    expect(readHistory(1).points).toEqual([expect.objectContaining({ partial: true })]);
  });

  it('serves the fleet even when the history cannot be written, and logs why', async () => {
    const file = path.join(useTempDataDir(), 'not-a-directory');
    writeFileSync(file, '');
    process.env.DATA_DIR = file;
    closeDb();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const snap = await getFleetSnapshot();
      expect(snap.nodes.length).toBeGreaterThan(250);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[history\]/), expect.anything());
    } finally {
      logged.mockRestore();
    }
  });
});

describe('demo history', () => {
  async function firstDemoStart(): Promise<FleetSnapshot> {
    process.env.DEMO_MODE = '1';
    return getFleetSnapshot();
  }

  it('generates 30 days at first start that end in today\'s fleet, every generated row marked simulated', async () => {
    const snap = await firstDemoStart();
    const now = Date.parse(snap.generatedAt);
    const h = readHistory(30, now + 1000);
    const real = h.points.filter((p) => !p.simulated);
    expect(real).toHaveLength(1);
    expect(h.points[h.points.length - 1]).toBe(real[0]);
    expect(h.recordedSince).toBe(snap.generatedAt);
    expect(Date.parse(h.simulated!.from)).toBeGreaterThan(now - 30 * DAY - 31 * 60_000);
    expect(Date.parse(h.simulated!.from)).toBeLessThanOrEqual(now - 30 * DAY);
    expect(Date.parse(h.simulated!.to)).toBeLessThan(now);
    expect(h.points.length).toBeGreaterThan(350);

    // Generated every 30 minutes: the 7-day chart has a point in each of its 30-minute buckets.
    const week = readHistory(7, now + 1000);
    expect(week.resolutionMinutes).toBe(30);
    expect(week.points.length).toBeGreaterThanOrEqual(7 * 48);

    // No change was recorded from the first real refresh: the generated past ends in each node's current state.
    expect((db().prepare('SELECT count(*) AS n FROM compliance_changes WHERE simulated = 0').get() as { n: number }).n).toBe(0);
    let changedNodes = 0;
    let overwrittenByBaseline = 0;
    for (const n of snap.nodes.filter((r) => r.patchStatus !== null)) {
      const { changes } = readNodeHistory(n.id, now + 1000);
      expect(changes[0], n.id).toMatchObject({ to: n.patchStatus, missing: n.patchMissing, failed: n.patchFailed, critical: n.patchCritical });
      expect(changes[changes.length - 1].from).toBeNull();
      expect(changes.every((c) => c.simulated && Date.parse(c.at) < now)).toBe(true);
      if (changes.length > 1) changedNodes++;
      overwrittenByBaseline += changes.filter((c) => c.overwritten && c.baselineId !== c.previousBaselineId).length;
    }
    expect(changedNodes).toBeGreaterThan(100);
    expect(overwrittenByBaseline).toBeGreaterThan(0);
  });

  it('tells a believable story: patch windows and releases, connectivity dips, an agent release, all ending in today\'s figures', async () => {
    const snap = await firstDemoStart();
    const now = Date.parse(snap.generatedAt);
    const s = await getFleetSummary();
    const week = readHistory(7, now + 1000).points;
    const month = readHistory(30, now + 1000).points.filter((p) => p.simulated);
    const lastSimulated = week[week.length - 2];
    expect(lastSimulated).toMatchObject({ simulated: true, total: snap.nodes.length, managed: s.managed });
    expect(Math.abs(lastSimulated.noncompliant - s.patch.noncompliant)).toBeLessThanOrEqual(0.05 * s.managed);

    const noncompliant = month.map((p) => p.noncompliant);
    expect(Math.min(...noncompliant)).toBeLessThan(0.5 * s.patch.noncompliant); // after patch windows
    expect(Math.max(...noncompliant)).toBeGreaterThanOrEqual(s.patch.noncompliant); // after releases

    // A connectivity dip: online falls by at least 5% from one 30-minute point to the next, and comes back.
    const dips = week.filter((p, i) => i > 0 && p.online < week[i - 1].online - 0.05 * week[i - 1].online);
    expect(dips.length).toBeGreaterThan(0);
    expect(dips.every((p) => p.connectionLost > 0)).toBe(true);

    const outdated = month.map((p) => p.agentOutdated);
    expect(Math.max(...outdated)).toBeGreaterThan(0.8 * s.managed); // the day a new agent came out
    expect(Math.abs(outdated[outdated.length - 1] - s.agents.outdated)).toBeLessThanOrEqual(0.03 * s.managed);
    expect(Math.abs(month[month.length - 1].openOpsItems - s.opsItems.items)).toBeLessThanOrEqual(3);
  });

  it('keeps some nodes lost all month (never none for more than a day) and ends at today\'s connection-lost share', async () => {
    const snap = await firstDemoStart();
    const now = Date.parse(snap.generatedAt);
    const s = await getFleetSummary();
    const h = readHistory(30, now + 1000);
    const simulated = h.points.filter((p) => p.simulated);
    const share = simulated.map((p) => p.connectionLost / p.managed);
    const perDay = (24 * 60) / h.resolutionMinutes;
    let zeroRun = 0;
    for (const [i, v] of share.entries()) {
      zeroRun = v === 0 ? zeroRun + 1 : 0;
      expect(zeroRun, simulated[i].at).toBeLessThanOrEqual(perDay);
    }
    // Nodes lost today dropped off at their last ping, within the last days: the share before is the fleet's baseline.
    const lostSince = Math.min(...snap.nodes.filter((n) => n.ping === 'ConnectionLost' && n.lastPingAt).map((n) => Date.parse(n.lastPingAt!)));
    const before = share.filter((_, i) => Date.parse(simulated[i].at) < lostSince).sort((a, b) => a - b);
    expect(before[Math.floor(before.length / 2)]).toBeGreaterThan(0.01);
    expect(before[Math.floor(before.length / 2)]).toBeLessThan(0.1);
    const today = s.byPing.ConnectionLost / s.managed;
    expect(Math.abs(share[share.length - 1] - today)).toBeLessThan(0.01);
    expect(Math.abs(share[share.length - 2] - today)).toBeLessThan(0.02); // no cliff into today's value
  });

  it('is generated once: not again after a restart, even if the history was emptied since', async () => {
    await firstDemoStart();
    const generated = simulatedRows();
    expect(generated).toBeGreaterThan(1000);
    closeDb();
    resetFleetCache();
    await getFleetSnapshot();
    expect(simulatedRows()).toBe(generated);

    db().exec('DELETE FROM fleet_history; DELETE FROM compliance_changes; DELETE FROM node_compliance_state;');
    closeDb();
    resetFleetCache();
    await getFleetSnapshot();
    expect(simulatedRows()).toBe(0);
    expect(readHistory(1).points).toHaveLength(1);
  });

  it('never invents a past in front of a real one', async () => {
    await getFleetSnapshot(); // recorded outside demo mode
    resetFleetCache();
    process.env.DEMO_MODE = '1';
    await getFleetSnapshot();
    expect(simulatedRows()).toBe(0);
  });
});
