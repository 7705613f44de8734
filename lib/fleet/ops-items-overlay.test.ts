import { describe, expect, it } from 'vitest';
import type { OpsItemRef } from '@/lib/contracts/node';
import { region, row, snapshot, T0 } from '@/lib/history/test-fleet';
import { withOpsItemChange } from './ops-items-overlay';

const ref = (id: string, status = 'Open'): OpsItemRef => ({ id, title: id, status, severity: '2', priority: 2, source: 'x', category: null, createdAt: null });

function fleet() {
  const east = [row(1), row(2), row(3, {}, { openOpsItems: null })];
  const west = [row(10, {}, { region: 'eu-west-1' })];
  const r1 = region(east, { opsItems: new Map([[east[0].id, [ref('oi-000000000001')]]]) });
  east[0].openOpsItems = 1;
  return snapshot(T0, [r1, region(west)]);
}

describe('withOpsItemChange', () => {
  it('counts a new open OpsItem on its nodes, in the table rows, the node index and the region', () => {
    const s = fleet();
    const [n1, n2] = s.nodes;
    const next = withOpsItemChange(s, { region: 'us-east-1', ref: ref('oi-000000000002'), nodeIds: [n1.id, n2.id], open: true });
    expect(next.version).not.toBe(s.version);
    expect(next.nodes.find((r) => r.id === n1.id)?.openOpsItems).toBe(2);
    expect(next.byId.get(n2.id)?.row.openOpsItems).toBe(1);
    expect(next.byId.get(n2.id)?.region.opsItems.get(n2.id)?.map((o) => o.id)).toEqual(['oi-000000000002']);
    // The snapshot it came from is untouched (viewers may still hold it).
    expect(s.nodes[1].openOpsItems).toBe(0);
    expect(s.regions[0].opsItems.get(n2.id)).toBeUndefined();
  });

  it('takes a resolved OpsItem off every node, and is idempotent', () => {
    const s = fleet();
    const n1 = s.nodes[0];
    const once = withOpsItemChange(s, { region: 'us-east-1', ref: ref('oi-000000000001', 'Resolved'), nodeIds: [], open: false });
    expect(once.byId.get(n1.id)?.row.openOpsItems).toBe(0);
    expect(once.byId.get(n1.id)?.region.opsItems.get(n1.id)).toEqual([]);
    expect(withOpsItemChange(once, { region: 'us-east-1', ref: ref('oi-000000000001', 'Resolved'), nodeIds: [], open: false })).toBe(once);
    const reopened = withOpsItemChange(once, { region: 'us-east-1', ref: ref('oi-000000000001'), nodeIds: [n1.id], open: true });
    const twice = withOpsItemChange(reopened, { region: 'us-east-1', ref: ref('oi-000000000001'), nodeIds: [n1.id], open: true });
    expect(twice.byId.get(n1.id)?.row.openOpsItems).toBe(1);
  });

  it('leaves unknown counts unknown and other regions alone', () => {
    const s = fleet();
    const unknown = s.nodes[2];
    const next = withOpsItemChange(s, { region: 'us-east-1', ref: ref('oi-000000000003'), nodeIds: [unknown.id], open: true });
    expect(next.byId.get(unknown.id)?.row.openOpsItems).toBeNull();
    expect(next.regions[1]).toBe(s.regions[1]);
    expect(withOpsItemChange(s, { region: 'sa-east-1', ref: ref('oi-000000000003'), nodeIds: [], open: true })).toBe(s);
  });
});
