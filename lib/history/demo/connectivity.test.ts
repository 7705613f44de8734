/** The demo history's connectivity: each node's spells of lost connection, and the fleet's share lost over the month. */
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/lib/contracts/node';
import type { StoredPoint } from '../store';
import { DAY, MIN, T0, row } from '../test-fleet';
import { demoCalendar, demoSteps } from './calendar';
import { nodeConnectivity } from './connectivity';
import { demoPoints } from './fleet-points';
import { countedFrom, nodeObservations } from './node-trajectory';

const HOUR = 60 * MIN;
const cal = demoCalendar(T0);

/**
 * A fleet as the simulated AWS reports it: about one node in ten lost its connection in the last six days (its last
 * ping 1 to 144 hours ago), a few inactive for weeks, a few not managed.
 */
function demoFleet(n: number): NodeRow[] {
  return Array.from({ length: n }, (_, i) => {
    const u = ((i * 2654435761) >>> 0) / 2 ** 32;
    if (i % 10 === 3) return row(i, {}, { ping: 'ConnectionLost', lastPingAt: new Date(T0 - (1 + u * 143) * HOUR).toISOString() });
    if (i % 40 === 7) return row(i, {}, { ping: 'Inactive', lastPingAt: new Date(T0 - (14 + u * 46) * DAY).toISOString() });
    if (i % 50 === 11) return row(i, { status: null }, { ping: 'NotManaged', managed: false, lastPingAt: null });
    return row(i, {}, { lastPingAt: new Date(T0 - u * 5 * MIN).toISOString(), launchTime: i % 7 === 0 ? new Date(T0 - u * 20 * DAY).toISOString() : '2024-01-01T00:00:00.000Z' });
  });
}

function month(rows: NodeRow[]) {
  const pasts = rows.map((r) => ({ row: r, counted: countedFrom(r, cal), observations: nodeObservations(r, cal) }));
  const current = { openOpsItems: 0 } as StoredPoint;
  return demoPoints(cal, demoSteps(cal), pasts, current);
}

describe('demo connectivity', () => {
  it('a node lost today was online until its last ping; its earlier spells, and an online node\'s, all ended before', () => {
    const rows = demoFleet(3000);
    let spells = 0;
    for (const r of rows) {
      const counted = countedFrom(r, cal);
      const c = nodeConnectivity(r, counted, cal);
      if (!r.managed) {
        expect(c).toBeNull();
        continue;
      }
      if (r.ping === 'Inactive' && Date.parse(r.lastPingAt!) < counted) {
        expect(c).toBeNull(); // inactive all month
        continue;
      }
      expect(c, r.id).not.toBeNull();
      const until = r.ping === 'Online' ? cal.end - HOUR : Date.parse(r.lastPingAt!);
      if (r.ping !== 'Online') expect(c!.onlineUntil).toBe(Date.parse(r.lastPingAt!) + 10 * MIN);
      let last = -Infinity;
      for (const [from, to] of c!.spells) {
        expect(from).toBeGreaterThanOrEqual(counted);
        expect(from).toBeGreaterThan(last);
        expect(to).toBeGreaterThan(from);
        expect(to).toBeLessThanOrEqual(until);
        last = to;
        spells++;
      }
    }
    expect(spells).toBeGreaterThan(rows.length * 0.5); // nodes drop and come back: reboots, agent restarts, network trouble
  });

  it('keeps a few percent of the fleet lost at any time, never none for a day, with dips, and ends at today\'s share', () => {
    const rows = demoFleet(3000);
    const points = month(rows);
    const share = points.map((p) => p.connectionLost / p.managed);
    const today = rows.filter((r) => r.ping === 'ConnectionLost').length / rows.filter((r) => r.managed).length;

    // Never 0 for more than a day (48 points of 30 minutes); here, never 0 at all.
    let zeroRun = 0;
    for (const s of share) {
      zeroRun = s === 0 ? zeroRun + 1 : 0;
      expect(zeroRun).toBeLessThanOrEqual(48);
    }
    expect(Math.min(...share)).toBeGreaterThan(0.01);
    // A baseline of a few percent before today's lost nodes dropped off (all in the last six days) ...
    const early = share.filter((_, i) => points[i].at < T0 - 7 * DAY && !cal.dips.some((d) => points[i].at >= d.from && points[i].at < d.to));
    const median = [...early].sort((a, b) => a - b)[Math.floor(early.length / 2)];
    expect(median).toBeGreaterThan(0.02);
    expect(median).toBeLessThan(0.08);
    // ... the calendar's dips on top ...
    expect(Math.max(...share)).toBeGreaterThan(median + 0.1);
    // ... and today's share at the end, reached without a cliff: no step of more than 1.5 points outside the dips.
    expect(share[share.length - 1]).toBeCloseTo(today, 3);
    for (let i = 1; i < points.length; i++) {
      const inDip = cal.dips.some((d) => points[i].at >= d.from - cal.step && points[i].at < d.to + cal.step);
      if (!inDip) expect(Math.abs(share[i] - share[i - 1]), new Date(points[i].at).toISOString()).toBeLessThan(0.015);
    }
    // Every simulated point accounts for every managed node.
    for (const p of points) expect(p.online + p.connectionLost + p.inactive).toBe(p.managed);
  });
});
