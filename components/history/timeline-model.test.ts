import { describe, expect, it } from 'vitest';
import type { ComplianceChange } from '@/lib/contracts/history';
import { overwriteMark, timelineEntries, timelineSegments } from './timeline-model';

const change = (over: Partial<ComplianceChange>): ComplianceChange => ({
  nodeId: 'i-0123456789abcdef0', at: '2025-06-01T00:00:00.000Z', from: 'compliant', to: 'noncompliant', missing: 2, failed: 0, critical: 0,
  pendingReboot: 0, operation: 'Scan', baselineId: 'pb-0aaaaaaaaaaaaaaaa', scannedAt: null, overwritten: false, previousOperation: 'Scan',
  previousBaselineId: 'pb-0aaaaaaaaaaaaaaaa', simulated: false, ...over,
});

describe('timeline entries', () => {
  it('names each change and its counts, and the counts that moved when only they changed', () => {
    const entries = timelineEntries([
      change({ at: '2025-06-04T00:00:00.000Z', from: 'noncompliant', to: 'compliant', missing: 0 }),
      change({ at: '2025-06-03T00:00:00.000Z', from: 'noncompliant', to: 'noncompliant', missing: 5, critical: 1 }),
      change({ at: '2025-06-02T00:00:00.000Z' }),
      change({ at: '2025-06-01T00:00:00.000Z', from: null, to: 'compliant', missing: 0 }),
    ]);
    expect(entries.map((e) => [e.title, e.counts, e.delta, e.tone])).toEqual([
      ['Compliant again', 'nothing missing', null, 'green'],
      ['Patch counts changed', '5 missing · 1 critical', 'missing 2 → 5, critical 0 → 1', 'red'],
      ['Became noncompliant', '2 missing', null, 'amber'],
      ['First seen compliant', 'nothing missing', null, 'green'],
    ]);
  });

  it('tells an overwrite by another baseline from one by another operation', () => {
    expect(overwriteMark(change({}))).toBeNull();
    expect(overwriteMark(change({ overwritten: true, baselineId: 'arn:aws:ssm:us-east-1:123456789012:patchbaseline/pb-0bbbbbbbbbbbbbbbb' }))).toMatchObject({
      label: 'Other baseline', title: expect.stringContaining('pb-0bbbbbbbbbbbbbbbb (was pb-0aaaaaaaaaaaaaaaa)'),
    });
    expect(overwriteMark(change({ overwritten: true, operation: 'Install' }))).toMatchObject({ label: 'Install (was Scan)' });
  });
});

describe('timeline strip', () => {
  it('spans from the oldest change to now, each state up to the next change', () => {
    const day = 86_400_000;
    const t0 = Date.parse('2025-06-01T00:00:00.000Z');
    const segs = timelineSegments(
      [change({ at: new Date(t0 + 3 * day).toISOString(), simulated: true }), change({ at: new Date(t0).toISOString(), from: null, to: 'compliant' })],
      t0 + 4 * day,
    );
    expect(segs.map((s) => [s.label, s.left, s.width, s.simulated])).toEqual([['compliant', 0, 75, false], ['noncompliant', 75, 25, true]]);
    expect(timelineSegments([], t0)).toEqual([]);
  });
});
