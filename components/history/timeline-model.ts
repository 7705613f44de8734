import type { ComplianceChange } from '@/lib/contracts/history';
import type { PatchStatus } from '@/lib/contracts/node';
import type { Tone } from '@/components/ui/badge';

/** What the compliance timeline shows of each recorded change, and of the spans between them. Pure, client-safe. */

export const STATUS_LABEL: Record<PatchStatus, string> = { compliant: 'compliant', noncompliant: 'noncompliant', notScanned: 'not scanned' };

export interface Mark {
  label: string;
  title: string;
  tone: Tone;
}

export interface TimelineEntry {
  key: string;
  at: string;
  title: string;
  tone: Tone;
  /** "3 missing · 1 critical", or "nothing missing". */
  counts: string | null;
  /** For a change of counts only: "missing 2 → 5". */
  delta: string | null;
  /** Where the summary came from: "Install · pb-0abc…". */
  source: string | null;
  overwritten: Mark | null;
  simulated: boolean;
}

export function toneOf(c: Pick<ComplianceChange, 'to' | 'failed' | 'critical'>): Tone {
  if (c.to === 'compliant') return 'green';
  if (c.to === 'noncompliant') return (c.failed ?? 0) > 0 || (c.critical ?? 0) > 0 ? 'red' : 'amber';
  return 'gray';
}

function titleOf(c: ComplianceChange): string {
  if (c.to === null) return 'Patch state unknown';
  if (c.from === null) return `First seen ${STATUS_LABEL[c.to]}`;
  if (c.from === c.to) return 'Patch counts changed';
  if (c.to === 'noncompliant') return 'Became noncompliant';
  if (c.to === 'compliant') return c.from === 'noncompliant' ? 'Compliant again' : 'Compliant (first scan)';
  return 'No longer scanned';
}

const COUNTS = [
  ['missing', 'missing'], ['failed', 'failed'], ['critical', 'critical'], ['pendingReboot', 'pending reboot'],
] as const;

function countsOf(c: ComplianceChange): string | null {
  if (c.to === 'notScanned' || c.to === null) return null;
  const parts = COUNTS.filter(([k]) => (c[k] ?? 0) > 0).map(([k, label]) => `${c[k]} ${label}`);
  return parts.length ? parts.join(' · ') : 'nothing missing';
}

function deltaOf(c: ComplianceChange, older: ComplianceChange | undefined): string | null {
  if (!older || c.from !== c.to) return null;
  const parts = COUNTS.filter(([k]) => k !== 'pendingReboot' && older[k] !== c[k]).map(([k, label]) => `${label} ${older[k] ?? '?'} → ${c[k] ?? '?'}`);
  return parts.length ? parts.join(', ') : null;
}

const short = (id: string) => id.replace(/^arn:aws:ssm:[^:]*:\d*:patchbaseline\//, '');

/** Which of the two the summary changed: another baseline weighs more than another operation. */
export function overwriteMark(c: ComplianceChange): Mark | null {
  if (!c.overwritten) return null;
  const { baselineId: b, previousBaselineId: pb, operation: op, previousOperation: pop } = c;
  if (b && pb && b !== pb) {
    return {
      label: 'Other baseline',
      tone: 'amber',
      title: `The patch summary now comes from baseline ${short(b)} (was ${short(pb)}): the change may come from the baseline, not from the node.`,
    };
  }
  return {
    label: `${op ?? '?'} (was ${pop ?? '?'})`,
    tone: 'blue',
    title: `The patch summary now comes from an ${op ?? 'other'} operation (was ${pop ?? 'another'}): it replaced the previous one's result.`,
  };
}

/** Newest first, as the API answers. */
export function timelineEntries(changes: ComplianceChange[]): TimelineEntry[] {
  return changes.map((c, i) => ({
    key: `${c.at}-${i}`,
    at: c.at,
    title: titleOf(c),
    tone: toneOf(c),
    counts: countsOf(c),
    delta: deltaOf(c, changes[i + 1]),
    source: [c.operation, c.baselineId && short(c.baselineId)].filter(Boolean).join(' · ') || null,
    overwritten: overwriteMark(c),
    simulated: c.simulated,
  }));
}

export interface Segment {
  key: string;
  /** Percent of the strip. */
  left: number;
  width: number;
  tone: Tone;
  simulated: boolean;
  from: string;
  to: string | null;
  label: string;
}

/** The strip: each state from its change to the next (the newest up to now), over the span of the recorded changes. */
export function timelineSegments(changes: ComplianceChange[], now: number): Segment[] {
  const oldestFirst = [...changes].reverse();
  if (!oldestFirst.length) return [];
  const start = Date.parse(oldestFirst[0].at);
  const span = Math.max(1, now - start);
  return oldestFirst.map((c, i) => {
    const next = oldestFirst[i + 1];
    const from = Date.parse(c.at);
    const to = next ? Date.parse(next.at) : now;
    return {
      key: `${c.at}-${i}`,
      left: ((from - start) / span) * 100,
      width: (Math.max(0, to - from) / span) * 100,
      tone: toneOf(c),
      simulated: c.simulated,
      from: c.at,
      to: next?.at ?? null,
      label: c.to ? STATUS_LABEL[c.to] : 'unknown',
    };
  });
}
