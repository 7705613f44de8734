import { describe, expect, it } from 'vitest';
import { createSimulation, patchCounts, patchList, updatePatchList, type SimNode } from './index';

const NOW = Date.UTC(2025, 5, 1, 12);

function snapshot(s: ReturnType<typeof createSimulation>) {
  return JSON.stringify({ nodes: [...s.store.byId.values()], ops: [...s.store.opsItemsById.values()] });
}

describe('determinism and scale', () => {
  it('builds the same fleet from the same seed and a different one from another seed', () => {
    const a = createSimulation({ nodes: 500, seed: 7, now: () => NOW });
    const b = createSimulation({ nodes: 500, seed: 7, now: () => NOW });
    const c = createSimulation({ nodes: 500, seed: 8, now: () => NOW });
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
  });

  it('generates the same patch lists lazily, and reset() restores the original fleet', () => {
    const a = createSimulation({ nodes: 200, seed: 3, now: () => NOW });
    const node = [...a.store.byId.values()].find((n) => n.patch) as SimNode;
    expect(patchList(node)).toEqual(patchList(node));
    updatePatchList(node, (entries) => entries.forEach((e) => (e.state = 'Installed')));
    expect(patchCounts(patchList(node) ?? []).MissingCount).toBe(0);
    a.reset();
    expect(snapshot(a)).toBe(snapshot(createSimulation({ nodes: 200, seed: 3, now: () => NOW })));
  });

  it('rejects more than 200,000 nodes', () => {
    expect(() => createSimulation({ nodes: 200_001 })).toThrow(/200000/);
  });

  it('generates a 50,000-node fleet, each node with an address of its own', () => {
    // How fast is a benchmark's question (generation is about 2.5 s here, network layer included), not a test's.
    const big = createSimulation({ nodes: 50_000, seed: 1 });
    expect(big.store.byId.size).toBe(50_000);
    const ips = [...big.store.byId.values()].map((n) => n.ec2?.privateIp).filter(Boolean);
    expect(new Set(ips).size).toBe(ips.length);
  });
});
