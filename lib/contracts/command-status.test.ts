import { describe, expect, it } from 'vitest';
import { FAILED_OUTCOMES, invocationOutcome, OUTCOMES, OUTCOMES_BY_RANK, runStatusOf } from './command-status';

describe('the status vocabulary', () => {
  it('folds AWS Status + StatusDetails into one outcome', () => {
    expect(invocationOutcome('Failed', 'Failed')).toBe('failed');
    expect(invocationOutcome('Failed', 'Undeliverable')).toBe('undeliverable');
    expect(invocationOutcome('Failed', 'Invalid Platform')).toBe('invalidPlatform');
    expect(invocationOutcome('TimedOut', 'Delivery Timed Out')).toBe('deliveryTimedOut');
    expect(invocationOutcome('TimedOut', 'Execution Timed Out')).toBe('executionTimedOut');
    expect(invocationOutcome('Cancelled', 'Terminated')).toBe('terminated');
    expect(invocationOutcome('Cancelled', 'Cancelled')).toBe('cancelled');
    expect(invocationOutcome('Pending', 'Pending')).toBe('pending');
    expect(invocationOutcome('Delayed', 'Delayed')).toBe('delayed');
    // A status this code does not know is never shown as a success.
    expect(invocationOutcome('SomethingNew', null)).toBe('failed');
  });

  it('lists problems first and counts only failures as failed', () => {
    expect(OUTCOMES_BY_RANK[0]).toBe('failed');
    expect(OUTCOMES_BY_RANK.at(-1)).toBe('success');
    expect(FAILED_OUTCOMES).not.toContain('cancelled');
    expect(FAILED_OUTCOMES).toContain('notSent');
    expect(Object.values(OUTCOMES).filter((o) => !o.terminal).map((o) => o.label)).toEqual(['Delayed', 'In progress', 'Pending', 'Cancelling']);
  });

  it('reads a cancelled run as Cancelled, not Failed, and a partly sent one as such', () => {
    const ended = { sending: false, sentCommands: 2, unsentCommands: 0, allEnded: true, cancelRequested: false };
    expect(runStatusOf({ success: 5 }, ended)).toBe('success');
    expect(runStatusOf({ success: 5, failed: 1 }, ended)).toBe('failed');
    expect(runStatusOf({ success: 3, cancelled: 2, failed: 1 }, { ...ended, cancelRequested: true })).toBe('cancelled');
    expect(runStatusOf({ success: 3, notSent: 50 }, { ...ended, unsentCommands: 1 })).toBe('partial');
    expect(runStatusOf({ pending: 3 }, { ...ended, allEnded: false })).toBe('inProgress');
    expect(runStatusOf({}, { ...ended, sending: true })).toBe('sending');
    expect(runStatusOf({}, { ...ended, sentCommands: 0 })).toBe('notSent');
  });
});
