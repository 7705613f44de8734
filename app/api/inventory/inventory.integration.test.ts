/**
 * Inventory routes in-process, through the real SDK and the simulated AWS. Expected figures are counted the slow way
 * (ListInventoryEntries for every node, one by one) and compared with what the routes answer from aggregators.
 */
import { describe, expect, it } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { listInventoryEntries } from '@/lib/aws/ssm/list-inventory-entries';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { resetInventoryCaches } from '@/lib/inventory/region-inventory';
import { compareToQuery, familyOf, joinEvr } from '@/lib/contracts/version-order';
import type { CatalogResponse, NodeInventoryPage, SoftwareSearchResponse } from '@/lib/contracts/inventory';
import type { FleetResponse, NodeRow } from '@/lib/contracts/node';
import { GET as getSoftware } from './software/route';
import { GET as getNodeInventory } from '../nodes/[id]/inventory/route';
import { GET as getNodes } from '../nodes/route';

const REGIONS = ['us-east-1', 'eu-west-1'];
const mock = installMockAws({ nodes: 160, regions: REGIONS });

const software = (qs = '') => getSoftware(new Request(`http://test/api/inventory/software${qs}`), undefined);
const nodeInventory = (id: string, qs = '') =>
  getNodeInventory(new Request(`http://test/api/nodes/${id}/inventory${qs}`), { params: Promise.resolve({ id }) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

/** Every node's applications, read one node at a time: the slow truth the aggregates must agree with. */
async function bruteForce(nodes: NodeRow[]) {
  const out = new Map<string, { node: NodeRow; name: string; version: string }[]>();
  for (const n of nodes) {
    // AWS keeps the inventory of stopped instances (and counts it); never-registered ones have none.
    if (n.ping === 'NotManaged') continue;
    const family = familyOf(n.platformType, n.platformName);
    const list: { node: NodeRow; name: string; version: string }[] = [];
    let next: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listInventoryEntries>> | null = await listInventoryEntries({ account: n.account, region: n.region }, { nodeId: n.id, typeName: 'AWS:Application', nextToken: next }).catch(
        (e: { code?: string }) => {
          if (e.code === 'InvalidInstanceId') return null;
          throw e;
        },
      );
      if (!page) break;
      for (const e of page.entries) {
        const version = family === 'rpm' ? joinEvr({ epoch: e.Epoch || null, version: e.Version ?? '', release: e.Release || null }) : (e.Version ?? '');
        list.push({ node: n, name: e.Name, version });
      }
      next = page.nextToken;
    } while (next);
    out.set(n.id, list);
  }
  return out;
}

describe('GET /api/inventory/software (catalog)', () => {
  it('counts every application version as the nodes themselves report them', async () => {
    const snap = await getFleetSnapshot();
    const truth = await bruteForce(snap.nodes);
    mock.stats.reset();
    const res = await software();
    expect(res.status).toBe(200);
    const c = (await res.json()) as CatalogResponse;
    expect(c.partial).toBe(false);
    expect(c.scope).toBe('fleet');
    // Aggregators, not a per-node fan-out.
    expect(mock.stats.snapshot().byOperation['ssm:ListInventoryEntries'] ?? 0).toBe(0);

    const expected = new Map<string, Map<string, Set<string>>>();
    for (const list of truth.values())
      for (const e of list) {
        const versions = expected.get(e.name) ?? new Map<string, Set<string>>();
        expected.set(e.name, versions);
        versions.set(e.version, (versions.get(e.version) ?? new Set()).add(e.node.id));
      }
    expect(c.apps.length).toBe(expected.size);
    for (const name of ['openssl', 'curl', 'bash']) {
      const app = c.apps.find((a) => a.name === name);
      expect(app, name).toBeDefined();
      const want = Object.fromEntries([...expected.get(name)!].map(([v, ids]) => [v, ids.size]));
      const got = Object.fromEntries(app!.versions.map((v) => [v.version, v.nodes]));
      expect(got).toEqual(want);
    }
    expect(c.inventoriedNodes).toBeGreaterThan(0);
    expect(c.facets.os.length).toBeGreaterThan(1);
    expect(c.facets.agent.reduce((s, r) => s + r.nodes, 0)).toBe(c.inventoriedNodes);
  });

  it('applies the nodes view filters: natively for platform, by naming the nodes for tags', async () => {
    const snap = await getFleetSnapshot();
    const platform = snap.nodes.find((n) => n.managed && n.platformName?.startsWith('Ubuntu'))!.platformName!;
    const byPlatform = (await (await software(`?platform=${encodeURIComponent(platform)}`)).json()) as CatalogResponse;
    expect(byPlatform.scope).toBe('fleet');
    expect(byPlatform.apps.every((a) => a.platforms.every((p) => p === platform))).toBe(true);

    const prod = snap.nodes.filter((n) => n.tags.Environment === 'prod');
    const truth = await bruteForce(prod);
    const res = (await (await software('?tag=Environment%3Dprod')).json()) as CatalogResponse;
    expect(res.scope).toBe('filtered');
    const opensslNodes = new Set([...truth.values()].flat().filter((e) => e.name === 'openssl').map((e) => `${e.node.id}|${e.version}`));
    const got = res.apps.find((a) => a.name === 'openssl')!.versions.reduce((s, v) => s + v.nodes, 0);
    expect(got).toBe(opensslNodes.size);
  });

  it('says which region failed and keeps the others', async () => {
    mock.scenario.failRegions = ['eu-west-1'];
    resetInventoryCaches();
    const res = await software();
    expect(res.status).toBe(200);
    const c = (await res.json()) as CatalogResponse;
    expect(c.partial).toBe(true);
    expect(c.regions.find((r) => r.region === 'eu-west-1')!.ok).toBe(false);
    expect(c.regions.find((r) => r.region === 'us-east-1')!.ok).toBe(true);
    expect(c.apps.length).toBeGreaterThan(10);
  });
});

describe('GET /api/inventory/software?name=… (search)', () => {
  it('names exactly the nodes with openssl older than 3.0.13, in their packaging system order', async () => {
    const snap = await getFleetSnapshot();
    const truth = await bruteForce(snap.nodes);
    const want = new Set<string>();
    for (const list of truth.values())
      for (const e of list) if (e.name === 'openssl' && compareToQuery(familyOf(e.node.platformType, e.node.platformName), e.version, '3.0.13') < 0) want.add(e.node.id);
    expect(want.size).toBeGreaterThan(0);

    const res = await software('?name=openssl&version=lt%3A3.0.13');
    expect(res.status).toBe(200);
    const s = (await res.json()) as SoftwareSearchResponse;
    expect(new Set(s.matches.map((m) => m.nodeId))).toEqual(want);
    expect(s.nodes).toBe(want.size);
    expect(s.matches.every((m) => m.software === 'openssl' && m.inFleet)).toBe(true);
    // Matched and unmatched versions are both listed, so the engineer sees what "newer" looks like.
    expect(s.versions.some((v) => !v.matched)).toBe(true);
    expect(s.versions.filter((v) => v.matched).reduce((n, v) => n + v.named, 0)).toBe(s.matches.length);
    expect(s.verified).toBe(0);
  });

  it('finds by prefix and restricts to the nodes view', async () => {
    const prefix = (await (await software('?name=openss&match=prefix')).json()) as SoftwareSearchResponse;
    expect(new Set(prefix.matches.map((m) => m.software)).size).toBeGreaterThan(1); // openssl, openssl-libs, openssh…
    expect(prefix.matches.every((m) => m.software.toLowerCase().startsWith('openss'))).toBe(true);

    const all = (await (await software('?name=openssl')).json()) as SoftwareSearchResponse;
    const prod = (await (await software('?name=openssl&tag=Environment%3Dprod')).json()) as SoftwareSearchResponse;
    const snap = await getFleetSnapshot();
    expect(prod.matches.length).toBeGreaterThan(0);
    expect(prod.matches.length).toBeLessThan(all.matches.length);
    expect(prod.matches.every((m) => snap.byId.get(m.nodeId)!.row.tags.Environment === 'prod')).toBe(true);
  });

  it('opens the nodes table on the same nodes (sw filter)', async () => {
    const s = (await (await software('?name=openssl&version=lt%3A3.0.13')).json()) as SoftwareSearchResponse;
    const res = await getNodes(new Request(`http://test/api/nodes?sw=${encodeURIComponent('openssl@lt:3.0.13')}`), undefined);
    expect(res.status).toBe(200);
    const body = (await res.json()) as FleetResponse;
    expect(new Set(body.nodes.map((n) => n.id))).toEqual(new Set(s.matches.map((m) => m.nodeId)));
  });

  it('answers bad operators, versions and names with 400s that say what is allowed', async () => {
    for (const [qs, text] of [
      ['?name=openssl&version=older%3A3.0', 'lt, le, eq, ge, gt'],
      ['?name=openssl&version=3.0.13', 'lt:3.0.13'],
      ['?name=openssl&version=lt%3A', 'not a version'],
      ['?name=openssl&version=lt%3A3.0%20;rm', 'not a version'],
      ['?version=lt%3A3.0', 'needs a name'],
      ['?name=openssl&match=fuzzy', 'exact or prefix'],
      ['?name=openssl&colour=red', 'unknown query parameter'],
    ] as const) {
      const res = await software(qs);
      expect(res.status, qs).toBe(400);
      expect((await errorOf(res)).message, qs).toContain(text);
    }
    const badSw = await getNodes(new Request(`http://test/api/nodes?sw=${encodeURIComponent('openssl@lt:')}`), undefined);
    expect(badSw.status).toBe(400);
  });
});

describe('GET /api/nodes/{id}/inventory', () => {
  it('pages a node\'s applications 50 at a time with the capture time', async () => {
    const snap = await getFleetSnapshot();
    const truth = await bruteForce(snap.nodes.filter((n) => n.ping === 'Online').slice(0, 20));
    const [id, entries] = [...truth].find(([, l]) => l.length > 50)!;
    const first = (await (await nodeInventory(id)).json()) as NodeInventoryPage;
    expect(first.typeName).toBe('AWS:Application');
    expect(first.entries).toHaveLength(50);
    expect(first.captureTime).toMatch(/^\d{4}-/);
    expect(first.next).toBeTruthy();
    expect(first.types.map((t) => t.typeName)).toContain('AWS:Network');
    let total = first.entries.length;
    let next = first.next;
    while (next) {
      const page = (await (await nodeInventory(id, `?next=${encodeURIComponent(next)}`)).json()) as NodeInventoryPage;
      total += page.entries.length;
      next = page.next;
    }
    expect(total).toBe(entries.length);

    const net = (await (await nodeInventory(id, '?type=AWS:Network')).json()) as NodeInventoryPage;
    expect(net.entries.length).toBeGreaterThan(0);
    expect(net.entries[0].IPV4).toBeTruthy();
  });

  it('says why a node has no inventory', async () => {
    const snap = await getFleetSnapshot();
    const inactive = snap.nodes.find((n) => n.ping === 'Inactive');
    expect(inactive).toBeDefined();
    const p = (await (await nodeInventory(inactive!.id)).json()) as NodeInventoryPage;
    expect(p.entries).toHaveLength(0);
    expect(p.none?.reason).toBe('not-online');

    const unmanaged = snap.nodes.find((n) => !n.managed)!;
    const u = (await (await nodeInventory(unmanaged.id)).json()) as NodeInventoryPage;
    expect(u.none?.reason).toBe('not-managed');

    // Online nodes without the inventory association: the reason names the association.
    const online = snap.nodes.filter((n) => n.ping === 'Online');
    const reasons = new Set<string>();
    for (const n of online) {
      const page = (await (await nodeInventory(n.id)).json()) as NodeInventoryPage;
      if (page.none) reasons.add(page.none.reason);
    }
    expect(reasons.has('no-association')).toBe(true);
  });

  it('answers a bad type, a bad token and a bad node ID with 400s', async () => {
    const snap = await getFleetSnapshot();
    const id = snap.nodes.find((n) => n.ping === 'Online')!.id;
    for (const [qs, text] of [
      ['?type=Application', 'AWS:Application'],
      ['?type=AWS:NoSuchType', 'not an inventory type'],
      ['?next=bogus', 'paging token'],
    ] as const) {
      const res = await nodeInventory(id, qs);
      expect(res.status, qs).toBe(400);
      expect((await errorOf(res)).message, qs).toContain(text);
    }
    expect((await nodeInventory('i-nope')).status).toBe(400);
    expect((await nodeInventory('i-0123456789abcdef0')).status).toBe(404);
  });
});
