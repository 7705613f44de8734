/**
 * The longest chain of calls in which each call starts after the previous one ended:
 * the number of round trips a client had to wait for one after another. Greedy by
 * earliest end time (interval scheduling), O(n log n).
 */
export interface Interval {
  start: number;
  end: number;
}

export function longestSequentialChain(intervals: readonly Interval[]): number {
  const ends = new Float64Array(intervals.length);
  const order = new Uint32Array(intervals.length);
  for (let i = 0; i < intervals.length; i++) {
    ends[i] = intervals[i].end;
    order[i] = i;
  }
  order.sort((a, b) => ends[a] - ends[b] || intervals[a].start - intervals[b].start);
  let length = 0;
  let lastEnd = -Infinity;
  for (const i of order) {
    const { start, end } = intervals[i];
    if (start >= lastEnd) {
      length++;
      lastEnd = end;
    }
  }
  return length;
}
