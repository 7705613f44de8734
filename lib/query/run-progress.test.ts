import { describe, expect, it } from 'vitest';
import type { RunDetail, RunNode } from '@/lib/contracts/run';
import { mergeProgress } from './run-progress';

const node = (id: string, rev: number, outcome: RunNode['outcome'] = 'pending'): RunNode => ({ account: '',
  nodeId: id, name: id, region: 'us-east-1', commandId: 'c', outcome, status: 'Pending', statusDetails: null, exitCode: null, errorLine: null,
  group: null, requestedAt: null, deliveryDeadline: null, ping: 'Online', rev,
});
const detail = (nodes: RunNode[], full: boolean, cursor: string) => ({ nodes, full, cursor, status: 'inProgress' }) as unknown as RunDetail;

describe('merging run progress', () => {
  it('keeps unchanged node objects and replaces only the changed ones', () => {
    const a = node('a', 1);
    const b = node('b', 2);
    const first = mergeProgress(undefined, detail([a, b], true, 'e.2'));
    expect(first.nodes).toEqual([a, b]);
    const bDone = node('b', 3, 'success');
    const second = mergeProgress(first, detail([bDone], false, 'e.3'));
    expect(second.nodes[0]).toBe(a);
    expect(second.nodes[1]).toBe(bDone);
    expect(second.detail.cursor).toBe('e.3');
    const idle = mergeProgress(second, detail([], false, 'e.3'));
    expect(idle.nodes).toBe(second.nodes);
  });

  it('starts over on a full answer (the server restarted or the cursor was unknown)', () => {
    const first = mergeProgress(undefined, detail([node('a', 1), node('b', 2)], true, 'e.2'));
    const again = mergeProgress(first, detail([node('c', 1)], true, 'f.1'));
    expect(again.nodes.map((n) => n.nodeId)).toEqual(['c']);
  });
});
