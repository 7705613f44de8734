/** From a software search to a run on exactly those nodes: the nodes view's `sw` filter as a run target. */
import { describe, expect, it } from 'vitest';
import type { SoftwareSearchResponse } from '@/lib/contracts/inventory';
import { installRunTestEnv, preview, script } from '../runs/test-helpers';
import { GET as getSoftware } from './software/route';

installRunTestEnv();

describe('a run on the nodes a software search found', () => {
  it('previews exactly the nodes with openssl older than 3.0.13', async () => {
    const res = await getSoftware(new Request('http://test/api/inventory/software?name=openssl&version=lt%3A3.0.13'), undefined);
    const found = (await res.json()) as SoftwareSearchResponse;
    expect(found.nodes).toBeGreaterThan(0);

    const query = new URLSearchParams({ sw: 'openssl@lt:3.0.13' }).toString();
    const p = await preview(script(['dnf -y upgrade openssl || apt-get install -y --only-upgrade openssl'], { targets: { mode: 'view', query } }));
    expect(new Set(p.nodes.map((n) => n.id))).toEqual(new Set(found.matches.map((m) => m.nodeId)));
  });
});
