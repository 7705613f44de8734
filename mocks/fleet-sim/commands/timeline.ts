/** A command's timed invocation events (ends and cancels) as a binary min-heap on (t, n). */
import type { SimCommand, SimInvocation, TimedEvent } from './types';

let counter = 0;

const before = (a: TimedEvent, b: TimedEvent) => a.t < b.t || (a.t === b.t && a.n < b.n);

export function schedule(cmd: SimCommand, t: number, kind: TimedEvent['kind'], invocation: SimInvocation): void {
  const heap = cmd.timeline;
  heap.push({ t, n: counter++, kind, invocation });
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function pop(heap: TimedEvent[]): void {
  const last = heap.pop() as TimedEvent;
  if (heap.length === 0) return;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && before(heap[l], heap[m])) m = l;
    if (r < heap.length && before(heap[r], heap[m])) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m], heap[i]];
    i = m;
  }
}

/** An event is stale once its invocation moved on (an end after a cancel, a cancel after an end). */
const stale = (e: TimedEvent) => (e.kind === 'end' ? e.invocation.phase !== 'running' : e.invocation.phase === 'done');

/** The earliest live event (stale ones are dropped). */
export function peek(cmd: SimCommand): TimedEvent | undefined {
  const heap = cmd.timeline;
  while (heap.length > 0 && stale(heap[0])) pop(heap);
  return heap[0];
}

export function take(cmd: SimCommand): TimedEvent | undefined {
  const first = peek(cmd);
  if (first) pop(cmd.timeline);
  return first;
}
