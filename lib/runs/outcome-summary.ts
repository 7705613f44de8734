import { OUTCOMES_BY_RANK, OUTCOMES, type OutcomeCounts } from '@/lib/contracts/command-status';

/** "9,870 of 10,000 succeeded; 120 failed, 10 undeliverable": what the audit log says a run did. */
export function outcomeSummary(counts: OutcomeCounts, expected: number): string {
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const ok = counts.success ?? 0;
  const rest = OUTCOMES_BY_RANK.filter((o) => o !== 'success' && (counts[o] ?? 0) > 0).map((o) => `${(counts[o] ?? 0).toLocaleString('en-US')} ${OUTCOMES[o].label.toLowerCase()}`);
  return `${ok.toLocaleString('en-US')} of ${Math.max(total, expected).toLocaleString('en-US')} succeeded${rest.length ? `; ${rest.join(', ')}` : ''}`;
}
